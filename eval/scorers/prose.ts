import { noteLabels } from '../../server/text/note-labels.js';
import { allParagraphs, fraction, listSome } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

function paragraphScore(ctx: ScoreContext, find: (text: string) => string[], passReason: string, what: string): ScoreResult {
  const paragraphs = allParagraphs(ctx).map((p) => ({ ...p, hits: find(p.text) }));
  const hits = paragraphs.flatMap((p) => p.hits.map((h) => ({ section: p.section, text: h })));
  if (hits.length === 0) return { pass: true, score: 1, reason: passReason };
  return {
    pass: false,
    score: fraction(paragraphs.filter((p) => p.hits.length === 0).length, paragraphs.length),
    reason: `${what}: ${listSome(hits.map((h) => `"${h.text}" (mục ${h.section})`))}.`,
    problems: hits.map((h) => ({ section: h.section, text: `${what.toLocaleLowerCase('vi')} "${h.text}"` })),
  };
}

/** Notes' labels ("tg:", "NN:", "nơi đến:") left in the prose. */
export function labels(ctx: ScoreContext): ScoreResult {
  return paragraphScore(ctx, (t) => noteLabels(t).map((l) => t.slice(l.start, l.end).trim()), 'Không còn nhãn ghi chép.', 'Còn nhãn ghi chép');
}

/** A phrase of two or three words said twice in a row ("báo cáo báo cáo"). */
const REPEATED = /(?<![\p{L}\p{M}])((?:[\p{L}\p{M}]+\s+){1,2}[\p{L}\p{M}]+)\s+\1(?![\p{L}\p{M}])/giu;

export function repetition(ctx: ScoreContext): ScoreResult {
  return paragraphScore(ctx, (t) => [...t.matchAll(REPEATED)].map((m) => m[0]), 'Không có cụm từ lặp liền nhau.', 'Cụm từ lặp');
}
