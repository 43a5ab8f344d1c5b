/** The document's type and its title: tên loại, trích yếu and the rule under it, a công văn's V/v (PL I §II.5). */
import type { Finding } from '../../checks/finding.js';
import { styleFindings } from './header.js';
import { at, finding, quote, type Rule } from './rule.js';

export const docType: Rule = {
  id: 'nd30.doc-type',
  source: 'PL I §II.5; PL III §I',
  severity: 'warning',
  title: 'Loại văn bản',
  check({ type, typeFromCode, header }) {
    if (!type) {
      return [
        finding(this, {
          where: { field: 'header.typeName' },
          message:
            'Không xác định được loại văn bản: không thấy tên loại (BÁO CÁO, TỜ TRÌNH, KẾ HOẠCH…) dưới khối tiêu đề, dòng “V/v …” của công văn hay mã loại trong ký hiệu. Chỉ kiểm tra các quy định chung cho mọi văn bản; hãy tự kiểm tra các quy định riêng của loại văn bản này',
        }),
      ];
    }
    if (typeFromCode && type.typeName && header) {
      return [
        finding(this, {
          where: { field: 'header.typeName' },
          severity: 'error',
          message: `Ký hiệu cho thấy đây là ${type.name.toLowerCase()} nhưng thiếu tên loại “${type.typeName}” (chữ in hoa, đứng, đậm, cỡ chữ 13–14) và trích yếu, canh giữa dưới khối tiêu đề`,
        }),
      ];
    }
    return [];
  },
};

export const title: Rule = {
  id: 'nd30.title',
  source: 'PL I §II.5.b',
  severity: 'error',
  title: 'Tên loại và trích yếu nội dung',
  check({ typeLine, congVanTitle, titleLines, titleRule, vv, type }) {
    const out: Finding[] = [];
    if (congVanTitle) {
      out.push(
        finding(this, {
          where: at(congVanTitle, 'header.typeName'),
          message: 'Công văn không có tên loại: hãy bỏ dòng “CÔNG VĂN”; trích yếu của công văn ghi “V/v …” dưới dòng Số, ký hiệu (cỡ chữ 12–13, đứng, không đậm)',
        }),
      );
    } else if (typeLine) {
      out.push(...styleFindings(this, typeLine, 'header.typeName', `Tên loại ${quote(typeLine.text, 30)}`, { bold: true, sizes: [13, 14] }));
      if (titleLines.length === 0) {
        out.push(finding(this, { where: at(typeLine, 'header.subject'), message: 'Thiếu trích yếu nội dung ngay dưới tên loại văn bản (chữ thường, đứng, đậm, cỡ chữ 13–14, canh giữa)' }));
      } else {
        const bad = titleLines.flatMap((l) => styleFindings(this, l, 'header.subject', 'Trích yếu nội dung', { bold: true, sizes: [13, 14] }));
        // One finding per fault, not one per wrapped line.
        out.push(...bad.filter((f, i) => bad.findIndex((g) => g.message === f.message) === i));
        if (!titleRule) {
          out.push(
            finding(this, {
              where: at(titleLines[titleLines.length - 1]!, 'header.subject'),
              message: 'Thiếu đường kẻ ngang, nét liền dưới trích yếu nội dung, dài từ 1/3 đến 1/2 độ dài dòng chữ, đặt cân đối giữa dòng chữ',
            }),
          );
        }
      }
    }
    if (vv && type?.id === 'cong-van') {
      out.push(...styleFindings(this, vv, 'header.subject', 'Trích yếu “V/v …” của công văn', { bold: false, sizes: [12, 13] }));
    }
    return out;
  },
};
