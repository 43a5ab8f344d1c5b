import type { Brief } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import { abbreviationsFor, openQuestions, type Glossary } from '../lexicon/index.js';
import { fold } from '../accents/table.js';
import type { Intent, Proposal } from './model.js';

export const KEEP_AS_WRITTEN = 'giữ nguyên';

/**
 * The abbreviations of a brief nobody could decide, each a question for staff ("LĐ ở đây là lãnh
 * đạo hay lao động?"), with the sections whose text it is written in. Those already waiting are
 * not asked twice.
 */
export function glossaryProposals(brief: Brief, template: Template, glossary: Glossary, waiting: readonly Proposal[] = []): Proposal[] {
  const all = abbreviationsFor(brief, glossary);
  const asked = new Set(waiting.flatMap((p) => (p.glossary ? [p.glossary.abbr] : [])));
  // The trích yếu is restated by the opening and closing formulas.
  const formulas = template.sections.filter((s) => s.role !== 'body').map((s) => s.key);
  return openQuestions(all)
    .filter((a) => !asked.has(a.abbr))
    .map((a) => {
      const sections = new Set(all.filter((b) => b.abbr === a.abbr).flatMap((b) => (b.where.section ? [b.where.section] : formulas)));
      const typeIt = a.candidates.length === 0 ? ' Gõ nghĩa đầy đủ,' : ' Chọn một nghĩa, gõ nghĩa khác,';
      return {
        kind: 'glossary',
        ask: null,
        question: `${a.question}\n(trong ý: «${a.text}»)${typeIt} hoặc "giữ nguyên" để giữ chữ viết tắt như đã viết. Câu trả lời được ghi vào bảng chữ viết tắt của cơ quan.`,
        glossary: { abbr: a.abbr, candidates: a.candidates, sections: template.sections.map((s) => s.key).filter((k) => sections.has(k)) },
      } satisfies Proposal;
    });
}

/** The quick replies of a glossary question: each meaning, keep as written, later. */
export function glossaryReplies(p: Proposal): string[] {
  return [...(p.glossary?.candidates ?? []), KEEP_AS_WRITTEN, 'bỏ qua'];
}

export type GlossaryReading = { meaning: string } | { later: true } | { again: string } | { other: true };

/**
 * What staff's message says to a glossary question: a meaning (one offered, typed with or without
 * accents, or their own words), the abbreviation kept as written, "bỏ qua" for later, or another
 * request altogether (a command), which sets the questions aside.
 */
export function readGlossaryAnswer(text: string, intent: Intent, p: Proposal): GlossaryReading {
  const { abbr, candidates } = p.glossary!;
  const typed = text.normalize('NFC').trim().replace(/^["'«“]+|["'»”.!]+$/gu, '').trim();
  if (intent.kind === 'keep' || fold(typed) === fold(abbr)) return { meaning: abbr };
  const offered = candidates.find((c) => fold(c) === fold(typed));
  if (offered) return { meaning: offered };
  if (intent.kind === 'skip' || intent.kind === 'next') return { later: true };
  if (intent.kind === 'yes') return { again: `Hãy chọn hoặc gõ nghĩa của ${abbr}.` };
  if (intent.kind === 'unknown' && typed !== '') return { meaning: typed };
  return { other: true };
}
