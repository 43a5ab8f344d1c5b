import type { Brief } from '../types/brief.js';
import { defaultDictionary } from '../composer/dictionary.js';

export interface AbbreviationMeaning {
  abbr: string;
  /** Every meaning the dictionary knows; more than one when the context decides. */
  meanings: string[];
}

/**
 * The abbreviations a brief uses, with their meanings, for the prompt. The single place a prompt
 * learns them: a lexicon or an office glossary takes over by replacing this function's source.
 */
export function abbreviationsFor(brief: Brief): AbbreviationMeaning[] {
  const dict = defaultDictionary();
  const texts = [brief.header.subject, ...brief.sections.flatMap((s) => [...(s.facts ?? []), ...(s.parts ?? []).flatMap((p) => [p.title, ...p.facts])])];
  const found = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const m of text.matchAll(dict.pattern)) {
      const entries = dict.byAbbr.get(m[0]) ?? [];
      const meanings = found.get(m[0]) ?? new Set<string>();
      for (const e of entries) meanings.add(e.full.replace(/\s+số$/u, ''));
      found.set(m[0], meanings);
    }
  }
  return [...found].map(([abbr, meanings]) => ({ abbr, meanings: [...meanings] }));
}

/** The abbreviations as prompt lines: `- UBND: Ủy ban nhân dân`. */
export function abbreviationLines(brief: Brief): string {
  return abbreviationsFor(brief)
    .map((a) => `- ${a.abbr}: ${a.meanings.join(' hoặc ')}${a.meanings.length > 1 ? ' (theo ngữ cảnh)' : ''}`)
    .join('\n');
}
