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
  start: number;
  end: number;
}

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
// Numbers are not part of a word ("COVID-19", "m2", "KT₂"), but may run into a unit ("6T").
const NUMBER =
  /(?<![\p{L}\p{N}.,]|\p{L}-)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*(tỷ|triệu|nghìn|ngàn)(?![\p{L}]))?/gu;
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

export function extractFigures(input: string): Figure[] {
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
  return figures.sort((a, b) => a.start - b.start);
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
  for (const t of texts) {
    for (const f of extractFigures(t)) {
      values.add(key(f));
      if (f.kind === 'date') {
        // A date's parts may be restated on their own ("năm 2021", "tháng 11").
        const [y, m, d] = f.value.split('-');
        values.add(`number:${Number(y)}`);
        values.add(`number:${Number(m)}`);
        if (d) values.add(`number:${Number(d)}`);
      }
      if (f.kind === 'reference') {
        // "Công văn số 7664" names the reference by its number alone.
        values.add(`number:${Number(f.value.split('/')[0])}`);
        const year = /\/(\d{4})\//.exec(f.value);
        if (year) values.add(`number:${Number(year[1])}`);
      }
    }
  }
  return values;
}

export function key(f: Pick<Figure, 'kind' | 'value'>): string {
  return `${f.kind}:${f.value}`;
}
