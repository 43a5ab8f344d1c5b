/**
 * Lengths of the rules under the issuing body, the Tiêu ngữ and the trích yếu (PL I §II.1.b, §II.2.b,
 * §II.5.b), measured where the file says enough: a bordered empty paragraph in a box of known width, or a
 * run of underscores. Drawn shapes and tab-laid rules are not measured.
 */
import type { Finding } from '../../checks/finding.js';
import { textWidth, widestLine } from '../../export/docx/measure.js';
import { isSeparator, type Layout } from '../layout.js';
import type { ParagraphInfo } from '../model.js';
import { isBlank, norm, runsOf, segments, type Segment } from '../text.js';
import { at, finding, type Rule } from './rule.js';

/** Advance of "_" in Times New Roman, regular and bold alike, in em. */
const UNDERSCORE_EM = 0.5;

/** Margins of measurement: the widths are Times New Roman's, the file's font may round differently. */
const SHORT = { lo: 0.3, hi: 0.55 };
const FULL = { lo: 0.8, hi: 1.2 };

/** Length in twips of the rule the paragraph draws inside a box `box` twips wide, or null when it cannot be told. */
function drawnLength(p: ParagraphInfo, box: number | null): number | null {
  if (p.lineShapes > 0) return null;
  if (isBlank(p.text) && (p.border.top || p.border.bottom)) return box === null ? null : box - p.indent.left - p.indent.right;
  const seps = segments(p).filter((s) => isSeparator(s.text));
  if (seps.length !== 1 || p.border.top || p.border.bottom || !/^_+$/.test(norm(seps[0]!.text))) return null;
  const size = runsOf(seps[0]!)[0]?.sizePt ?? 10;
  return norm(seps[0]!.text).length * UNDERSCORE_EM * size * 20;
}

/** Width of the widest of the lines as set in a box `box` twips wide (unwrapped when the width is unknown). */
function widest(lines: readonly Segment[], box: number | null): number {
  return Math.max(
    0,
    ...lines.map((l) => {
      const runs = runsOf(l);
      const size = runs[0]?.sizePt ?? 10;
      const bold = runs.length > 0 && runs.every((r) => r.bold);
      // No-break spaces stay: they decide where the line wraps.
      const text = l.text.normalize('NFC').replace(/[^\S\u00a0]+/g, ' ').trim();
      return box === null ? textWidth(text, size, bold) : widestLine(text, size, bold, box);
    }),
  );
}

const percent = (r: number) => `${Math.round(r * 100)}%`;

function bodyWidth(layout: Layout, p: ParagraphInfo): number {
  const s = layout.model.sections[p.section];
  return (s?.pageWidth ?? 11906) - (s?.margins.left ?? 1701) - (s?.margins.right ?? 851) - p.indent.left - p.indent.right;
}

export const ruleLength: Rule = {
  id: 'nd30.rule-length',
  source: 'PL I §II.1.b, §II.2.b, §II.5.b',
  severity: 'error',
  title: 'Độ dài đường kẻ',
  check(layout) {
    const { ruleAt, issuerLines, tieuNgu, titleLines } = layout;
    const out: Finding[] = [];
    const judge = (rule: ParagraphInfo | null, lines: readonly Segment[], box: number | null, range: typeof SHORT, report: (ratio: number) => [string, string]) => {
      if (!rule || lines.length === 0) return;
      const length = drawnLength(rule, box);
      const text = widest(lines, box);
      if (length === null || text === 0) return;
      const ratio = length / text;
      if (ratio >= range.lo && ratio <= range.hi) return;
      const [field, message] = report(ratio);
      out.push(finding(this, { where: at(lines[lines.length - 1]!, field), message }));
    };
    const issuerBox = issuerLines[issuerLines.length - 1]?.para.cell?.width ?? null;
    // The rule belongs to the issuing body's own name (bold), not to a parent body above it (regular).
    const own = issuerLines.filter((l) => runsOf(l).length > 0 && runsOf(l).every((r) => r.bold));
    judge(ruleAt.issuer, own.length > 0 ? own : issuerLines, issuerBox, SHORT, (r) => [
      'header.org',
      `Đường kẻ dưới tên cơ quan ban hành dài bằng ${percent(r)} dòng chữ; phải dài từ 1/3 đến 1/2 độ dài dòng chữ`,
    ]);
    judge(ruleAt.motto, tieuNgu ? [tieuNgu] : [], tieuNgu?.para.cell?.width ?? null, FULL, (r) => [
      'header.tieuNgu',
      `Đường kẻ dưới Tiêu ngữ dài bằng ${percent(r)} dòng Tiêu ngữ; phải dài bằng dòng Tiêu ngữ`,
    ]);
    const titleBox = titleLines[0] ? bodyWidth(layout, titleLines[0].para) : null;
    judge(ruleAt.title, titleLines, titleBox, SHORT, (r) => [
      'header.subject',
      `Đường kẻ dưới trích yếu dài bằng ${percent(r)} dòng chữ; phải dài từ 1/3 đến 1/2 độ dài dòng chữ`,
    ]);
    return out;
  },
};
