import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { Brief } from '../server/brief/schema.js';
import { issuesOf } from '../server/errors.js';
import { GlossarySchema } from '../server/lexicon/glossary.js';

const nfc = z.string().transform((s) => s.normalize('NFC'));

const compiles = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

export const Assertion = z
  .object({
    /** Section key the assertion looks at; absent: the whole document. */
    section: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
    type: z.enum(['contains', 'not-contains', 'regex', 'words']),
    value: nfc.optional(),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.type === 'words') {
      if (a.min === undefined && a.max === undefined) ctx.addIssue({ code: 'custom', message: 'Kiểm tra "words" cần "min" hoặc "max"' });
      if (a.min !== undefined && a.max !== undefined && a.min > a.max) ctx.addIssue({ code: 'custom', message: '"min" lớn hơn "max"' });
    } else if (!a.value) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Kiểm tra "${a.type}" cần "value"` });
    } else if (a.type === 'regex' && !compiles(a.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Biểu thức chính quy không hợp lệ' });
    }
  });
export type Assertion = z.infer<typeof Assertion>;

export const EvalCase = z.object({
  brief: Brief,
  /** The human-written text per section key, paragraphs separated by a blank line. */
  references: z.record(z.string(), nfc).optional(),
  assertions: z.array(Assertion).default([]),
  tags: z.array(z.string()).default([]),
  /** The office's glossary the case is drafted and scored with, as staff's answers would have made it. */
  glossary: GlossarySchema.optional(),
});

export interface Case extends z.infer<typeof EvalCase> {
  /** The file name without `.json`. */
  id: string;
}

/** A case file that does not parse: which file, which fields, why (Vietnamese). */
export class CaseFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Tệp tình huống ${file} không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CaseFileError';
  }
}

export function parseCase(file: string, text: string): Case {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CaseFileError(file, [`không phải JSON hợp lệ: ${(e as Error).message}`]);
  }
  const result = EvalCase.safeParse(raw);
  if (!result.success) {
    throw new CaseFileError(file, issuesOf(result.error).map((i) => `${i.field || '(gốc)'}: ${i.message}`));
  }
  return { id: basename(file, '.json'), ...result.data };
}

/** Every `*.json` of a folder, in name order; a broken file stops the run, since its scores would be meaningless. */
export function loadCases(dir: string): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseCase(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}
