import { Hono } from 'hono';
import { z } from 'zod';
import type { ConversationService } from '../chat/service.js';
import { readJson } from './body.js';
import { cleanText } from '../text/clean.js';

const StartBody = z.object({ draftId: z.string().max(100).optional() });
const MessageBody = z.object({ text: z.string({ error: 'Cần nội dung tin nhắn (text)' }).transform(cleanText) });

export function conversationRoutes(chat: ConversationService) {
  return new Hono()
    .post('/', async (c) => {
      const { draftId } = await readJson(c, StartBody);
      return c.json(await chat.start(draftId), 201);
    })
    .get('/:id', async (c) => c.json(await chat.get(c.req.param('id'))))
    .post('/:id/messages', async (c) => {
      const { text } = await readJson(c, MessageBody);
      return c.json(await chat.handle(c.req.param('id'), text, c.req.raw.signal));
    });
}
