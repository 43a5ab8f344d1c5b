/**
 * Unicode-aware words. ASCII `\w` or `\b` would cut "Ủy" into "y" and see a word boundary inside
 * "tiếp", so every pattern here is written with \p{L} (letters), \p{M} (combining marks) and \p{N}.
 */

/** A word: a letter, then letters, marks or digits. */
export const WORD = /\p{L}[\p{L}\p{M}\p{N}]*/gu;
/** A number as written in Vietnamese ("1.250", "12,5"). */
const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/gu;

export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/** Words and numbers, as a reader counts them. */
export function wordCount(text: string): number {
  const t = text.normalize('NFC');
  return (t.match(WORD)?.length ?? 0) + (t.replace(WORD, ' ').match(NUMBER)?.length ?? 0);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A phrase standing as whole words: no letter, mark or digit right before or after it, so "em"
 * is not found in "them" nor "tôi" in "tối". Inner spaces match any run of white space.
 */
export function phrasePattern(phrase: string, caseSensitive = false): RegExp {
  const body = phrase
    .normalize('NFC')
    .trim()
    .split(/\s+/u)
    .map(escape)
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

export interface PhraseHit {
  phrase: string;
  /** As written in the text. */
  text: string;
  start: number;
}

/**
 * Where any of `phrases` occurs in `text`, skipping occurrences inside an excepted phrase
 * ("em" inside "trẻ em", "nha" inside "Nha Trang").
 */
export function findPhrases(text: string, phrases: readonly string[], except: readonly string[] = []): PhraseHit[] {
  const t = text.normalize('NFC');
  const masked: [number, number][] = except.flatMap((e) =>
    [...t.matchAll(phrasePattern(e))].map((m): [number, number] => [m.index!, m.index! + m[0].length]),
  );
  const inside = (start: number, end: number) => masked.some(([a, b]) => start >= a && end <= b);
  const hits: PhraseHit[] = [];
  for (const phrase of phrases) {
    for (const m of t.matchAll(phrasePattern(phrase))) {
      const start = m.index!;
      if (!inside(start, start + m[0].length)) hits.push({ phrase, text: m[0], start });
    }
  }
  return dropNested(hits);
}

/** One hit per place: "chúng tôi" reports once, not also as "tôi". */
export function dropNested<T extends { text: string; start: number }>(hits: readonly T[]): T[] {
  const end = (h: T) => h.start + h.text.length;
  return hits
    .filter((h) => !hits.some((o) => o !== h && o.start <= h.start && end(o) >= end(h) && (o.text.length > h.text.length || o.start < h.start)))
    .filter((h, i, all) => all.findIndex((o) => o.start === h.start && o.text.length === h.text.length) === i)
    .sort((a, b) => a.start - b.start);
}
