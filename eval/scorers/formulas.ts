import { END_MARK } from '../../server/draft/document.js';
import type { Formula } from '../../server/template/schema.js';
import { outputParagraphs, sectionOrder } from './sections.js';
import { Checklist } from './checklist.js';
import type { ScoreContext, ScoreResult } from './types.js';

/**
 * The fixed words the applicable variant of a formula starts with, before its first slot ("Trên
 * đây là báo cáo"); null when it starts with a slot, so any wording is fine.
 */
function literalStart(formula: Formula, hasFacts: boolean): string | null {
  const start = (hasFacts ? formula.withFacts : formula.withoutFacts).split('{')[0]!.trim();
  return start.split(/\s+/u).length >= 2 ? start : null;
}

/**
 * The template's formulas frame the document: the opening and closing sections are there, the
 * closing starts with its formula's fixed words, and the last section ends with "./." while no
 * earlier one does (Nghị định 30 ends the body exactly once).
 */
export function formulas(ctx: ScoreContext): ScoreResult | null {
  const template = ctx.template;
  if (!template) return null;
  const list = new Checklist();
  const check = list.check.bind(list);
  const text = (key: string) => outputParagraphs(ctx, key).join('\n\n');

  const opening = template.sections.find((s) => s.role === 'opening');
  if (opening) check(text(opening.key) !== '', opening.key, 'thiếu phần mở đầu');
  const closing = template.sections.find((s) => s.role === 'closing');
  if (closing) {
    const closingText = text(closing.key);
    check(closingText !== '', closing.key, 'thiếu phần kết thúc');
    const hasFacts = ctx.brief.sections.some((s) => s.key === closing.key && (s.facts ?? []).length > 0);
    const start = literalStart(template.closing, hasFacts);
    if (closingText !== '' && start) {
      const ok = closingText.toLocaleLowerCase('vi').startsWith(start.toLocaleLowerCase('vi'));
      check(ok, closing.key, `phần kết thúc không mở đầu bằng "${start}"`);
    }
  }
  const written = sectionOrder(ctx).filter((k) => text(k) !== '');
  const last = written[written.length - 1];
  if (last) {
    check(text(last).trimEnd().endsWith(END_MARK), last, `mục cuối (${last}) không kết thúc bằng "${END_MARK}"`);
    for (const key of written.slice(0, -1)) {
      check(!text(key).includes(END_MARK), key, `"${END_MARK}" xuất hiện ở mục ${key}, trước mục cuối`);
    }
  }

  return list.result(`Đủ phần mở đầu, kết thúc; văn bản kết thúc bằng "${END_MARK}".`, 'Sai thể thức mở, kết');
}
