import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { TemplateRegistry } from '../template/load.js';
import type { ProfileStore } from '../store/profile-store.js';
import { OfficeProfile } from '../profile/schema.js';
import { SYMBOL_PATTERN } from '../brief/schema.js';
import { prefillBrief } from '../profile/prefill.js';
import { DraftError, issuesOf } from '../errors.js';
import { readJson } from './body.js';

const PrefillQuery = z.object({
  template: z.string({ error: 'Cần loại văn bản (template), ví dụ ?template=ke-hoach' }).min(1, { error: 'Cần loại văn bản (template)' }),
  /** Index into the profile's signers, from 0. */
  signer: z.coerce
    .number({ error: 'Người ký (signer) là số thứ tự trong danh sách người ký, bắt đầu từ 0' })
    .int({ error: 'Người ký (signer) là số thứ tự trong danh sách người ký, bắt đầu từ 0' })
    .min(0, { error: 'Người ký (signer) là số thứ tự trong danh sách người ký, bắt đầu từ 0' })
    .optional(),
  unit: z
    .string()
    .trim()
    .refine((s) => s === '' || (s.length <= 20 && SYMBOL_PATTERN.test(s)), { error: 'Đơn vị soạn thảo không hợp lệ: viết liền, không dấu cách (ví dụ VP)' })
    .optional(),
});

/** One answer about an abbreviation: "LĐ" means "lãnh đạo"; the abbreviation itself keeps it as written. */
const GlossaryAnswer = z.object({
  abbr: z.string({ error: 'Cần chữ viết tắt (abbr)' }),
  meaning: z.string({ error: 'Cần nghĩa của chữ viết tắt (meaning)' }),
});

/** The office of the request's user: its profile is the one these routes read and write. */
const office = (c: Context) => c.get('scope').actor.officeId;

/** The office profile: read, replace, and a new brief of any type prefilled from it; its glossary, one answer at a time. */
export function profileRoutes(profiles: ProfileStore, templates: TemplateRegistry) {
  return new Hono()
    .get('/', async (c) => c.json((await profiles.get(office(c))) ?? { profile: null, updatedAt: null }))
    .put('/', async (c) => {
      const profile = await readJson(c, OfficeProfile);
      return c.json(await profiles.put(office(c), profile));
    })
    .get('/glossary', async (c) => c.json({ glossary: await profiles.glossary(office(c)) }))
    .post('/glossary', async (c) => {
      const { abbr, meaning } = await readJson(c, GlossaryAnswer);
      try {
        return c.json({ glossary: await profiles.answer(office(c), abbr, meaning) });
      } catch (e) {
        if (e instanceof z.ZodError) throw new DraftError('bad_input', 'Chưa ghi được nghĩa của chữ viết tắt', issuesOf(e));
        throw e;
      }
    })
    .delete('/glossary/:abbr', async (c) => c.json({ glossary: await profiles.forget(office(c), c.req.param('abbr')) }))
    .get('/prefill', async (c) => {
      const query = PrefillQuery.safeParse(c.req.query());
      if (!query.success) throw new DraftError('bad_input', 'Yêu cầu điền sẵn chưa hợp lệ', issuesOf(query.error));
      const { template, signer, unit } = query.data;
      const brief = prefillBrief(templates.get(template), (await profiles.get(office(c)))?.profile ?? null, {
        signer,
        unit: unit || undefined,
      });
      return c.json({ brief });
    });
}
