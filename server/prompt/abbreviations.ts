import type { Brief } from '../types/brief.js';
import { abbreviationsFor as lexiconAbbreviations, type Glossary } from '../lexicon/index.js';

export interface AbbreviationMeaning {
  abbr: string;
  /** The meaning the glossary or the context settles; null when staff must still say which. */
  meaning: string | null;
  /** Every meaning the lexicon knows, for an abbreviation the context does not decide. */
  candidates: string[];
}

/**
 * The abbreviations a brief uses, with their meanings, for the prompt: the lexicon read in context,
 * the office's glossary first. One entry per abbreviation; a meaning settled anywhere in the brief wins.
 */
export function abbreviationsFor(brief: Brief, glossary: Glossary = {}): AbbreviationMeaning[] {
  const found = new Map<string, AbbreviationMeaning>();
  for (const a of lexiconAbbreviations(brief, glossary)) {
    const seen = found.get(a.abbr);
    if (!seen) found.set(a.abbr, { abbr: a.abbr, meaning: a.meaning, candidates: a.candidates });
    else if (seen.meaning === null && a.meaning !== null) seen.meaning = a.meaning;
  }
  return [...found.values()];
}

/**
 * The abbreviations as prompt lines: `- UBND: Ủy ban nhân dân`. One the context does not decide is
 * to be kept as written: a wrong meaning in a signed document is worse than the abbreviation.
 */
export function abbreviationLines(brief: Brief, glossary: Glossary = {}): string {
  return abbreviationsFor(brief, glossary)
    .map((a) =>
      a.meaning !== null
        ? `- ${a.abbr}: ${a.meaning}`
        : `- ${a.abbr}: chưa rõ nghĩa${a.candidates.length ? ` (có thể là ${a.candidates.join(' hoặc ')})` : ''}; giữ nguyên "${a.abbr}", không tự viết ra`,
    )
    .join('\n');
}
