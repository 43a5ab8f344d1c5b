import { textRuleScore } from './text-rule.js';
import type { ScoreContext, ScoreResult } from './types.js';

/** Chat models write **bold** and # headings by habit; a .docx would print the marks. */
export function markdown(ctx: ScoreContext): ScoreResult {
  return textRuleScore(ctx, 'text.markdown', 'Không có ký hiệu Markdown.');
}
