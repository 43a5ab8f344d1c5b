import { sectionFacts } from '../../server/brief/schema.js';
import { checkGrounding } from '../../server/checks/grounding.js';
import { headerTexts } from '../../server/checks/index.js';
import { formulaSlots } from '../../server/text/formula-slots.js';
import { extractFigures, type Figure } from '../../server/text/figures.js';
import { listSome, outputParagraphs, sectionOrder, withoutNumbering } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

const KIND: Record<Figure['kind'], string> = { number: 'số', date: 'ngày', reference: 'số hiệu' };

/** Words code itself puts in a formula section, as the product's own checks allow them. */
function formulaTexts(ctx: ScoreContext, key: string): string[] {
  const section = ctx.template?.sections.find((s) => s.key === key);
  const formula = section?.role === 'opening' ? ctx.template!.opening : section?.role === 'closing' ? ctx.template!.closing : null;
  if (!formula) return [];
  const slots = formulaSlots(ctx.brief);
  return [formula.withFacts, formula.withoutFacts, slots.org, slots.recipient];
}

/**
 * Every figure of the text must trace to its section's facts or the header, judged by the same
 * grounding check the product runs on each paragraph; the score is the share that trace.
 */
export function factPrecision(ctx: ScoreContext): ScoreResult {
  const invented: { section: string; text: string }[] = [];
  let total = 0;
  for (const key of sectionOrder(ctx)) {
    const paragraphs = withoutNumbering(outputParagraphs(ctx, key));
    if (paragraphs.length === 0) continue;
    const briefSection = ctx.brief.sections.find((s) => s.key === key);
    total += paragraphs.reduce((n, p) => n + extractFigures(p).length, 0);
    const findings = checkGrounding({
      section: key,
      facts: briefSection ? sectionFacts(briefSection) : [],
      headerTexts: headerTexts(ctx.brief),
      allowedTexts: formulaTexts(ctx, key),
      paragraphs,
    });
    for (const f of findings) {
      if (f.rule !== 'grounding.invented-figure' || f.where.paragraph === undefined || !f.where.span) continue;
      const [start, end] = f.where.span;
      const text = paragraphs[f.where.paragraph]!.slice(start, end);
      const kind = extractFigures(text)[0]?.kind ?? 'number';
      invented.push({ section: key, text: `${KIND[kind]} "${text}"` });
    }
  }
  if (invented.length === 0) {
    return { pass: true, score: 1, reason: total === 0 ? 'Văn bản không có số liệu nào.' : `Cả ${total} số liệu, ngày tháng, số hiệu đều có trong ý liệu.` };
  }
  return {
    pass: false,
    score: (total - invented.length) / total,
    reason: `${invented.length}/${total} số liệu không có trong ý liệu: ${listSome(invented.map((i) => `${i.text} (mục ${i.section})`))}.`,
    problems: invented.map((i) => ({ section: i.section, text: `${i.text} không có trong ý liệu` })),
  };
}
