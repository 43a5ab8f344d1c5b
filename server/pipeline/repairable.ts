import type { Finding } from '../types/finding.js';

/**
 * Findings certain enough to send back to the model. Only errors no human prose also raises: a
 * figure or a citation that is not in the brief, Chinese characters, markdown, the first person,
 * a formula, signature or missing fixed words where code owns them. A colloquial word, a dropped fact
 * or a long paragraph may be fine as written, so those stay for staff to judge.
 */
export const REPAIRABLE_RULES: ReadonlySet<string> = new Set([
  'grounding.invented-figure',
  'text.chinese',
  'text.markdown',
  'register.first-person',
  'structure.model-formula',
  'structure.model-signature',
  'formula.fixed-words',
]);

export function repairable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && REPAIRABLE_RULES.has(f.rule));
}

/** The problems to state in the repair round, each once. */
export function problemsOf(findings: readonly Finding[]): string[] {
  return [...new Set(repairable(findings).map((f) => f.message))];
}
