/**
 * "Kỳ sau": the reporting period a document covers (a month, a quarter, six or nine months, a year),
 * read from its trích yếu, and the same words for the period after it. Monthly and quarterly reports
 * are mostly last period's document with the period moved on.
 */
import { toRoman } from '../text/roman.js';
import { monthText } from '../text/date.js';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine-months' | 'year';

export interface Period {
  kind: PeriodKind;
  /** Month 1–12, quarter 1–4, half 1–2; absent for a year and nine months. */
  index?: number;
  /** The year when the text gives it. */
  year?: number;
}

export interface PeriodMention {
  period: Period;
  text: string;
  start: number;
  end: number;
}

const YEAR = '(?:\\s+năm\\s+|\\s*/\\s*)(\\d{4})';
const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const WORD_NUMBER: Record<string, number> = { sáu: 6, '06': 6, '6': 6, chín: 9, '09': 9, '9': 9 };

// One pattern, longest forms first, so that "6 tháng đầu năm 2026" is never read as "năm 2026".
const PERIOD = new RegExp(
  [
    `(?<months>6|06|sáu|9|09|chín)\\s+tháng\\s+(?<which>đầu|cuối)\\s+năm(?:\\s+(?<monthsYear>\\d{4}))?`,
    `quý\\s+(?<quarter>IV|III|II|I|[1-4])(?![\\p{L}\\p{N}])(?:${YEAR.replace('(\\d{4})', '(?<quarterYear>\\d{4})')})?`,
    `tháng\\s+(?<month>\\d{1,2})(?![\\p{N}])(?:${YEAR.replace('(\\d{4})', '(?<monthYear>\\d{4})')})?`,
    `năm\\s+(?<year>\\d{4})`,
  ].join('|'),
  'giu',
);

function periodOf(g: Record<string, string | undefined>): Period | null {
  const year = (s: string | undefined) => (s ? Number(s) : undefined);
  if (g.months) {
    const n = WORD_NUMBER[g.months.toLocaleLowerCase('vi')]!;
    const first = g.which!.toLocaleLowerCase('vi') === 'đầu';
    if (n === 9) return first ? { kind: 'nine-months', year: year(g.monthsYear) } : null;
    return { kind: 'half', index: first ? 1 : 2, year: year(g.monthsYear) };
  }
  if (g.quarter) {
    const q = ROMAN_QUARTER[g.quarter.toLowerCase()] ?? Number(g.quarter);
    return { kind: 'quarter', index: q, year: year(g.quarterYear) };
  }
  if (g.month) {
    const m = Number(g.month);
    return m >= 1 && m <= 12 ? { kind: 'month', index: m, year: year(g.monthYear) } : null;
  }
  if (g.year) return { kind: 'year', year: Number(g.year) };
  return null;
}

/** Every period named in a text, in order. */
export function periodMentions(text: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (const m of text.normalize('NFC').matchAll(PERIOD)) {
    const period = periodOf(m.groups ?? {});
    if (period) out.push({ period, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** The period after this one; six months' reports are followed by the year's, nine months' too. */
export function nextPeriod(p: Period): Period {
  const y = p.year;
  const later = y === undefined ? undefined : y + 1;
  switch (p.kind) {
    case 'month':
      return p.index === 12 ? { kind: 'month', index: 1, year: later } : { kind: 'month', index: p.index! + 1, year: y };
    case 'quarter':
      return p.index === 4 ? { kind: 'quarter', index: 1, year: later } : { kind: 'quarter', index: p.index! + 1, year: y };
    case 'half':
      return p.index === 1 ? { kind: 'year', year: y } : { kind: 'half', index: 1, year: later };
    case 'nine-months':
      return { kind: 'year', year: y };
    case 'year':
      return { kind: 'year', year: later };
  }
}

/** Months from the start of a period's document to the next one's: a quarter's report comes three months later. */
export function monthsBetween(p: Period): number {
  switch (p.kind) {
    case 'month':
      return 1;
    case 'quarter':
      return 3;
    case 'half':
      return 6;
    case 'nine-months':
      return 3;
    case 'year':
      return 12;
  }
}

/** The words of a period, in the form the mention used (Roman or Arabic quarter, "/" or "năm" before the year). */
function periodText(p: Period, like: string): string {
  const slash = /\d\s*\/\s*\d{4}$/.test(like);
  const withYear = (head: string) => (p.year === undefined ? head : slash ? `${head}/${p.year}` : `${head} năm ${p.year}`);
  const capital = /^\p{Lu}/u.test(like);
  let text: string;
  switch (p.kind) {
    case 'month':
      text = withYear(`tháng ${/tháng\s+0\d/iu.test(like) || p.index! <= 2 ? monthText(p.index!) : String(p.index)}`);
      break;
    case 'quarter':
      text = withYear(`quý ${/quý\s+\d/iu.test(like) ? p.index : toRoman(p.index!)}`);
      break;
    case 'half':
      text = `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm${p.year === undefined ? '' : ` ${p.year}`}`;
      break;
    case 'nine-months':
      text = `9 tháng đầu năm${p.year === undefined ? '' : ` ${p.year}`}`;
      break;
    case 'year':
      text = `năm${p.year === undefined ? '' : ` ${p.year}`}`;
      break;
  }
  return capital ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

export interface NextPeriodProposal {
  /** The period the document covered, from its trích yếu; null when none was named. */
  period: Period | null;
  /** The trích yếu with every period moved on. */
  subject: string;
  /** `YYYY-MM`: the document date with the day left blank, moved on by one period. */
  date: string;
  /** Each rewrite, for staff to see what changed. */
  changes: { from: string; to: string }[];
}

/** Moves a `YYYY-MM[-DD]` date on by some months, the day left blank. */
export function shiftMonth(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Next period's trích yếu and date. The period is the first one the trích yếu names; with none named
 * the trích yếu stays as written and the date moves on by a month.
 */
export function proposeNextPeriod(subject: string, date: string): NextPeriodProposal {
  const mentions = periodMentions(subject);
  const changes: NextPeriodProposal['changes'] = [];
  let out = '';
  let from = 0;
  for (const m of mentions) {
    const to = periodText(nextPeriod(m.period), m.text);
    changes.push({ from: m.text, to });
    out += subject.slice(from, m.start) + to;
    from = m.end;
  }
  out += subject.slice(from);
  const period = mentions[0]?.period ?? null;
  return { period, subject: out, date: shiftMonth(date, period ? monthsBetween(period) : 1), changes };
}
