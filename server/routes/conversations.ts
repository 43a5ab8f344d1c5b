import { Hono } from 'hono';
import { z } from 'zod';
import type { ConversationService } from '../chat/service.js';
import { readJson } from './body.js';
import { cleanText } from '../text/clean.js';
import { queueAs } from '../queue/caller.js';
import { DraftError } from '../errors.js';
import type { RequestScope } from '../auth/scope.js';

const StartBody = z.object({ draftId: z.string().max(100).optional() });
const MessageBody = z.object({ text: z.string({ error: 'Cần nội dung tin nhắn (text)' }).transform(cleanText) });

/** `mayWrite` says whether the request's user may change a draft: only then may they talk about it. */
export function conversationRoutes(chat: ConversationService, mayWrite: (scope: RequestScope, draftId: string) => Promise<boolean> = async () => true) {
  return new Hono()
    .post('/', async (c) => {
      const { draftId } = await readJson(c, StartBody);
      const scope = c.get('scope');
      if (draftId && !(await mayWrite(scope, draftId))) throw new DraftError('not_found', 'Không tìm thấy bản thảo này: có thể đã bị xóa.');
      return c.json(await chat.as(scope).start(draftId), 201);
    })
    .get('/:id', async (c) => c.json(await chat.as(c.get('scope')).get(c.req.param('id'))))
    .post('/:id/messages', async (c) => {
      const { text } = await readJson(c, MessageBody);
      // A message may draft sections: they wait in the conversation's line of the model queue.
      const signal = c.req.raw.signal;
      queueAs(c, signal);
      return c.json(await chat.as(c.get('scope')).handle(c.req.param('id'), text, signal));
    });
}
