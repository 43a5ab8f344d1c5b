import { wordCount } from '../text/words.js';
import { fraction, listSome, outputParagraphs } from './sections.js';
import { scopeName, scopeText } from './scope.js';
import type { ScoreContext, ScoreResult } from './types.js';

/**
 * Sections keep to the template's character bounds, and to the word bounds of the case's "words"
 * assertions; a model that pads or truncates shows here.
 */
export function length(ctx: ScoreContext): ScoreResult | null {
  const problems: { section: string; text: string }[] = [];
  let checks = 0;
  for (const s of ctx.template?.sections ?? []) {
    const paragraphs = outputParagraphs(ctx, s.key);
    if (paragraphs.length === 0) continue;
    checks += 1;
    const chars = paragraphs.reduce((n, p) => n + p.length, 0);
    if (chars > s.maxChars) problems.push({ section: s.key, text: `mục ${s.key} dài ${chars} ký tự, quá ${s.maxChars}` });
  }
  for (const a of ctx.assertions) {
    if (a.type !== 'words') continue;
    checks += 1;
    const n = wordCount(scopeText(ctx, a.section));
    if (a.min !== undefined && n < a.min) problems.push({ section: a.section ?? '', text: `${scopeName(a.section)} có ${n} từ, ít hơn ${a.min}` });
    else if (a.max !== undefined && n > a.max) problems.push({ section: a.section ?? '', text: `${scopeName(a.section)} có ${n} từ, nhiều hơn ${a.max}` });
  }
  if (checks === 0) return null;
  if (problems.length === 0) return { pass: true, score: 1, reason: `Độ dài đúng giới hạn (${checks} kiểm tra).` };
  return {
    pass: false,
    score: fraction(checks - problems.length, checks),
    reason: `Sai độ dài: ${listSome(problems.map((p) => p.text))}.`,
    problems: problems.map((p) => (p.section ? p : { text: p.text })),
  };
}
