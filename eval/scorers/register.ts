import { loadWordList, type WordList } from '../data/word-lists.js';
import { dropNested, findPhrases, type PhraseHit } from '../text/words.js';
import { allParagraphs, fraction, listSome } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

const LISTS: { what: string; list: WordList }[] = [
  { what: 'ngôi thứ nhất', list: loadWordList('first-person') },
  { what: 'khẩu ngữ', list: loadWordList('colloquial') },
  { what: 'tiếng Anh', list: loadWordList('english') },
];

type Hit = PhraseHit & { what: string };

/** The register faults of one paragraph: first person, colloquial and English words. */
export function registerHits(text: string): Hit[] {
  const hits = LISTS.flatMap(({ what, list }) => findPhrases(text, list.words, list.except).map((h) => ({ ...h, what })));
  // "ok" is both colloquial and English: report the place once.
  return dropNested(hits);
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
