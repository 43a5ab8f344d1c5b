import { z } from 'zod';

/**
 * An office's own meanings: abbreviation -> what that office means by it ("LĐ" -> "lãnh đạo").
 * Staff's answers to the abbreviation questions; they override the lexicon in every draft. A
 * meaning equal to the abbreviation keeps it as written and stops the question.
 */
export type Glossary = Readonly<Record<string, string>>;

export const GLOSSARY_LIMITS = { entries: 500, abbrChars: 30, meaningChars: 200 } as const;

export const GlossarySchema = z
  .record(
    z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .refine((s) => s.length > 0 && s.length <= GLOSSARY_LIMITS.abbrChars && !/\s/u.test(s), {
        error: `Chữ viết tắt phải viết liền, không quá ${GLOSSARY_LIMITS.abbrChars} ký tự`,
      }),
    z
      .string({ error: 'Nghĩa của chữ viết tắt phải là chuỗi ký tự' })
      .transform((s) => s.normalize('NFC').trim())
      .refine((s) => s.length > 0 && s.length <= GLOSSARY_LIMITS.meaningChars, {
        error: `Nghĩa của chữ viết tắt không được để trống và không quá ${GLOSSARY_LIMITS.meaningChars} ký tự`,
      }),
    { error: 'Bảng chữ viết tắt phải là một đối tượng { "chữ viết tắt": "nghĩa" }' },
  )
  .refine((g) => Object.keys(g).length <= GLOSSARY_LIMITS.entries, {
    error: `Bảng chữ viết tắt có tối đa ${GLOSSARY_LIMITS.entries} mục`,
  });

/** Where each office's glossary is kept (its profile): read once per drafting run, so one run uses one set of meanings. */
export interface GlossarySource {
  glossary(office: string): Promise<Glossary>;
}

/** The glossary with one more answer: what staff chose for an abbreviation. */
export function withAnswer(glossary: Glossary, abbr: string, meaning: string): Glossary {
  return GlossarySchema.parse({ ...glossary, [abbr]: meaning });
}
