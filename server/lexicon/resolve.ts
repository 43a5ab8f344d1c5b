import { defaultLexicon, senseOf, type Lexicon, type LexiconEntry, type LexiconMeaning } from './lexicon.js';
import type { Glossary } from './glossary.js';
import { isSyllable } from './syllable.js';
import { GlossaryMemo } from '../text/memo.js';

/** One abbreviation in a text and what it means there, if that is certain. */
export interface AbbreviationUse {
  abbr: string;
  start: number;
  end: number;
  /** The words to write in its place (with "số" before a document's number), or null: keep it and ask. */
  meaning: string | null;
  /** Who decided: the office's glossary, the lexicon with its context, or nobody. */
  source: 'glossary' | 'lexicon' | null;
  /** What it may mean when nobody decided; empty for an abbreviation the lexicon does not know. */
  candidates: string[];
  /** Whether the lexicon or the glossary knows it at all. */
  known: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Bounded so an abbreviation never matches inside a word or a ký hiệu (7664/UBND-KT₂, NĐ-CP).
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}/&_.-])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}/&_₀-₉-])';
/** Upper-case runs that look like an abbreviation: two capitals or more ("TTYT", "QyĐ", "BHXH-BHYT"). */
const CAPITALS = new RegExp(`${BEFORE}(?=(?:[\\p{L}&]*\\p{Lu}){2})\\p{Lu}[\\p{L}&]*(?:-[\\p{L}&]+)*${AFTER}`, 'gu');
const ROMAN = /^[IVXLC]+$/u;
/**
 * A document's number after its abbreviation: "CT 25/CT-BYT", "QĐ số 12", "QĐ 12 ngày …". A bare
 * number before another word counts things ("HĐ 12 tháng"): no document then.
 */
const NUMBER_AFTER = /^\s*(số\s*)?\d+(?:(?:\/\d{4})?\/([\p{L}&]+)|(?!\s+(?!ngày|của|về|do|năm\s+\d{4})\p{Ll})(?![\p{L}\p{N}.,]))/u;

const patternCache = new WeakMap<Glossary, RegExp>();
const NO_GLOSSARY: Glossary = Object.freeze({});

function knownPattern(lex: Lexicon, given: Glossary): RegExp {
  // Every empty glossary shares one pattern: callers pass a fresh `{}` per fact.
  const glossary = Object.keys(given).length === 0 ? NO_GLOSSARY : given;
  const cached = lex === defaultLexicon() ? patternCache.get(glossary) : undefined;
  if (cached) return cached;
  const keys = new Set([...lex.entries.keys(), ...Object.keys(glossary).map((k) => k.normalize('NFC'))]);
  const alternatives = [...keys].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'gu');
  if (lex === defaultLexicon()) patternCache.set(glossary, re);
  return re;
}

const capitalizeFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** A document named by its number reads "Quyết định số 12/QĐ-UBND": capital, and "số" once. */
function asDocument(full: string, after: string): string {
  const hasSo = /^\s*số(?![\p{L}\p{M}])/u.test(after);
  return capitalizeFirst(full) + (hasSo ? '' : ' số');
}

function meaningsInContext(entry: LexiconEntry, before: string, after: string, lex: Lexicon): { meaning: LexiconMeaning; asDoc: boolean }[] {
  const number = NUMBER_AFTER.exec(after);
  // A ký hiệu's code names the type ("25/CT-BYT" is a Chỉ thị); a code that is no type's is a công văn's ("UBND-VX").
  const code = number?.[2] ? (lex.documentCodes.has(number[2]) ? number[2] : 'CV') : null;
  return entry.meanings.flatMap((m): { meaning: LexiconMeaning; asDoc: boolean }[] => {
    if (m.document && number && (code === null || code === m.document)) return [{ meaning: m, asDoc: true }];
    if ((m.next && m.next.test(after)) || (m.prev && m.prev.test(before))) return [{ meaning: m, asDoc: false }];
    return [];
  });
}

function resolveEntry(entry: LexiconEntry, before: string, after: string, lex: Lexicon): Pick<AbbreviationUse, 'meaning' | 'candidates'> | null {
  const matched = meaningsInContext(entry, before, after, lex);
  const senses = new Set(matched.map((m) => senseOf(m.meaning.full)));
  if (senses.size === 1) {
    const { meaning, asDoc } = matched[0]!;
    return { meaning: asDoc ? asDocument(meaning.full, after) : meaning.full, candidates: [] };
  }
  if (senses.size === 0 && entry.senses.length === 1) {
    const only = entry.meanings[0]!;
    // A one-meaning shorthand that needs its context ("k" before a word) is no abbreviation without it.
    if (entry.meanings.every((m) => (m.next || m.prev) && !m.document)) return null;
    return { meaning: only.full, candidates: [] };
  }
  const candidates = senses.size > 1 ? entry.senses.filter((s) => senses.has(senseOf(s))) : entry.senses;
  return { meaning: null, candidates };
}

function resolveGlossary(meaning: string, entry: LexiconEntry | undefined, after: string): string {
  // The office chose a document type ("CT" = Chỉ thị): its number still reads "Chỉ thị số 25/…".
  const isDocument = entry?.meanings.some((m) => m.document && senseOf(m.full) === senseOf(meaning));
  return isDocument && NUMBER_AFTER.test(after) ? asDocument(meaning, after) : meaning;
}

/**
 * Every abbreviation of a text with its meaning where the office's glossary or the lexicon and the
 * context make it certain; the others (ambiguous, or unknown capitals) with meaning null, to keep as
 * written and ask staff about.
 */
export function findAbbreviations(input: string, glossary: Glossary = NO_GLOSSARY, lex: Lexicon = defaultLexicon()): readonly AbbreviationUse[] {
  // The same facts and paragraphs are read again by every prompt, composition and check: with the
  // lexicon everybody shares, a text is read once per glossary (see TextMemo); treat the uses as read-only.
  return lex === defaultLexicon() ? readings.get(input, glossary) : readAbbreviations(input, glossary, lex);
}

const readings = new GlossaryMemo<Glossary, readonly AbbreviationUse[]>((text, glossary) => readAbbreviations(text, glossary, defaultLexicon()), NO_GLOSSARY);

function readAbbreviations(input: string, glossary: Glossary, lex: Lexicon): AbbreviationUse[] {
  const text = input.normalize('NFC');
  const uses: AbbreviationUse[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  for (const m of text.matchAll(knownPattern(lex, glossary))) {
    const abbr = m[0];
    const start = m.index!;
    const end = start + abbr.length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    const entry = lex.entries.get(abbr);
    const chosen = glossary[abbr];
    taken.fill(true, start, end);
    if (chosen !== undefined) {
      uses.push({ abbr, start, end, meaning: resolveGlossary(chosen.normalize('NFC'), entry, after), source: 'glossary', candidates: [], known: true });
      continue;
    }
    if (!entry) continue;
    const r = resolveEntry(entry, before, after, lex);
    if (!r) continue;
    uses.push({ abbr, start, end, ...r, source: r.meaning === null ? null : 'lexicon', known: true });
  }
  for (const m of text.matchAll(CAPITALS)) {
    const abbr = m[0];
    const start = m.index!;
    if (taken[start]) continue;
    if (ROMAN.test(abbr) || lex.keep.has(abbr)) continue;
    // Words of a heading or a name in capitals ("KẾT QUẢ", "THANH HÀ") are words, not abbreviations.
    if (abbr.split('-').every((part) => isSyllable(part) || lex.keep.has(part))) continue;
    // A ký hiệu standing alone ("BC-UBND") is made of known codes.
    if (abbr.includes('-') && abbr.split('-').every((part) => lex.entries.has(part) || lex.documentCodes.has(part) || part in glossary)) continue;
    uses.push({ abbr, start, end: start + abbr.length, meaning: null, source: null, candidates: [], known: false });
  }
  return uses.sort((a, b) => a.start - b.start);
}

/** The text with every certain abbreviation spelled out; the others stay exactly as staff wrote them. */
export function expandAbbreviations(text: string, glossary: Glossary = NO_GLOSSARY, lex: Lexicon = defaultLexicon()): string {
  const normal = text.normalize('NFC');
  let out = '';
  let at = 0;
  for (const use of findAbbreviations(normal, glossary, lex)) {
    if (use.meaning === null) continue;
    out += normal.slice(at, use.start) + use.meaning;
    at = use.end;
  }
  return out + normal.slice(at);
}

/** The question staff are asked about an abbreviation nobody could decide, in Vietnamese. */
export function questionFor(use: Pick<AbbreviationUse, 'abbr' | 'candidates'>): string {
  if (use.candidates.length === 0) return `${use.abbr} là viết tắt của gì?`;
  const list = use.candidates.length === 1 ? use.candidates[0]! : `${use.candidates.slice(0, -1).join(', ')} hay ${use.candidates.at(-1)}`;
  return `${use.abbr} ở đây là ${list}?`;
}
