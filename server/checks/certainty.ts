import type { Finding } from './finding.js';

/**
 * Rules whose findings are certain: prose a person wrote never triggers them (a mark a .docx would
 * print, a character or a word no administrative text holds, a part code writes, a figure the notes
 * lack). A model's text with one of these is repaired or redrafted. The other rules (a figure or a
 * name not found, a fact that seems unused, a length, a note label) may be a person's own wording:
 * they are shown to staff, never repaired automatically.
 */
export const CERTAIN_RULES: ReadonlySet<string> = new Set([
  'text.nfc',
  'text.markdown',
  'text.chinese',
  'register.first-person',
  'register.english',
  'structure.model-formula',
  'structure.model-signature',
  'structure.model-heading',
  'grounding.invented-figure',
]);

export function isCertain(finding: Pick<Finding, 'rule'>): boolean {
  return CERTAIN_RULES.has(finding.rule);
}
