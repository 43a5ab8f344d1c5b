import type { Brief, BriefSection } from '../types/brief.js';
import type { RevisionMeta, Usage } from '../types/draft.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { Glossary } from '../lexicon/glossary.js';

/** What the pipeline asks a provider to fix in its previous answer (the one repair round). */
export interface Repair {
  /** The previous answer, as the provider returned it. */
  answer: string;
  /** What was wrong, as plain Vietnamese sentences. */
  problems: string[];
}

/** The fixed words of an opening or closing formula, which code gives and verifies. */
export interface FormulaGuide {
  /** Words the paragraph must carry, in order (`báo cáo`, `như sau:`). */
  fixed: string[];
  /** The formula written around the facts by the composer: a model of the sentence wanted. */
  example: string;
}

/** What sits around the section: the neighbours' facts while drafting them all, their text when redrafting one. */
export interface Neighbours {
  kind: 'facts' | 'text';
  before: string;
  after: string;
}

export interface SectionAsk {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  briefSection: BriefSection | undefined;
  /** Parts to write: one per numbered sub-section, or one when there is none. */
  partCount: number;
  /** Longest paragraph the section takes, in characters. */
  paragraphMaxChars: number;
  formula: FormulaGuide | null;
  neighbours: Neighbours;
  /** The office's meanings of abbreviations: they decide before the lexicon. */
  glossary: Glossary;
  repair?: Repair;
  signal?: AbortSignal;
  /** Called with text as it arrives (streaming). */
  onText?: (delta: string) => void;
}

/** A section as a provider wrote it: the texts of each part, untidied. */
export interface WrittenSection {
  parts: string[][];
  /** The answer as received, for a repair round. */
  answer: string;
  meta: RevisionMeta;
}

export interface ParagraphAsk {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  briefSection: BriefSection | undefined;
  /** The paragraph as it stands, and where. */
  paragraph: { part: number | null; text: string; position: number };
  /** The sentence just before the paragraph and the one just after ('' at an edge). */
  before: string;
  after: string;
  paragraphMaxChars: number;
  formula: FormulaGuide | null;
  instruction: string | null;
  glossary: Glossary;
  repair?: Repair;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
}

export interface RewrittenParagraph {
  /** One text, or several when the provider split the paragraph; never merged by anyone after. */
  texts: string[];
  answer: string;
  meta: RevisionMeta;
}

/**
 * Something that writes text and nothing else: the offline composer or an OpenAI-compatible model.
 * Formulas' fixed words, headings, numbering, checks and the repair round belong to the pipeline.
 */
export interface Provider {
  readonly name: string;
  readonly model: string | null;
  writeSection(ask: SectionAsk): Promise<WrittenSection>;
  rewriteParagraph(ask: ParagraphAsk): Promise<RewrittenParagraph>;
}

/**
 * An answer that cannot be used as it is (not JSON, wrong number of parts, cut by the length limit).
 * The message says why, in Vietnamese, for staff and for the repair round.
 */
export class UnusableAnswer extends Error {
  constructor(
    message: string,
    readonly answer: string,
    readonly usage: Usage | null,
    readonly truncated = false,
  ) {
    super(message);
  }
}
