import type { Finding } from '../types/finding.js';

export type { Finding, FindingLocation } from '../types/finding.js';

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
