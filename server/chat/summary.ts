import type { Template } from '../template/schema.js';
import type { Intake } from './model.js';
import { factCount, toBriefInput } from './intake.js';
import { sectionHeadings } from './sections.js';

/** A date of the brief as staff read it: "05/12/2021", or "tháng 12/2021 (văn thư điền ngày)". */
function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  if (!y) return '(chưa có)';
  return d ? `${d}/${m}/${y}` : `tháng ${m}/${y} (văn thư điền ngày)`;
}

/** Staff's name for each question, in messages. */
export const ASK_LABELS: Record<string, string> = {
  template: 'loại văn bản',
  'header.org': 'cơ quan ban hành',
  'header.subject': 'trích yếu',
  'header.recipients': 'Kính gửi',
  'header.place': 'địa danh',
  'header.symbol': 'số, ký hiệu',
  'header.date': 'ngày ban hành',
  signer: 'người ký',
  copies: 'nơi nhận',
  summary: 'bản tóm tắt trước khi soạn',
};

/** The value a question has now, as staff would read it; empty when it has none. */
export function currentValue(intake: Intake, ask: string): string {
  const h = intake.header;
  switch (ask) {
    case 'header.org':
      return h.org ?? '';
    case 'header.subject':
      return h.subject ?? '';
    case 'header.recipients':
      return (h.recipients ?? []).join('; ');
    case 'header.place':
      return h.place ?? '';
    case 'header.symbol':
      return h.symbol ? `${h.number ? `${h.number}/` : ''}${h.symbol}` : '';
    case 'header.date':
      return h.date ? dateText(h.date) : '';
    case 'signer':
      return intake.signer ? [...intake.signer.lines, intake.signer.name].filter(Boolean).join(' / ') : '';
    case 'copies':
      return (intake.copies ?? []).join('; ');
    default:
      return '';
  }
}

/** Every header field, the signer, Nơi nhận and the count of ý chính per section, before drafting. */
export function summaryText(intake: Intake, template: Template): string {
  const b = toBriefInput(intake, template);
  const h = b.header;
  const headings = sectionHeadings(template, intake);
  const facts = template.sections
    .map((s) => ({ heading: headings.get(s.key)!, n: factCount(intake, s.key) + (intake.sections.find((x) => x.key === s.key)?.tasks?.length ?? 0) }))
    .filter((s) => s.n > 0)
    .map((s) => `${s.heading}: ${s.n} ý`);
  const rows = [
    ['Loại văn bản', template.name],
    ['Cơ quan ban hành', [h.parentOrg, h.org].filter(Boolean).join(' / ')],
    ['Số, ký hiệu', `${h.number || '…'}/${h.symbol}`],
    ['Địa danh, ngày', `${h.place}, ${dateText(h.date ?? '')}`],
    ['Trích yếu', `${template.vv ? 'V/v ' : ''}${h.subject}`],
    ...(template.kinhGui === 'none' ? [] : [['Kính gửi', (h.recipients ?? []).join('; ') || '(không ghi)']]),
    ['Người ký', [...b.signer!.lines!, b.signer!.name].filter(Boolean).join(' / ')],
    ['Nơi nhận', [...(b.copies ?? []), `Lưu: ${b.archive}`].join('; ')],
    ['Các ý chính', facts.join('; ') || '(chưa có)'],
  ];
  return `Kiểm tra lại trước khi soạn:\n${rows.map(([k, v]) => `- ${k}: ${v}`).join('\n')}\nGõ "đúng" để soạn, hoặc "sửa <trường>" (ví dụ "sửa ký hiệu"), "quay lại".`;
}
