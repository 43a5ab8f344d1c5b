import { SCORERS } from '../scorers/index.js';
import type { ScoreContext, ScoreResult } from '../scorers/types.js';
import type { CaseReport, MetricResult, MetricSummary } from '../report/types.js';

/** Four decimals: enough to see a change, few enough that the baseline file diffs cleanly. */
export const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Every scorer over the samples of one case: the mean score, pass only when every sample passes,
 * and the reason of the first failing sample (else the first one's).
 */
export function scoreCase(samples: readonly ScoreContext[]): Record<string, MetricResult | null> {
  const results: Record<string, MetricResult | null> = {};
  for (const scorer of SCORERS) {
    const runs = samples.map((ctx) => scorer.run(ctx)).map((r, i) => (r ? { ...r, sample: i } : null));
    const applied = runs.filter((r): r is ScoreResult & { sample: number } => r !== null);
    if (applied.length === 0) {
      results[scorer.id] = null;
      continue;
    }
    const failing = applied.find((r) => !r.pass);
    const shown = failing ?? applied[0]!;
    const passed = applied.filter((r) => r.pass).length;
    const prefix = samples.length > 1 ? `${passed}/${applied.length} mẫu đạt; mẫu ${shown.sample + 1}: ` : '';
    results[scorer.id] = {
      score: round(applied.reduce((n, r) => n + r.score, 0) / applied.length),
      pass: !failing,
      reason: prefix + shown.reason,
      ...(shown.problems?.length ? { problems: shown.problems } : {}),
    };
  }
  return results;
}

/** Per metric: the mean over the scored cases it applies to, and how many pass. */
export function summarize(cases: readonly CaseReport[]): MetricSummary[] {
  return SCORERS.map((s) => {
    const results = cases.flatMap((c) => (c.status === 'scored' && c.results[s.id] ? [c.results[s.id]!] : []));
    return {
      id: s.id,
      label: s.label,
      mean: results.length ? round(results.reduce((n, r) => n + r.score, 0) / results.length) : null,
      passed: results.filter((r) => r.pass).length,
      scored: results.length,
    };
  });
}
