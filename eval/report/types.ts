import type { CaseOutput } from '../output.js';
import type { Problem } from '../scorers/types.js';
import type { JudgeVerdict } from '../judge/judge.js';

export interface MetricResult {
  /** Mean over the samples that the scorer applies to, 0..1. */
  score: number;
  /** Every sample passes. */
  pass: boolean;
  reason: string;
  /** The problems of the sample whose reason is shown, each with its section. */
  problems?: Problem[];
}

export interface CaseReport {
  id: string;
  tags: string[];
  template: string;
  status: 'scored' | 'skipped';
  /** Why the case was skipped (Vietnamese). */
  reason?: string;
  /** Per scorer id; null where the measure does not apply. */
  results: Record<string, MetricResult | null>;
  /** Section keys in document order (the template's), for reports. */
  order?: string[];
  /** The text scored (the first sample's). */
  output?: CaseOutput;
  /** Sections the provider failed to write, with its message. */
  errors?: string[];
  /** The model judge's verdict on the first sample, when one was asked (--judge): reported, never gating. */
  judge?: JudgeVerdict;
}

export interface MetricSummary {
  id: string;
  label: string;
  /** Mean score over the scored cases the measure applies to; null when it applies to none. */
  mean: number | null;
  passed: number;
  scored: number;
}

export interface Report {
  version: 1;
  /** `offline`, `openai`, or `outputs` when texts were given. */
  provider: string;
  model: string | null;
  promptVersion: string | null;
  samples: number;
  metrics: MetricSummary[];
  cases: CaseReport[];
}
