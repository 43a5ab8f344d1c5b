import { expandAbbreviations, type Glossary } from '../lexicon/index.js';
import { padCounts } from '../text/counts.js';
import { capitalizeLaws, capitalizeSchools, capitalizeTitles } from '../text/capitals.js';
import { notesToProse } from './notes.js';

/** Shorthand of notes that is no abbreviation: numbers run into units, signs standing for words. */
const REWRITES: { from: RegExp; to: string }[] = [
  // "6T đầu năm" = 6 tháng
  { from: /(?<![\p{L}\p{N}])(\d{1,2})T(?![\p{L}\p{N}])/gu, to: '$1 tháng' },
  { from: /\s+\+\s+/gu, to: ' và ' },
  { from: /\s+&\s+/gu, to: ' và ' },
  // A bare year reads "năm 2021"; not inside a range, a date, a ký hiệu or after a word that already says it.
  {
    from: /(?<!(?:năm|đoạn|khóa|học|niên|tháng|số|[-/–]|\p{N})\s?)(?<![\p{L}\p{N}/.-])((?:19|20)\d{2})(?![\p{N}/.,]|\s*[-–]\s*\d)/gu,
    to: 'năm $1',
  },
];

/** Capitalises the first letter, unless the text opens with a figure ("06 tháng đầu năm …"). */
export function capitalize(text: string): string {
  const i = text.search(/[\p{L}\p{N}]/u);
  if (i < 0 || /\p{N}/u.test(text.charAt(i))) return text;
  return text.slice(0, i) + text.charAt(i).toLocaleUpperCase('vi') + text.slice(i + 1);
}

/**
 * Whether the fact opens with a name the lexicon spells out with a capital ("CT UBND tỉnh" ->
 * "Chủ tịch Ủy ban nhân dân tỉnh", "CV 847" -> "Công văn số 847"): that capital belongs to the name
 * (Phụ lục II) and stays when the fact is written inside a sentence.
 */
export function opensWithName(fact: string, glossary: Glossary = {}): boolean {
  const typed = fact.normalize('NFC').trimStart();
  const firstWord = /^\S+/u.exec(typed)?.[0] ?? '';
  const expanded = expandAbbreviations(typed, glossary);
  return !expanded.startsWith(firstWord) && /^\p{Lu}/u.test(expanded);
}

export function tidySpaces(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.;:!?)])/gu, '$1')
    .replace(/([(])\s+/gu, '$1')
    .replace(/,(?=[\p{L}])/gu, ', ')
    .replace(/([,;])\s*[,;]/gu, '$1')
    .trim();
}

/**
 * A fact as a clause: note labels and arrows written as prose, certain abbreviations spelled out (the
 * office's glossary first; the others kept as written), counts padded, names capitalised, spacing
 * tidied; no capital or stop added.
 */
export function clause(fact: string, glossary: Glossary = {}): string {
  const prose = notesToProse(fact.normalize('NFC'));
  const expanded = REWRITES.reduce((t, r) => t.replace(r.from, r.to), expandAbbreviations(prose, glossary));
  return tidySpaces(capitalizeSchools(capitalizeTitles(capitalizeLaws(padCounts(expanded))))).replace(/[.;,:]+$/u, '');
}

/** A fact as a full sentence: a capital first and a full stop at the end. */
export function sentence(fact: string, glossary: Glossary = {}): string {
  const c = capitalize(clause(fact, glossary));
  return /[.!?]$/u.test(c) ? c : `${c}.`;
}
