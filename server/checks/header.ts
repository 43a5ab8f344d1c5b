import type { Brief } from '../brief/schema.js';
import { SYMBOL_PATTERN } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import type { Finding } from './finding.js';

const SIGNER_PREFIX = /^(TM|KT|Q|TL|TUQ)\.\s/u;
const BAD_PREFIX = /^(T\.M|K\.T|T\.L|TUQ|TM|KT|TL|Q)(?![.])\b|^(T\.M\.|K\.T\.|T\.L\.)/u;

/** Checks of the header fields and the signature against the template (Nghị định 30, Phụ lục I). */
export function checkHeader(brief: Brief, template: Template): Finding[] {
  const h = brief.header;
  const findings: Finding[] = [];
  const add = (rule: string, field: string, message: string, severity: Finding['severity'] = 'error') =>
    findings.push({ rule, severity, where: { field }, message });

  if (!SYMBOL_PATTERN.test(h.symbol)) {
    add('header.symbol', 'header.symbol', `Ký hiệu "${h.symbol}" không hợp lệ: viết liền, không dấu cách, các nhóm nối bằng "-".`);
  } else if (template.code && !h.symbol.startsWith(`${template.code}-`)) {
    add('header.symbol', 'header.symbol', `Ký hiệu của ${template.name.toLocaleLowerCase('vi')} phải bắt đầu bằng "${template.code}-" (ví dụ ${template.code}-UBND).`);
  } else if (!template.code && /^(CV|BC|TTr|KH|TB|QĐ)-/u.test(h.symbol)) {
    add('header.symbol', 'header.symbol', 'Công văn không có mã loại văn bản trong ký hiệu: viết <cơ quan>-<đơn vị soạn thảo>, ví dụ UBND-KT.');
  }
  if (!/^\p{Lu}/u.test(h.place)) {
    add('header.place', 'header.place', `Địa danh "${h.place}" phải viết hoa chữ cái đầu.`);
  }
  if (/^\d{4}-\d{2}$/.test(h.date) || h.number === '') {
    add('header.blank', 'header.number', 'Số hoặc ngày văn bản đang để trống để văn thư điền khi đăng ký.', 'warning');
  }
  if (template.kinhGui === 'required' && h.recipients.length === 0) {
    add('header.kinh-gui', 'header.recipients', `${template.name} phải có "Kính gửi": cần ghi cơ quan nhận.`);
  }
  if (template.kinhGui === 'none' && h.recipients.length > 0) {
    add('header.kinh-gui', 'header.recipients', `${template.name} không có "Kính gửi": nơi nhận chỉ ghi ở phần "Nơi nhận".`);
  }
  const lines = brief.signer.lines;
  if (lines.length === 0 || brief.signer.name === '') {
    add('signer.missing', 'signer', 'Chưa có quyền hạn, chức vụ hoặc họ tên người ký.', 'warning');
  }
  lines.forEach((line, i) => {
    if (!SIGNER_PREFIX.test(line) && BAD_PREFIX.test(line)) {
      add('signer.prefix', `signer.lines.${i}`, `Quyền hạn ký "${line}" viết sai: chỉ dùng TM., KT., Q., TL., TUQ. (chữ in hoa, có dấu chấm).`);
    }
  });
  return findings;
}
