import { textRuleScore } from './text-rule.js';
import type { ScoreContext, ScoreResult } from './types.js';

/** Models trained on Chinese text slip Han characters into Vietnamese; one is enough to fail. */
export function chinese(ctx: ScoreContext): ScoreResult {
  return textRuleScore(ctx, 'text.chinese', 'Không có chữ Hán.');
}
