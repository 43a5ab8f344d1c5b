import type { CompiledDictionary } from './dictionary.js';

/** Spells out staff abbreviations ("CV 7664/…" -> "Công văn số 7664/…"), leaving ký hiệu untouched. */
export function expandAbbreviations(text: string, dict: CompiledDictionary): string {
  return text.replace(dict.pattern, (match, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    const after = whole.slice(offset + match.length);
    const entry = dict.byAbbr.get(match)?.find((e) => (!e.next || e.next.test(after)) && (!e.prev || e.prev.test(before)));
    if (!entry) return match;
    // "Công văn số 7664" already written as "CV số 7664" must not become "số số".
    if (entry.full.endsWith(' số') && /^\s*số(?![\p{L}\p{M}])/u.test(after)) return entry.full.slice(0, -3);
    return entry.full;
  });
}

export function applyReplacements(text: string, dict: CompiledDictionary): string {
  return dict.replacements.reduce((t, r) => t.replace(r.from, r.to), text);
}

/** Counts below 10 take a leading zero: "6 văn bản" -> "06 văn bản", but not "tháng 6" or "3 sao". */
export function padCounts(text: string, dict: CompiledDictionary): string {
  return text.replace(/(?<![\p{L}\p{N}.,/-])([1-9])(?=\s+[\p{L}%])/gu, (digit: string, _group: string, offset: number, whole: string) => {
    const previousWord = /([\p{L}]+)\s*$/u.exec(whole.slice(0, offset))?.[1]?.toLocaleLowerCase('vi');
    const previousTwo = /([\p{L}]+\s+[\p{L}]+)\s*$/u.exec(whole.slice(0, offset))?.[1]?.toLocaleLowerCase('vi');
    if (previousWord && dict.skipAfter.has(previousWord)) return digit;
    if (previousTwo && dict.skipAfter.has(previousTwo)) return digit;
    const rest = whole.slice(offset + 1).trimStart().toLocaleLowerCase('vi');
    if (dict.skipBefore.some((w) => rest.startsWith(w) && !/[\p{L}\p{N}]/u.test(rest.charAt(w.length)))) return digit;
    return `0${digit}`;
  });
}

/** Capitalises the first letter, unless the text opens with a figure ("06 tháng đầu năm …"). */
export function capitalize(text: string): string {
  const i = text.search(/[\p{L}\p{N}]/u);
  if (i < 0 || /\p{N}/u.test(text.charAt(i))) return text;
  return text.slice(0, i) + text.charAt(i).toLocaleUpperCase('vi') + text.slice(i + 1);
}

/**
 * Whether the fact opens with a name the dictionary spells out with a capital ("CT UBND tỉnh" ->
 * "Chủ tịch Ủy ban nhân dân tỉnh", "CV 847" -> "Công văn số 847"): that capital belongs to the name
 * (Phụ lục II) and stays when the fact is written inside a sentence.
 */
export function opensWithName(fact: string, dict: CompiledDictionary): boolean {
  const typed = fact.normalize('NFC').trimStart();
  const firstWord = /^\S+/u.exec(typed)?.[0] ?? '';
  const expanded = expandAbbreviations(typed, dict);
  return !expanded.startsWith(firstWord) && /^\p{Lu}/u.test(expanded);
}

/** Lower-cases the first letter unless the first word is an acronym or a proper name kept as typed. */
export function uncapitalize(text: string): string {
  const first = /^\p{Lu}\p{Ll}/u.test(text);
  return first ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

export function tidySpaces(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.;:!?)])/gu, '$1')
    .replace(/([(])\s+/gu, '$1')
    .replace(/,(?=[\p{L}])/gu, ', ')
    .trim();
}

/** A fact as a clause: abbreviations spelled out, counts padded, spacing tidied; no capital or stop added. */
export function clause(fact: string, dict: CompiledDictionary): string {
  const expanded = padCounts(applyReplacements(expandAbbreviations(fact.normalize('NFC'), dict), dict), dict);
  return tidySpaces(expanded).replace(/[.;,:]+$/u, '');
}

/** A fact as a full sentence: a capital first and a full stop at the end. */
export function sentence(fact: string, dict: CompiledDictionary): string {
  const c = capitalize(clause(fact, dict));
  return /[.!?]$/u.test(c) ? c : `${c}.`;
}
