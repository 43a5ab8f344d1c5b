/**
 * Where a centred line may break. Word and LibreOffice break at any space; a no-break space (U+00A0)
 * between two words keeps them on one line, so the text itself says where a break may fall.
 */

const NBSP = '\u00a0';

/**
 * Words that start the name of an administrative unit: the place name after them is one name and reads
 * wrong when split ("XÃ ĐÔNG / SƠN"). Longest first, so "THỊ XÃ" is taken before "XÃ".
 */
const UNIT_WORDS = ['THÀNH PHỐ', 'THỊ TRẤN', 'THỊ XÃ', 'TỈNH', 'HUYỆN', 'QUẬN', 'XÃ', 'PHƯỜNG', 'ĐẶC KHU'];

/** Fixed phrases of agency names that are one term and never split. */
const PHRASES = ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'MẶT TRẬN TỔ QUỐC', 'VIỆT NAM', 'XÃ HỘI', 'CHỦ NGHĨA'];

const glue = (words: readonly string[]) => words.join(NBSP);

function startsWith(words: readonly string[], at: number, phrase: string): number {
  const p = phrase.split(' ');
  return p.every((w, k) => words[at + k] === w) ? p.length : 0;
}

/**
 * An issuer or parent-body name (UPPER case) with its word groups held together: a fixed phrase, an
 * administrative unit with its place name up to the next unit, and the words either side of a spaced
 * hyphen ("LAO ĐỘNG - THƯƠNG BINH" never puts the hyphen at a line's start). The renderer may still
 * break between groups, so a long name wraps at its natural joints: "ỦY BAN NHÂN DÂN / XÃ ĐÔNG SƠN".
 */
export function keepNamesTogether(name: string): string {
  const words = name.normalize('NFC').split(/\s+/).filter(Boolean);
  const groups: string[][] = [];
  let i = 0;
  while (i < words.length) {
    const phrase = PHRASES.map((p) => startsWith(words, i, p)).find((n) => n > 0);
    // "XÃ HỘI" is a phrase, not the commune "XÃ" followed by a name: phrases are tried first.
    if (phrase) {
      groups.push(words.slice(i, i + phrase));
      i += phrase;
      continue;
    }
    const unit = UNIT_WORDS.map((u) => startsWith(words, i, u)).find((n) => n > 0);
    if (unit) {
      let end = i + unit;
      while (end < words.length && !UNIT_WORDS.some((u) => startsWith(words, end, u)) && !PHRASES.some((p) => startsWith(words, end, p))) end++;
      groups.push(words.slice(i, end));
      i = end;
      continue;
    }
    groups.push([words[i]!]);
    i++;
  }
  // A spaced hyphen joins the groups on either side of it.
  const out: string[][] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    if (prev && (prev[prev.length - 1] === '-' || g[0] === '-')) prev.push(...g);
    else out.push([...g]);
  }
  return out.map(glue).join(' ');
}

/**
 * The text with its last two words held together, so a wrapped trích yếu or V/v never ends on a line
 * of one word.
 */
export function noLoneLastWord(text: string): string {
  const t = text.normalize('NFC').trim();
  const i = t.lastIndexOf(' ');
  return i <= 0 ? t : `${t.slice(0, i)}${NBSP}${t.slice(i + 1)}`;
}
