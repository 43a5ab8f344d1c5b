import { phrasePattern } from './words.js';

/**
 * Proper names of the facts: two or more capitalised words in a row ("Nguyễn Viết Hưng", "Sở Công
 * Thương", "Hà Tĩnh"). Staff abbreviations (QLTT, KH&CN) are all capitals and break a run, so
 * "Cục QLTT Hà Tĩnh" yields "Hà Tĩnh", which any correct expansion keeps.
 */
const NAME = /(?<![\p{L}\p{M}\p{N}])\p{Lu}\p{Ll}[\p{Ll}\p{M}]*(?:[ \t]+\p{Lu}\p{Ll}[\p{Ll}\p{M}]*)+(?![\p{L}\p{M}\p{N}])/gu;

export function properNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const t of texts) for (const m of t.normalize('NFC').matchAll(NAME)) names.add(m[0].replace(/\s+/gu, ' '));
  return [...names];
}

/** Whether the name stands in the text as whole words; case is ignored, as "Cục quản lý thị trường Hà Tĩnh" still names it. */
export function hasName(text: string, name: string): boolean {
  return phrasePattern(name).test(text.normalize('NFC'));
}
