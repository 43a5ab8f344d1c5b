/** How body paragraphs are set: alignment, first-line indent and line spacing (PL I §II.6.e). */
import type { Finding } from '../../checks/finding.js';
import type { Layout } from '../layout.js';
import type { ParagraphInfo } from '../model.js';
import { estimatedWidth, SINGLE_LINE_EM, viNumber } from '../text.js';
import { finding, quote, type Rule } from './rule.js';

/** Paragraphs reported one by one before the rest are counted in one finding. */
const MAX_LISTED = 5;

const sizeOf = (p: ParagraphInfo) => Math.max(...p.runs.map((r) => r.sizePt ?? 10), 0) || 14;

function textWidth(layout: Layout, p: ParagraphInfo): number {
  const s = layout.model.sections[p.section];
  return (s?.pageWidth ?? 11906) - (s?.margins.left ?? 1701) - (s?.margins.right ?? 851) - p.indent.left - p.indent.right;
}

/** The paragraph fills more than one line, where its alignment shows. */
const wraps = (layout: Layout, p: ParagraphInfo) => estimatedWidth(p.text, sizeOf(p)) > textWidth(layout, p);

/** Left indent past which a line is placed as a block (a signer's title set off to the right), not running text. */
const BLOCK_INDENT = 2800;

/** Body paragraphs set as running text: centred headings (Chương, QUYẾT ĐỊNH:), blocks set off to the right and text boxes aside. */
const running = (layout: Layout) =>
  layout.body.filter(
    (p) => p.alignment !== 'center' && !(p.alignment === 'right' && !wraps(layout, p)) && p.indent.left < BLOCK_INDENT && !p.inTextBox && p.text.trim() !== '',
  );

/** One finding per paragraph for the first few, then one for the rest. */
function listed(rule: Rule, paras: readonly ParagraphInfo[], one: (p: ParagraphInfo) => string, rest: (n: number) => string): Finding[] {
  const out = paras.slice(0, MAX_LISTED).map((p) =>
    finding(rule, { where: { paragraph: p.index, span: [0, p.text.length], field: 'body' }, message: one(p) }),
  );
  if (paras.length > MAX_LISTED) out.push(finding(rule, { where: { field: 'body' }, message: rest(paras.length - MAX_LISTED) }));
  return out;
}

export const bodyAlignment: Rule = {
  id: 'nd30.body-alignment',
  source: 'PL I §II.6.e',
  severity: 'error',
  title: 'Căn đều hai lề, lùi đầu dòng',
  check(layout) {
    const paras = running(layout);
    const notJustified = paras.filter((p) => p.alignment !== 'both' && wraps(layout, p));
    const indentOf = (p: ParagraphInfo) => (p.text.startsWith('\t') ? 567 : p.indent.firstLine - p.indent.hanging);
    const notIndented = paras.filter((p) => indentOf(p) <= 0);
    // 1 cm or 1,27 cm, with room for rounding by the writer (0,95–1,3 cm).
    const oddIndent = paras.filter((p) => indentOf(p) > 0 && (indentOf(p) < 540 || indentOf(p) > 740));
    const cm = (tw: number) => `${viNumber((tw * 2.54) / 1440, 2)} cm`;
    return [
      ...listed(
        this,
        notJustified,
        (p) => `Đoạn ${quote(p.text, 40)} đang canh ${p.alignment === 'right' ? 'phải' : 'trái'}. Phần nội dung phải canh đều hai lề (Justify)`,
        (n) => `Còn ${n} đoạn nội dung khác chưa canh đều hai lề`,
      ),
      ...listed(
        this,
        notIndented,
        (p) => `Đoạn ${quote(p.text, 40)} chưa lùi đầu dòng. Khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm`,
        (n) => `Còn ${n} đoạn nội dung khác chưa lùi đầu dòng 1 cm hoặc 1,27 cm`,
      ),
      ...listed(
        this,
        oddIndent,
        (p) => `Đoạn ${quote(p.text, 40)} lùi đầu dòng ${cm(indentOf(p))}; phải lùi 1 cm hoặc 1,27 cm`,
        (n) => `Còn ${n} đoạn nội dung khác lùi đầu dòng khác 1 cm hoặc 1,27 cm`,
      ),
    ];
  },
};

/** Line spacing in lines (1 = single), as far as the paragraph's setting tells. */
function spacingLines(p: ParagraphInfo): number {
  const s = p.lineSpacing;
  if (!s) return 1;
  if (s.rule === 'auto') return s.line / 240;
  return s.line / (sizeOf(p) * 20 * SINGLE_LINE_EM);
}

export const lineSpacing: Rule = {
  id: 'nd30.line-spacing',
  source: 'PL I §II.6.e',
  severity: 'error',
  title: 'Khoảng cách giữa các dòng',
  check(layout) {
    const paras = running(layout);
    const wide = paras.filter((p) => spacingLines(p) > 1.5 + 0.02);
    const tight = paras.filter((p) => p.lineSpacing && p.lineSpacing.rule !== 'atLeast' && spacingLines(p) < 1 - 0.05);
    const lines = (p: ParagraphInfo) => viNumber(spacingLines(p), 2);
    return [
      ...listed(
        this,
        wide,
        (p) => `Đoạn ${quote(p.text, 40)} giãn dòng ${lines(p)} dòng. Khoảng cách giữa các dòng tối đa là 1,5 dòng (1,5 lines)`,
        (n) => `Còn ${n} đoạn nội dung khác giãn dòng hơn 1,5 dòng`,
      ),
      ...listed(
        this,
        tight,
        (p) => `Đoạn ${quote(p.text, 40)} giãn dòng ${lines(p)} dòng, hẹp hơn dòng đơn (single). Khoảng cách giữa các dòng tối thiểu là dòng đơn`,
        (n) => `Còn ${n} đoạn nội dung khác giãn dòng hẹp hơn dòng đơn`,
      ),
    ];
  },
};

/** 6 pt, less a little for writers that round points to twips. */
const MIN_GAP = 115;

export const paragraphSpacing: Rule = {
  id: 'nd30.paragraph-spacing',
  source: 'PL I §II.6.e',
  severity: 'error',
  title: 'Khoảng cách giữa các đoạn văn',
  check(layout) {
    const paras = running(layout);
    // Space after one paragraph and before the next both separate them; a gap is judged between neighbours only.
    const tight = paras.filter((p, i) => {
      const prev = paras[i - 1];
      return prev !== undefined && prev.index === p.index - 1 && prev.paragraphSpacing.after + p.paragraphSpacing.before < MIN_GAP;
    });
    const pt = (p: ParagraphInfo) => viNumber((layout.model.paragraphs[p.index - 1]!.paragraphSpacing.after + p.paragraphSpacing.before) / 20);
    return listed(
      this,
      tight,
      (p) => `Đoạn ${quote(p.text, 40)} cách đoạn trước ${pt(p)} pt. Khoảng cách giữa các đoạn văn tối thiểu là 6 pt (Spacing Before/After)`,
      (n) => `Còn ${n} đoạn nội dung khác cách đoạn trước dưới 6 pt`,
    );
  },
};
