import type { Brief } from '../../server/brief/schema.js';
import type { Template } from '../../server/template/schema.js';
import type { Assertion } from '../case.js';
import type { Glossary } from '../../server/lexicon/index.js';
import type { CaseOutput } from '../output.js';

export interface ScoreContext {
  brief: Brief;
  /** Null when the case's template is not available: scorers that need it give no score. */
  template: Template | null;
  output: CaseOutput;
  references?: Record<string, string>;
  assertions: readonly Assertion[];
  /** The office's glossary the draft was written with: its meanings are the right ones. */
  glossary?: Glossary;
}

export interface ScoreResult {
  pass: boolean;
  /** 0..1, higher is better. */
  score: number;
  /** Why, in Vietnamese, naming what is wrong. */
  reason: string;
  /** Each problem with its section, so a report can show it beside that section's text. */
  problems?: Problem[];
}

export interface Problem {
  /** Absent: the document as a whole (sections out of order). */
  section?: string;
  /** Vietnamese. */
  text: string;
}

/** A scorer; null means the measure does not apply to this case (no reference, no assertion). */
export type ScoreFn = (ctx: ScoreContext) => ScoreResult | null;

export interface Scorer {
  id: string;
  /** Vietnamese name shown in reports. */
  label: string;
  run: ScoreFn;
}
