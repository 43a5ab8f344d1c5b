import { checkText } from '../../server/checks/text.js';
import { allParagraphs, fraction, listSome } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

/**
 * A scorer from one rule of the product's character checks: the share of paragraphs the rule
 * passes, and the rule's own Vietnamese message for those it fails.
 */
export function textRuleScore(ctx: ScoreContext, rule: string, passReason: string): ScoreResult {
  const paragraphs = allParagraphs(ctx);
  const faults = paragraphs.flatMap((p, i) =>
    checkText(p.section, i, p.text)
      .filter((f) => f.rule === rule)
      .map((f) => ({
        section: p.section,
        paragraph: p,
        message: f.message,
        seen: f.where.span ? ` «${p.text.slice(f.where.span[0], f.where.span[1])}»` : '',
      })),
  );
  if (faults.length === 0) return { pass: true, score: 1, reason: passReason };
  const faulty = new Set(faults.map((f) => f.paragraph));
  return {
    pass: false,
    score: fraction(paragraphs.length - faulty.size, paragraphs.length),
    reason: listSome(faults.map((f) => `mục ${f.section}${f.seen}: ${f.message}`), 3),
    problems: faults.map((f) => ({ section: f.section, text: `${f.seen.trim()} ${f.message}`.trim() })),
  };
}
