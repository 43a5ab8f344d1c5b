import { readFileSync } from 'node:fs';

/** Folds Vietnamese to plain lower-case letters: the key under which accented forms are looked up. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLocaleLowerCase('vi');
}

/** The diacritics table: for each unaccented spelling, its accented forms, likeliest first. */
export interface AccentTable {
  /** Folded syllable -> accented syllables (lower case). */
  syllables: Map<string, string[]>;
  /** Folded phrase (words joined by one space) -> phrases as printed; a lower-case one is a common phrase. */
  phrases: Map<string, string[]>;
  /** Longest phrase, in words. */
  longest: number;
}

const lines = (file: string) =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .normalize('NFC')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

/** Words of a phrase as the table keys them: "Bà Rịa - Vũng Tàu" is "ba ria vung tau". */
export function phraseKey(phrase: string): string {
  return fold(phrase)
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .join(' ');
}

export function addPhrase(table: AccentTable, phrase: string): void {
  const key = phraseKey(phrase);
  if (!key) return;
  const list = table.phrases.get(key) ?? [];
  if (!list.includes(phrase)) list.push(phrase);
  table.phrases.set(key, list);
  table.longest = Math.max(table.longest, key.split(' ').length);
}

let cached: AccentTable | undefined;

/** The table kept as data beside this file: syllables.txt and names.txt. */
export function defaultTable(): AccentTable {
  if (cached) return cached;
  const table: AccentTable = { syllables: new Map(), phrases: new Map(), longest: 1 };
  for (const line of lines('./syllables.txt')) {
    const [key, ...forms] = line.split(/\s+/u);
    table.syllables.set(key!, forms);
  }
  for (const line of lines('./names.txt')) addPhrase(table, line);
  cached = table;
  return table;
}

/** A copy of the table with an office's own names (its cơ quan, địa danh, signers) put first. */
export function withNames(table: AccentTable, names: string[]): AccentTable {
  const own: AccentTable = { syllables: table.syllables, phrases: new Map(), longest: table.longest };
  for (const n of names) addPhrase(own, n.normalize('NFC').trim());
  for (const [key, list] of table.phrases) own.phrases.set(key, [...(own.phrases.get(key) ?? []), ...list.filter((p) => !own.phrases.get(key)?.includes(p))]);
  return own;
}
