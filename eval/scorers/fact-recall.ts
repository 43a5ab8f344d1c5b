import { sectionFacts } from '../../server/brief/schema.js';
import { extractFigures, figureValues, key } from '../../server/text/figures.js';
import { hasName, properNames } from '../text/names.js';
import { fraction, listSome, outputParagraphs, withoutNumbering } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

/**
 * Every number, date, document reference and proper name of a section's facts must be in that
 * section's text: a dropped fact is a silent error staff may not notice.
 */
export function factRecall(ctx: ScoreContext): ScoreResult {
  const missing: { section: string; text: string }[] = [];
  let total = 0;
  for (const section of ctx.brief.sections) {
    const facts = sectionFacts(section);
    const paragraphs = withoutNumbering(outputParagraphs(ctx, section.key));
    const written = figureValues(paragraphs);
    const seen = new Set<string>();
    for (const figure of facts.flatMap((f) => extractFigures(f))) {
      const k = key(figure);
      if (seen.has(k)) continue;
      seen.add(k);
      total += 1;
      if (!written.has(k)) missing.push({ section: section.key, text: figure.text });
    }
    const text = paragraphs.join('\n\n');
    for (const name of properNames(facts)) {
      total += 1;
      if (!hasName(text, name)) missing.push({ section: section.key, text: name });
    }
  }
  const found = total - missing.length;
  if (missing.length === 0) {
    return { pass: true, score: 1, reason: total === 0 ? 'Ý liệu không có số liệu, ngày tháng, số hiệu hay tên riêng.' : `Có đủ ${total}/${total} dữ kiện của ý liệu.` };
  }
  return {
    pass: false,
    score: fraction(found, total),
    reason: `Thiếu ${missing.length}/${total} dữ kiện của ý liệu: ${listSome(missing.map((m) => `"${m.text}" (mục ${m.section})`))}.`,
    problems: missing.map((m) => ({ section: m.section, text: `thiếu "${m.text}"` })),
  };
}
