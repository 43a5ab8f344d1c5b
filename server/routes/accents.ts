import { Hono } from 'hono';
import { z } from 'zod';
import { proposeAccents } from '../accents/propose.js';
import type { ConversationService } from '../chat/service.js';
import { readJson } from './body.js';

const TextBody = z.object({
  text: z.string({ error: 'Cần đoạn chữ cần kiểm tra dấu (text)' }).max(20_000, { error: 'Đoạn chữ dài quá 20.000 ký tự' }),
});

/**
 * Accents: proposals for a text typed without them (the office's names, the lexicon of cơ quan and
 * place names, the syllable table), and the unaccented texts of a draft staff have not confirmed.
 */
export function accentRoutes(chat: ConversationService) {
  return new Hono()
    .post('/', async (c) => {
      const { text } = await readJson(c, TextBody);
      return c.json({ proposals: proposeAccents(text, await chat.as(c.get('scope')).accentTable()) });
    })
    .get('/drafts/:id', async (c) => c.json({ findings: await chat.as(c.get('scope')).accentFindings(c.req.param('id')) }));
}
