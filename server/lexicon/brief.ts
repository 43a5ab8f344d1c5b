import type { Brief } from '../brief/schema.js';
import type { Glossary } from './glossary.js';
import { findAbbreviations, questionFor, type AbbreviationUse } from './resolve.js';

/** Where in the brief an abbreviation was written. */
export interface AbbreviationPlace {
  /** Section key; absent for the header. */
  section?: string;
  /** Index of the fact in the section's facts (parts flattened, as `sectionFacts` lists them). */
  fact?: number;
  /** A header field, e.g. `header.subject`. */
  field?: string;
  /** Character range [start, end) in that text. */
  span: [number, number];
}

/**
 * An abbreviation of the brief and what it will mean in the draft. `meaning` null: the draft keeps it
 * as written and staff are asked `question`; their answer goes into the office's glossary.
 */
export interface BriefAbbreviation {
  rule: 'abbreviation.resolved' | 'abbreviation.ambiguous' | 'abbreviation.unknown';
  abbr: string;
  meaning: string | null;
  source: AbbreviationUse['source'];
  candidates: string[];
  question: string | null;
  where: AbbreviationPlace;
  /** The fact or field it was written in, for staff to recognise the place. */
  text: string;
}

function fromUse(use: AbbreviationUse, where: Omit<AbbreviationPlace, 'span'>, text: string): BriefAbbreviation {
  const rule = use.meaning !== null ? 'abbreviation.resolved' : use.known ? 'abbreviation.ambiguous' : 'abbreviation.unknown';
  return {
    rule,
    abbr: use.abbr,
    meaning: use.meaning,
    source: use.source,
    candidates: use.candidates,
    question: use.meaning === null ? questionFor(use) : null,
    where: { ...where, span: [use.start, use.end] },
    text,
  };
}

/**
 * Every abbreviation staff wrote in the brief's trích yếu, facts, part titles and task tables, each
 * with its meaning (office glossary first, then the lexicon and its context) or the question to ask.
 * The drafting prompts and the page's and chat's questions are built from this one list.
 */
export function abbreviationsFor(brief: Brief, glossary: Glossary = {}): BriefAbbreviation[] {
  const out: BriefAbbreviation[] = [];
  const scan = (text: string, where: Omit<AbbreviationPlace, 'span'>) => {
    for (const use of findAbbreviations(text, glossary)) out.push(fromUse(use, where, text));
  };
  scan(brief.header.subject, { field: 'header.subject' });
  for (const section of brief.sections) {
    const facts = section.parts ? section.parts.flatMap((p) => p.facts) : (section.facts ?? []);
    facts.forEach((fact, i) => scan(fact, { section: section.key, fact: i }));
    section.parts?.forEach((p, i) => scan(p.title, { section: section.key, field: `parts.${i}.title` }));
    section.tasks?.forEach((t, i) => {
      for (const [name, value] of Object.entries(t)) if (typeof value === 'string') scan(value, { section: section.key, field: `tasks.${i}.${name}` });
    });
  }
  return out;
}

/** The open questions of a list, one per abbreviation: staff answer "LĐ" once, not at every place. */
export function openQuestions(list: readonly BriefAbbreviation[]): BriefAbbreviation[] {
  const seen = new Map<string, BriefAbbreviation>();
  for (const a of list) if (a.question !== null && !seen.has(a.abbr)) seen.set(a.abbr, a);
  return [...seen.values()];
}
