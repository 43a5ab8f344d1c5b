import type { Finding } from './finding.js';
import { extractFigures, figureIndex, figureValues, key, traces, type Figure } from '../text/figures.js';

const KIND_NAME: Record<Figure['kind'], string> = { number: 'Số liệu', date: 'Ngày tháng', reference: 'Số hiệu văn bản' };

export interface GroundingInput {
  section: string;
  /** The section's facts as staff wrote them. */
  facts: readonly string[];
  /** Header values any section may restate: trích yếu, date, number, recipients, names. */
  headerTexts: readonly string[];
  /** Other values code put in the text on purpose (a formula's own words). */
  allowedTexts?: readonly string[];
  paragraphs: readonly string[];
}

/**
 * Every figure of the facts must appear in the section's text, a count with what it counts (in digits
 * or in words: "hai công văn"), and the text must hold no figure that the facts and the header lack:
 * the model (or a hand edit) may not invent or drop a number.
 */
export function checkGrounding(input: GroundingInput): Finding[] {
  const findings: Finding[] = [];
  const allowed = figureValues([...input.facts, ...input.headerTexts, ...(input.allowedTexts ?? [])]);
  input.paragraphs.forEach((text, paragraph) => {
    for (const f of extractFigures(text)) {
      if (!allowed.has(key(f))) {
        findings.push({
          rule: 'grounding.invented-figure',
          severity: 'error',
          where: { section: input.section, paragraph, span: [f.start, f.end] },
          message: `${KIND_NAME[f.kind]} "${f.text}" không có trong ý liệu: kiểm tra lại, bổ sung vào ý liệu nếu đúng hoặc xóa khỏi đoạn văn.`,
        });
      }
    }
  });
  const written = figureIndex(input.paragraphs);
  const reported = new Set<string>();
  for (const fact of input.facts) {
    for (const f of extractFigures(fact)) {
      const k = `${key(f)}@${f.counts ?? ''}`;
      if (traces(f, written) || reported.has(k)) continue;
      reported.add(k);
      findings.push({
        rule: 'grounding.missing-figure',
        severity: 'error',
        where: { section: input.section },
        message: `${KIND_NAME[f.kind]} "${f.text}" của ý liệu "${shorten(fact)}" không có trong văn bản: cần đưa vào hoặc soạn lại mục này.`,
      });
    }
  }
  return findings;
}

function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
