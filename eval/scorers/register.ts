import { checkRegister } from '../../server/checks/register.js';
import { allParagraphs, fraction, listSome } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

const WHAT: Record<string, string> = {
  'register.first-person': 'ngôi thứ nhất',
  'register.colloquial': 'khẩu ngữ',
  'register.english': 'tiếng Anh',
};

interface Hit {
  text: string;
  start: number;
  what: string;
}

/**
 * The register faults of one paragraph: first person, colloquial and English words, found by the
 * product's own check (one word list, kept as data in server/checks/register-words.json).
 */
export function registerHits(text: string): Hit[] {
  const seen = new Set<number>();
  return checkRegister('', 0, text, 'opening')
    .sort((a, b) => a.where.span![0] - b.where.span![0])
    .filter((f) => f.rule in WHAT && f.where.span)
    .flatMap((f) => {
      const [start, end] = f.where.span!;
      // "ok" is both colloquial and English: report the place once.
      if (seen.has(start)) return [];
      seen.add(start);
      return [{ text: text.slice(start, end), start, what: WHAT[f.rule]! }];
    });
}

/**
 * Administrative prose speaks as the cơ quan, never "tôi" or "em", and uses neither colloquial
 * nor English words; the score is the share of paragraphs free of them.
 */
export function register(ctx: ScoreContext): ScoreResult {
  const paragraphs = allParagraphs(ctx).map((p) => ({ ...p, hits: registerHits(p.text) }));
  const faults = paragraphs.flatMap((p) => p.hits.map((hit) => ({ section: p.section, hit })));
  const clean = paragraphs.filter((p) => p.hits.length === 0).length;
  if (faults.length === 0) return { pass: true, score: 1, reason: 'Văn phong hành chính: không có ngôi thứ nhất, khẩu ngữ hay từ tiếng Anh.' };
  return {
    pass: false,
    score: fraction(clean, paragraphs.length),
    reason: `Sai văn phong: ${listSome(faults.map((f) => `${f.hit.what} "${f.hit.text}" (mục ${f.section})`))}.`,
    problems: faults.map((f) => ({ section: f.section, text: `${f.hit.what} "${f.hit.text}"` })),
  };
}
