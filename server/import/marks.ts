import type { Finding } from '../checks/finding.js';
import { extractFigures } from '../text/figures.js';
import { periodMentions } from './next-period.js';

export const FIGURE_TO_UPDATE = 'import.figure-to-update';

const MESSAGE = {
  number: (t: string) => `Số liệu "${t}" lấy từ văn bản kỳ trước: cập nhật theo kỳ này, hoặc giữ nguyên nếu vẫn đúng.`,
  date: (t: string) => `Ngày tháng "${t}" lấy từ văn bản kỳ trước: cập nhật theo kỳ này, hoặc giữ nguyên nếu vẫn đúng.`,
  reference: (t: string) => `Văn bản "${t}" được dẫn trong văn bản kỳ trước: kiểm tra kỳ này còn dẫn văn bản đó không.`,
  period: (t: string) => `Kỳ "${t}" lấy từ văn bản kỳ trước: sửa thành kỳ này.`,
};

/**
 * Marks on an imported paragraph: every figure, date, document reference and period it took from
 * last period's document, for the clerk to update (or confirm) before the new one goes out.
 */
export function figuresToUpdate(text: string, section: string, paragraph: number): Finding[] {
  const marks: { kind: keyof typeof MESSAGE; start: number; end: number; text: string }[] = extractFigures(text).map((f) => ({ kind: f.kind, start: f.start, end: f.end, text: f.text }));
  for (const p of periodMentions(text)) {
    const overlaps = marks.filter((m) => m.start < p.end && p.start < m.end);
    // "tháng 10 năm 2026" is one mark, a period, not a date and a number beside it.
    if (overlaps.every((m) => m.start >= p.start && m.end <= p.end)) {
      for (const m of overlaps) marks.splice(marks.indexOf(m), 1);
      marks.push({ kind: 'period', start: p.start, end: p.end, text: p.text });
    }
  }
  return marks
    .sort((a, b) => a.start - b.start)
    .map((m) => ({ rule: FIGURE_TO_UPDATE, severity: 'warning', where: { section, paragraph, span: [m.start, m.end] }, message: MESSAGE[m.kind](m.text) }));
}
