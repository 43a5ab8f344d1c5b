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
