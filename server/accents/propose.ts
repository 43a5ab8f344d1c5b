import { defaultTable, type AccentTable } from './table.js';

/** A stretch of text that looks typed without accents, and what it may mean, likeliest first. */
export interface AccentProposal {
  start: number;
  end: number;
  typed: string;
  candidates: string[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** One place in a run: a word or a phrase of several, with what it may be, likeliest first. */
interface Slot {
  start: number;
  end: number;
  typed: string;
  options: string[];
  /** The typed spelling is no Vietnamese word at all ("huyen", "xuan"): surely a slip. */
  flagged: boolean;
}

const PLAIN_WORD = /^[A-Za-z]+$/u;
const isUpper = (w: string) => w.length > 1 && w === w.toLocaleUpperCase('vi') && w !== w.toLocaleLowerCase('vi');
const isCapitalized = (w: string) => w.charAt(0) !== w.charAt(0).toLocaleLowerCase('vi');
const capitalize = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);

/** An option written in the case staff used: all capitals stay capitals, a capital first letter stays. */
function cased(option: string, typed: string, proper: boolean): string {
  if (isUpper(typed.replace(/[^\p{L}]/gu, ''))) return option.toLocaleUpperCase('vi');
  if (proper) return option;
  const typedWords = typed.split(/[^A-Za-z]+/u).filter(Boolean);
  const words = option.split(' ');
  if (typedWords.length === words.length) return words.map((w, i) => (isCapitalized(typedWords[i]!) ? capitalize(w) : w)).join(' ');
  return isCapitalized(typed) ? capitalize(option) : option;
}

/** Runs of words typed in plain letters, next to each other (only spaces, dashes or commas between). */
function runs(text: string): Word[][] {
  const out: Word[][] = [];
  let run: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const word = { text: m[0], start: m.index, end: m.index + m[0].length };
    const last = run.at(-1);
    const joined = last && /^[\s,-]+$/u.test(text.slice(last.end, word.start));
    if (!PLAIN_WORD.test(word.text) || (last && !joined)) {
      if (run.length) out.push(run);
      run = [];
    }
    if (PLAIN_WORD.test(word.text)) run.push(word);
  }
  if (run.length) out.push(run);
  return out;
}

function slots(run: Word[], text: string, table: AccentTable): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i < run.length; ) {
    let taken = 0;
    // Longest known phrase first: "nghi xuan" is the place, whatever each syllable alone would be.
    for (let n = Math.min(table.longest, run.length - i); n >= 2; n--) {
      const words = run.slice(i, i + n);
      const phrases = table.phrases.get(words.map((w) => w.text.toLocaleLowerCase('vi')).join(' '));
      if (!phrases) continue;
      const typed = text.slice(words[0]!.start, words.at(-1)!.end);
      out.push({
        start: words[0]!.start,
        end: words.at(-1)!.end,
        typed,
        options: [...new Set(phrases.map((p) => cased(p, typed, isCapitalized(p))))],
        // A known name or phrase: typed in plain letters, it surely lost its accents.
        flagged: true,
      });
      taken = n;
      break;
    }
    if (taken) {
      i += taken;
      continue;
    }
    const word = run[i]!;
    const key = word.text.toLocaleLowerCase('vi');
    const forms = table.syllables.get(key) ?? [];
    // A capitalised word may be a name: "Hung" is Hưng or Hùng before it is hứng.
    const names = isCapitalized(word.text) ? (table.phrases.get(key) ?? []).filter(isCapitalized) : [];
    const options = [...new Set([...names.map((n) => cased(n, word.text, true)), ...forms.map((f) => cased(f, word.text, false))])];
    out.push({
      start: word.start,
      end: word.end,
      typed: word.text,
      options: options.length ? options : [word.text],
      flagged: forms.length > 0 && !forms.includes(key) && !plainIsWord(key),
    });
    i += 1;
  }
  return out;
}

const changes = (s: Slot) => s.options[0] !== s.typed;

/**
 * Can this spelling be a Vietnamese word as it stands, with the level tone and no modified vowel?
 * Not when it ends in a stop (p, t, c, ch take a sắc or nặng tone), nor with "uo", "ie", "ye", "uu",
 * "eu" or "ua" closed after any consonant but q, which are written ươ/uô, iê, yê, ưu, êu, uâ.
 */
function plainIsWord(key: string): boolean {
  if (/(?:p|t|c|ch)$/u.test(key)) return false;
  if (/uo|ie|ye|uu|eu/u.test(key)) return false;
  if (/(?<!q)ua(?:n|ng|y)$/u.test(key)) return false;
  return true;
}

/**
 * Where the text looks typed without accents, the accented forms it may have, from the office's own
 * names, the lexicon of cơ quan and place names, and the syllable table. A stretch is proposed only
 * when it holds a word that is no Vietnamese word without its accents, a known name typed without
 * them, or several words that all read otherwise: "so" in "so cùng kỳ" is a word and stays.
 * Ambiguous syllables keep their other candidates.
 */
export function proposeAccents(input: string, table: AccentTable = defaultTable()): AccentProposal[] {
  const text = input.normalize('NFC');
  const out: AccentProposal[] = [];
  for (const run of runs(text)) {
    const all = slots(run, text, table);
    // Three plain words or more, two of them read otherwise: a phrase typed without accents, though each word could be one.
    const several = all.length >= 3 && all.filter(changes).length >= 2;
    if (!several && !all.some((s) => changes(s) && s.flagged)) continue;
    // The stretch runs from the first slot that changes to the last one.
    const first = all.findIndex(changes);
    const last = all.length - 1 - [...all].reverse().findIndex(changes);
    const used = all.slice(first, last + 1);
    const write = (pick: (s: Slot, i: number) => string) =>
      used.map((s, i) => pick(s, i) + (i < used.length - 1 ? text.slice(s.end, used[i + 1]!.start) : '')).join('');
    const best = write((s) => s.options[0]!);
    const candidates = [best];
    for (const [i, s] of used.entries()) {
      for (const alt of s.options.slice(1, 3)) {
        const c = write((x, j) => (j === i ? alt : x.options[0]!));
        if (!candidates.includes(c)) candidates.push(c);
      }
      if (candidates.length >= 4) break;
    }
    out.push({ start: used[0]!.start, end: used.at(-1)!.end, typed: text.slice(used[0]!.start, used.at(-1)!.end), candidates: candidates.slice(0, 4) });
  }
  return out;
}

/** The text with every proposal's likeliest form put in. */
export function withAccents(input: string, proposals: AccentProposal[] = proposeAccents(input)): string {
  const text = input.normalize('NFC');
  let out = '';
  let at = 0;
  for (const p of proposals) {
    out += text.slice(at, p.start) + p.candidates[0];
    at = p.end;
  }
  return out + text.slice(at);
}
