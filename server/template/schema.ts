import { z } from 'zod';

const vi = z.string().min(1).transform((s) => s.normalize('NFC'));

export const SectionShape = z.enum(['prose', 'dash-list']);
export type SectionShape = z.infer<typeof SectionShape>;

export const TemplateSection = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Heading without its number, e.g. `KẾT QUẢ THỰC HIỆN`; absent for the unnumbered opening and closing. */
  heading: vi.optional(),
  required: z.boolean(),
  /** What the section is for, written for the model's prompt and for staff. */
  purpose: vi,
  shape: SectionShape,
  /** Bounds on the section's text, in paragraphs and in characters. */
  paragraphs: z.object({ min: z.number().int().min(0), max: z.number().int().min(1) }),
  maxChars: z.number().int().positive(),
  /** `opening` and `closing` sections carry the template's formulas; code writes them, not the model. */
  role: z.enum(['opening', 'body', 'closing']).default('body'),
  /**
   * Whether the body section prints its Roman-numbered heading (`I. …`). A công văn or a thông báo runs
   * its content on without one; the heading then only names the section for staff.
   */
  numbered: z.boolean().default(true),
  /** Whether the brief may give this section a task table (việc, đơn vị chủ trì, phối hợp, thời hạn). */
  taskTable: z.boolean().default(false),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/**
 * A formula with slots: {org} the issuing body as written in prose, {subject} the trích yếu in lower
 * case, {recipient} the first Kính gửi recipient, {recipients} all of them as one phrase ("A, B và C"),
 * {facts} the section's facts joined as one clause.
 */
export const Formula = z.object({
  /** Used when the section has facts. */
  withFacts: vi,
  /** Used when staff gave no facts for the section. */
  withoutFacts: vi,
  /**
   * When the last fact is the cơ quan's own clause ("huyện báo cáo kq …"), the formula is written
   * from it: {rest} is what follows the verb, and the other facts come before.
   */
  selfClause: z.object({ verb: vi, text: vi }).optional(),
  /**
   * When the last fact ends with the speaker's own verb ("… Chủ tịch UBND tỉnh có ý kiến", "… kết luận"),
   * the facts already say who speaks; `text` (e.g. "{facts} như sau:") only completes them.
   */
  trailingVerb: z.object({ verbs: z.array(vi).min(1), text: vi }).optional(),
  /** Rewrites applied to the start of the facts clause, e.g. "gửi" becomes "kính gửi". */
  factRewrites: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
});
export type Formula = z.infer<typeof Formula>;

export const Template = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Vietnamese name, e.g. `Báo cáo`. */
    name: vi,
    /** Tên loại printed above the trích yếu; null for công văn. */
    typeName: vi.nullable(),
    /** Ký hiệu code (BC, TTr, KH, TB); null for công văn. */
    code: z.string().nullable(),
    /** Whether the header carries Kính gửi. */
    kinhGui: z.enum(['required', 'optional', 'none']),
    /** Công văn: the trích yếu is written `V/v …` under Số. */
    vv: z.boolean(),
    sections: z.array(TemplateSection).min(1),
    opening: Formula,
    closing: Formula,
    defaults: z.object({
      signer: z.object({ lines: z.array(vi), name: z.string() }),
      /** Nơi nhận before the brief's own entries; `Như trên` first where the type has Kính gửi. */
      copies: z.array(vi),
      archive: vi,
    }),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    t.sections.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: `duplicate key ${s.key}` });
      keys.add(s.key);
      if (s.role === 'body' && !s.heading) {
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'heading'], message: 'a body section needs a heading' });
      }
      if (s.taskTable && s.role !== 'body') {
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'taskTable'], message: 'only a body section may carry a task table' });
      }
      if (s.paragraphs.min > s.paragraphs.max) {
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'paragraphs'], message: 'min is above max' });
      }
    });
    if (t.code === null && t.typeName !== null) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'a type with a tên loại needs a ký hiệu code' });
    }
  });
export type Template = z.infer<typeof Template>;

export function templateSection(template: Template, key: string): TemplateSection | undefined {
  return template.sections.find((s) => s.key === key);
}
