/**
 * The figures of a text: numbers, dates and document references, each with a canonical value so
 * that "6" = "06", "15/11/2021" = "ngày 15 tháng 11 năm 2021" and "2,5 tỷ" = "2.500.000.000".
 * Grounding checks compare these values between the facts and the prose.
 */

export type FigureKind = 'number' | 'date' | 'reference';

export interface Figure {
  kind: FigureKind;
  /** Canonical value: a plain decimal, `YYYY-MM-DD` / `YYYY-MM`, or an upper-case reference. */
  value: string;
  /** As written. */
  text: string;
  /** For a count, the word after it: what it counts ("02 phóng sự" -> "phóng"). */
  counts?: string;
  start: number;
  end: number;
}

import { isNamingContext } from './counts.js';
import { TextMemo } from './memo.js';

const L = '\\p{L}';
// A document reference: number, optional year, then a ký hiệu (7664/UBND-KT₂, 10/2022/TT-BLĐTBXH). A dot
// may join groups inside a ký hiệu (NCTH.HH) but never ends one: at the end it is the sentence's full stop.
const SYMBOL_CHAR = `[${L}\\p{N}₀-₉&]`;
const SYMBOL_GROUP = `(?:${SYMBOL_CHAR}|\\.(?=${SYMBOL_CHAR}))`;
const REFERENCE = new RegExp(
  `(?<![${L}\\p{N}/])\\d+(?:/\\d{4})?/[\\p{Lu}]${SYMBOL_GROUP}*(?:-${SYMBOL_GROUP}+)*`,
  'gu',
);
// Case-insensitive: a sentence may open with the date ("Ngày 20 tháng 01 năm 2022, …").
const LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
const LONG_MONTH = /tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
const SHORT_DATE = /(?<![\p{N}/.,])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{N}/])/gu;
const SHORT_MONTH = /(?<![\p{N}/.,])(\d{1,2})\/(\d{4})(?![\p{N}/])/gu;
// Numbers are not part of a word or a name ("COVID-19", "Covid – 19", "m2", "KT₂"), but may run into a
// unit ("6T"); "1 số" is "một số" (some), no figure.
const NUMBER =
  /(?<![\p{L}\p{N}.,]|\p{L}\s*[-–—]\s*)(?!1\s+số(?!\s*\d)(?![\p{L}\p{M}]))(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*(tỷ|triệu|nghìn|ngàn)(?![\p{L}]))?/gu;
const SCALE: Record<string, number> = { tỷ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(d: number, m: number, y: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Canonical decimal text of a Vietnamese-written number ("1.250" -> "1250", "12,5" -> "12.5"). */
export function canonicalNumber(written: string, scale?: string): string {
  const plain = written.replace(/\./g, '').replace(',', '.');
  let value = Number(plain);
  if (scale) value = Math.round(value * SCALE[scale]! * 1000) / 1000;
  return String(value);
}

/** The figures of a text, in order. Kept per text (see TextMemo): treat them as read-only. */
export function extractFigures(input: string): readonly Figure[] {
  return figuresOf.get(input);
}

const figuresOf = new TextMemo(readFigures);

function readFigures(input: string): Figure[] {
  const text = input.normalize('NFC');
  const taken: boolean[] = new Array(text.length).fill(false);
  const figures: Figure[] = [];
  const claim = (re: RegExp, kind: FigureKind, value: (m: RegExpExecArray) => string | null) => {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const v = value(m as RegExpExecArray);
      if (v === null) continue;
      taken.fill(true, start, end);
      figures.push({ kind, value: v, text: m[0], start, end });
    }
  };
  claim(REFERENCE, 'reference', (m) => m[0].toLocaleUpperCase('vi').replace(/^0+(?=\d)/, ''));
  claim(LONG_DATE, 'date', (m) => dateValue(+m[1]!, +m[2]!, +m[3]!));
  claim(SHORT_DATE, 'date', (m) => dateValue(+m[1]!, +m[2]!, +m[3]!));
  claim(LONG_MONTH, 'date', (m) => monthValue(+m[1]!, +m[2]!));
  claim(SHORT_MONTH, 'date', (m) => monthValue(+m[1]!, +m[2]!));
  claim(NUMBER, 'number', (m) => canonicalNumber(m[1]!, m[2]));
  for (const f of figures) {
    if (f.kind !== 'number' || isNamingContext(text.slice(0, f.start))) continue;
    const next = countedWords(text.slice(f.end), 1)[0];
    if (next) f.counts = next;
  }
  return figures.sort((a, b) => a.start - b.start);
}

/** Words after a number that say nothing of what it counts. */
const NOT_COUNTED = new Set(
  'đã được là và của trong với tại để thì mà có nên này đó khi từ đến theo cho các những về so trên dưới hay hoặc bị do vì như sẽ đang còn cùng rồi'.split(' '),
);

/** The first words after a number, lower case, up to `n`; none when the next is a function word or no word. */
function countedWords(after: string, n: number): string[] {
  // A capitalised word after a number (an abbreviation "2 DN", a name) may be written otherwise in prose: not traced.
  const words = /^\s*((?:\p{Ll}[\p{L}\p{M}]*%?|%)(?:\s+\p{L}[\p{L}\p{M}]*){0,2})/u.exec(after)?.[1]?.toLocaleLowerCase('vi').split(/\s+/u) ?? [];
  if (words.length === 0 || NOT_COUNTED.has(words[0]!)) return [];
  return words.slice(0, n);
}

const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
const NUMBER_WORD = /(?<![\p{L}\p{M}])(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?=\p{L})/giu;

/**
 * What a set of texts says: the canonical values of their figures, and for each number the words
 * that follow it, so that a count is traced with what it counts. Numbers written in words count
 * too ("hai công văn"), but only with what they count: "một" alone says nothing.
 */
export interface FigureIndex {
  values: Set<string>;
  /** value -> the words of the three after each of its numbers. */
  counted: Map<string, Set<string>>;
  /** Values written as digits with no word after them ("phóng sự: 02"). */
  bare: Set<string>;
}

export function figureIndex(texts: readonly string[]): FigureIndex {
  const index: FigureIndex = { values: figureValues(texts), counted: new Map(), bare: new Set() };
  for (const raw of texts) {
    for (const [value, words] of countsOf.get(raw)) {
      if (words.length === 0) {
        index.bare.add(value);
        continue;
      }
      const set = index.counted.get(value) ?? new Set<string>();
      for (const w of words) set.add(w);
      index.counted.set(value, set);
    }
  }
  return index;
}

/** Each number of a text, in digits or in words, with the words after it (none: written bare). */
const countsOf = new TextMemo((raw: string): [value: string, words: string[]][] => {
  const counts: [string, string[]][] = [];
  const t = raw.normalize('NFC');
  for (const f of extractFigures(t)) if (f.kind === 'number') counts.push([f.value, countedWords(t.slice(f.end), 3)]);
  for (const m of t.matchAll(NUMBER_WORD)) {
    const word = m[1]!.toLocaleLowerCase('vi');
    const after = t.slice(m.index! + m[0].length);
    // "năm" is also the year, "một số" is "some", "mười" may open a larger number: none of them a count here.
    if (word === 'năm' && /^\d/u.test(after)) continue;
    if (word === 'một' && /^số(?![\p{L}\p{M}])/u.test(after)) continue;
    if (/^(mươi|trăm|nghìn|ngàn|triệu|tỷ|lăm|mốt|tư)(?![\p{L}\p{M}])/u.test(after)) continue;
    counts.push([String(NUMBER_WORDS[word]), countedWords(` ${after}`, 3)]);
  }
  return counts;
});

/**
 * Whether the texts of an index hold a figure of the facts: a date or a reference by its value, a
 * count by its value and what it counts ("02 phóng sự" is in "hai phóng sự" or "02 bài phóng sự",
 * not in "02 sao").
 */
export function traces(f: Figure, index: FigureIndex): boolean {
  if (f.kind !== 'number') return index.values.has(key(f));
  if (f.counts === undefined) return index.values.has(key(f)) || index.counted.has(f.value);
  return index.counted.get(f.value)?.has(f.counts) === true || index.bare.has(f.value);
}

function dateValue(d: number, m: number, y: number): string | null {
  return validDate(d, m, y) ? `${y}-${pad2(m)}-${pad2(d)}` : null;
}

function monthValue(m: number, y: number): string | null {
  return m >= 1 && m <= 12 ? `${y}-${pad2(m)}` : null;
}

/** The set of canonical values of the figures in some texts, with the years of their dates. */
export function figureValues(texts: readonly string[]): Set<string> {
  const values = new Set<string>();
  for (const t of texts) for (const v of valuesOf.get(t)) values.add(v);
  return values;
}

const valuesOf = new TextMemo((t: string): string[] => {
  const values: string[] = [];
  for (const f of extractFigures(t)) {
    values.push(key(f));
    if (f.kind === 'date') {
      // A date's parts may be restated on their own ("năm 2021", "tháng 11").
      const [y, m, d] = f.value.split('-');
      values.push(`number:${Number(y)}`);
      values.push(`number:${Number(m)}`);
      if (d) values.push(`number:${Number(d)}`);
    }
    if (f.kind === 'reference') {
      // "Công văn số 7664" names the reference by its number alone.
      values.push(`number:${Number(f.value.split('/')[0])}`);
      const year = /\/(\d{4})\//.exec(f.value);
      if (year) values.push(`number:${Number(year[1])}`);
    }
  }
  return values;
});

export function key(f: Pick<Figure, 'kind' | 'value'>): string {
  return `${f.kind}:${f.value}`;
}
