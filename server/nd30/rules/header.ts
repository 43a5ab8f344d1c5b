/** The header block of page 1: Quốc hiệu, Tiêu ngữ, Số và ký hiệu, địa danh và ngày tháng (PL I §II.1–4). */
import type { Finding } from '../../checks/finding.js';
import { TYPE_CODES } from '../doc-types.js';
import { isBlank, norm, runsOf, sizesText, type Segment } from '../text.js';
import { at, finding, quote, type Rule } from './rule.js';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const QUOC_HIEU_ALT = 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Left blank for the văn thư: spaces, dots, underscores or an ellipsis. */
const isBlankFill = (s: string) => isBlank(s) || /^[\s\u00a0.…_]*$/.test(s);

export function styleFindings(rule: Rule, seg: Segment, field: string, what: string, opts: { bold?: boolean; italic?: boolean; sizes?: [number, number] }): Finding[] {
  const out: Finding[] = [];
  const runs = runsOf(seg);
  if (runs.length === 0) return out;
  if (opts.bold && !runs.every((r) => r.bold)) out.push(finding(rule, { where: at(seg, field), message: `${what} phải in đậm` }));
  if (opts.bold === false && runs.some((r) => r.bold)) out.push(finding(rule, { where: at(seg, field), message: `${what} không in đậm` }));
  if (opts.italic && !runs.every((r) => r.italic)) out.push(finding(rule, { where: at(seg, field), message: `${what} phải in nghiêng` }));
  if (opts.sizes) {
    const [lo, hi] = opts.sizes;
    const bad = runs.filter((r) => (r.sizePt ?? 10) < lo || (r.sizePt ?? 10) > hi);
    if (bad.length) out.push(finding(rule, { where: at(seg, field), message: `${what} có cỡ chữ ${sizesText(bad)}; phải cỡ chữ ${lo}–${hi}` }));
  }
  return out;
}

export const headerBlock: Rule = {
  id: 'nd30.header-block',
  source: 'PL I §IV',
  severity: 'error',
  title: 'Khối tiêu đề trang 1',
  check({ header, quocHieu }) {
    const where = { field: 'header' };
    if (header?.table) {
      if (!header.table.bordersVisible) return [];
      return [
        finding(this, {
          where,
          message: 'Bảng tiêu đề (tên cơ quan, Quốc hiệu, Số, ngày tháng) đang có đường viền và viền sẽ in ra. Hãy bỏ viền bảng (Borders: None)',
        }),
      ];
    }
    if (quocHieu) {
      return [
        finding(this, {
          where,
          severity: 'warning',
          message:
            'Khối tiêu đề không đặt trong bảng. Nên dùng bảng 2 cột không viền (tên cơ quan | Quốc hiệu, Tiêu ngữ; Số, ký hiệu | địa danh, ngày tháng) để Số và ngày tháng nằm trên cùng một dòng',
        }),
      ];
    }
    return [
      finding(this, {
        where,
        message:
          'Không tìm thấy khối tiêu đề ở đầu trang 1 (tên cơ quan ban hành, Quốc hiệu và Tiêu ngữ, Số và ký hiệu, địa danh và ngày tháng). Hãy trình bày khối này trong bảng 2 cột không viền ở đầu văn bản',
      }),
    ];
  },
};

export const quocHieu: Rule = {
  id: 'nd30.quoc-hieu',
  source: 'PL I §II.1.a',
  severity: 'error',
  title: 'Quốc hiệu',
  check({ quocHieu: seg }) {
    const field = 'header.quocHieu';
    if (!seg) {
      return [finding(this, { where: { field }, message: `Thiếu Quốc hiệu. Dòng đầu ô bên phải khối tiêu đề phải là “${QUOC_HIEU}”, chữ in hoa, đứng, đậm, cỡ chữ 12–13` })];
    }
    const out: Finding[] = [];
    const text = norm(seg.text);
    if (text === QUOC_HIEU_ALT) {
      out.push(finding(this, { where: at(seg, field), severity: 'warning', message: `Quốc hiệu nên viết “HÒA” theo quy định: “${QUOC_HIEU}”` }));
    } else if (text !== QUOC_HIEU) {
      out.push(finding(this, { where: at(seg, field), message: `Quốc hiệu ghi là ${quote(text)}; phải ghi đúng, chữ in hoa: “${QUOC_HIEU}”` }));
    }
    out.push(...styleFindings(this, seg, field, 'Quốc hiệu', { bold: true, sizes: [12, 13] }));
    return out;
  },
};

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;

export const tieuNgu: Rule = {
  id: 'nd30.tieu-ngu',
  source: 'PL I §II.1.b',
  severity: 'error',
  title: 'Tiêu ngữ',
  check({ tieuNgu: seg, quocHieu: qh }) {
    const field = 'header.tieuNgu';
    if (!seg) {
      if (!qh) return []; // the missing header is reported once, by nd30.quoc-hieu and nd30.header-block
      return [finding(this, { where: { field }, message: `Thiếu Tiêu ngữ “${TIEU_NGU}” dưới Quốc hiệu (chữ thường, đậm, cỡ chữ 13–14)` })];
    }
    const out: Finding[] = [];
    const dash = DASHES.exec(seg.text);
    if (dash) {
      const i = seg.start + dash.index;
      out.push(
        finding(this, {
          where: at(seg, field, [i, i + 1]),
          message: `Tiêu ngữ dùng dấu gạch dài “${dash[0]}”. Giữa các cụm từ phải dùng dấu gạch nối “-” (phím trừ), có cách chữ: “${TIEU_NGU}”`,
        }),
      );
    } else if (norm(seg.text) !== TIEU_NGU) {
      out.push(
        finding(this, {
          where: at(seg, field),
          message: `Tiêu ngữ ghi là ${quote(seg.text)}; phải ghi đúng “${TIEU_NGU}”: chữ cái đầu mỗi cụm từ viết hoa, giữa các cụm từ có gạch nối “-” và cách chữ`,
        }),
      );
    }
    out.push(...styleFindings(this, seg, field, 'Tiêu ngữ', { bold: true, sizes: [13, 14] }));
    return out;
  },
};

export const numberSymbol: Rule = {
  id: 'nd30.number-symbol',
  source: 'PL I §II.3',
  severity: 'error',
  title: 'Số và ký hiệu',
  check({ soLine: seg, type, typeFromCode, header }) {
    const field = 'header.symbol';
    if (!seg) {
      if (!header) return [];
      return [finding(this, { where: { field }, message: 'Thiếu dòng “Số: …/…” dưới tên cơ quan ban hành, ví dụ “Số: 05/BC-UBND” (số có thể để trống cho văn thư điền)' })];
    }
    const out: Finding[] = [];
    const text = seg.text;
    // "Số" is two characters in NFC; the recogniser made sure the line starts with it.
    let pos = 2;
    const colon = /^[\s\u00a0]*:/.exec(text.slice(pos));
    if (!colon) {
      out.push(finding(this, { where: at(seg, field, [seg.start, seg.start + 2]), message: 'Sau chữ “Số” phải có dấu hai chấm, ví dụ “Số: 05/BC-UBND”' }));
    } else pos += colon[0].length;
    const rest = text.slice(pos);
    const slash = rest.indexOf('/');
    if (slash === -1) {
      out.push(finding(this, { where: at(seg, field), message: `Dòng ${quote(text)} thiếu dấu “/” giữa số và ký hiệu, ví dụ “Số: 05/BC-UBND”` }));
      return out;
    }
    const numRaw = rest.slice(0, slash);
    const numStart = seg.start + pos;
    const num = numRaw.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
    if (!isBlankFill(numRaw)) {
      const numAt = numStart + numRaw.indexOf(num);
      if (!/^\d+$/.test(num)) {
        out.push(finding(this, { where: at(seg, field, [numAt, numAt + num.length]), message: `Số văn bản ${quote(num)} phải là chữ số Ả Rập (hoặc để trống cho văn thư điền)` }));
      } else {
        if (Number(num) < 10 && num.length < 2) {
          out.push(
            finding(this, {
              where: at(seg, field, [numAt, numAt + num.length]),
              message: `Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: “${num.padStart(2, '0')}”, không ghi “${num}”`,
            }),
          );
        }
        if (/[\s\u00a0]$/.test(numRaw)) {
          out.push(finding(this, { where: at(seg, field, [numAt + num.length, numStart + slash]), message: 'Không để dấu cách giữa số và dấu “/”' }));
        }
      }
    }
    const symStart = numStart + slash + 1;
    const symRaw = rest.slice(slash + 1);
    if (/^[\s\u00a0]/.test(symRaw) && symRaw.trim() !== '') {
      out.push(finding(this, { where: at(seg, field, [symStart - 1, symStart + 1]), message: 'Không để dấu cách sau dấu “/”' }));
    }
    const sym = symRaw.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
    if (sym === '') {
      out.push(finding(this, { where: at(seg, field), message: 'Thiếu ký hiệu văn bản sau dấu “/”, ví dụ “Số: 05/BC-UBND”' }));
      return out;
    }
    const symAt = symStart + symRaw.indexOf(sym);
    const space = /[\s\u00a0]/.exec(sym);
    if (space) {
      out.push(
        finding(this, {
          where: at(seg, field, [symAt, symAt + sym.length]),
          message: `Ký hiệu ${quote(sym)} có dấu cách. Giữa các nhóm chữ viết tắt chỉ dùng gạch nối “-”, không cách chữ, ví dụ “BC-UBND”`,
        }),
      );
    }
    if (/^\d{4}\//.test(sym)) {
      out.push(
        finding(this, {
          where: at(seg, field, [symAt, symAt + 4]),
          message: 'Số của văn bản hành chính không ghi năm ban hành (dạng “05/2024/QĐ-UBND” là của văn bản quy phạm pháp luật). Hãy ghi “Số: 05/QĐ-UBND”',
        }),
      );
      return out;
    }
    if (!type || typeFromCode) return out;
    const compact = sym.replace(/[\s\u00a0]+/g, '');
    const code = compact.split('-')[0]!;
    const codeSpan: [number, number] = [symAt, symAt + Math.max(1, sym.indexOf('-') === -1 ? sym.length : sym.indexOf('-'))];
    if (type.code) {
      if (code !== type.code) {
        out.push(
          finding(this, {
            where: at(seg, field, codeSpan),
            source: 'PL I §II.3; PL III §I',
            message: `Văn bản là ${type.name.toLowerCase()} nên ký hiệu phải bắt đầu bằng mã “${type.code}” (ví dụ “Số: 05/${type.code}-UBND”), không phải “${code}”`,
          }),
        );
      } else if (!compact.includes('-')) {
        out.push(
          finding(this, {
            where: at(seg, field, [symAt, symAt + sym.length]),
            severity: 'warning',
            message: `Ký hiệu thiếu chữ viết tắt tên cơ quan ban hành sau mã loại, ví dụ “${type.code}-UBND”`,
          }),
        );
      }
    } else if (TYPE_CODES.has(code) || code.toUpperCase() === 'CV') {
      out.push(
        finding(this, {
          where: at(seg, field, codeSpan),
          source: 'PL I §II.3; PL III §I',
          message: `Công văn không có mã tên loại trong ký hiệu${code.toUpperCase() === 'CV' ? ' (“CV” không phải mã của Nghị định 30)' : ` (“${code}” là mã của loại văn bản khác)`}. Ký hiệu công văn gồm chữ viết tắt tên cơ quan và đơn vị soạn thảo, ví dụ “Số: 05/UBND-VP”`,
        }),
      );
    }
    return out;
  },
};

const DATE_RE = /^(.*?)(,?)([\s\u00a0]*)(ngày)(.*?)(tháng)(.*?)(năm)(.*)$/diu;

export const dateLine: Rule = {
  id: 'nd30.date-line',
  source: 'PL I §II.4',
  severity: 'error',
  title: 'Địa danh và thời gian ban hành',
  check({ dateLine: seg, shortDate, type, header }) {
    const field = 'header.dateLine';
    if (!seg) {
      if (shortDate) {
        return [
          finding(this, {
            where: at(shortDate, field),
            message: `Ngày tháng ${quote(shortDate.text)} viết tắt. Phải viết đầy đủ “<Địa danh>, ngày … tháng … năm …”, ví dụ “Hà Nội, ngày 05 tháng 3 năm 2026”`,
          }),
        ];
      }
      if (type?.id === 'bien-ban' || !header) return [];
      return [
        finding(this, {
          where: { field },
          message: 'Thiếu dòng địa danh và ngày tháng năm ban hành (ô bên phải, ngang dòng Số), ví dụ “Hà Nội, ngày 05 tháng 3 năm 2026”, in nghiêng',
        }),
      ];
    }
    const out: Finding[] = [];
    const m = DATE_RE.exec(seg.text);
    if (!m || !m.indices) return out;
    const span = (g: number): [number, number] => {
      const [s, e] = m.indices![g]!;
      return [seg.start + s, seg.start + e];
    };
    const trimmedSpan = (g: number): [number, number] => {
      const [s, e] = span(g);
      const raw = m[g]!;
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      return [s + lead, e - trail];
    };
    const place = norm(m[1]!);
    if (place === '') {
      out.push(finding(this, { where: at(seg, field, span(4)), message: 'Thiếu địa danh trước ngày tháng, ví dụ “Hà Nội, ngày …”' }));
    } else if (m[2] !== ',') {
      out.push(finding(this, { where: at(seg, field, span(1)), message: `Sau địa danh ${quote(place)} phải có dấu phẩy: “${place}, ngày …”` }));
    }
    const day = m[5]!;
    if (!isBlankFill(day)) {
      const d = day.trim();
      if (!/^\d{1,2}$/.test(d) || Number(d) < 1 || Number(d) > 31) {
        out.push(finding(this, { where: at(seg, field, trimmedSpan(5)), message: `Ngày ${quote(d)} không hợp lệ; ngày viết bằng chữ số Ả Rập, ví dụ “ngày 05”` }));
      } else if (d.length === 1) {
        out.push(finding(this, { where: at(seg, field, trimmedSpan(5)), message: `Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước: “ngày 0${d}”, không ghi “ngày ${d}”` }));
      }
    }
    const month = m[7]!;
    if (!isBlankFill(month)) {
      const t = month.trim();
      const v = Number(t);
      if (!/^\d{1,2}$/.test(t) || v < 1 || v > 12) {
        out.push(finding(this, { where: at(seg, field, trimmedSpan(7)), message: `Tháng ${quote(t)} không hợp lệ; tháng viết bằng chữ số Ả Rập từ 1 đến 12` }));
      } else if (v <= 2 && t.length !== 2) {
        out.push(finding(this, { where: at(seg, field, trimmedSpan(7)), message: `Tháng 1 và tháng 2 phải ghi thêm số 0 phía trước: “tháng 0${v}”, không ghi “tháng ${t}”` }));
      } else if (v >= 3 && t.length !== String(v).length) {
        out.push(finding(this, { where: at(seg, field, trimmedSpan(7)), message: `Từ tháng 3 đến tháng 12 không ghi số 0 phía trước: “tháng ${v}”, không ghi “tháng ${t}”` }));
      }
    }
    const year = m[9]!.trim();
    if (!/^\d{4}$/.test(year)) {
      out.push(finding(this, { where: at(seg, field, trimmedSpan(9)), message: `Năm ${quote(year)} phải viết đủ bốn chữ số, ví dụ “năm 2026”` }));
    }
    const [d, mo, y] = [day.trim(), month.trim(), year].map(Number) as [number, number, number];
    if (!isBlankFill(day) && d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && d > daysIn(mo, /^\d{4}$/.test(year) ? y : 2000)) {
      out.push(
        finding(this, {
          where: at(seg, field, [trimmedSpan(5)[0], trimmedSpan(7)[1]]),
          message: `Ngày ${d} tháng ${mo}${/^\d{4}$/.test(year) ? ` năm ${y}` : ''} không có thật: tháng ${mo} chỉ có ${daysIn(mo, y || 2000)} ngày`,
        }),
      );
    }
    out.push(...styleFindings(this, seg, field, 'Dòng địa danh và ngày tháng', { italic: true }));
    return out;
  },
};

/** Days in a month of the Gregorian calendar. */
function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const issuer: Rule = {
  id: 'nd30.issuer',
  source: 'PL I §II.2.b',
  severity: 'error',
  title: 'Tên cơ quan ban hành',
  check({ issuerLines, header, quocHieu }) {
    const field = 'header.org';
    if (!header || !quocHieu) return [];
    if (issuerLines.length === 0) {
      return [finding(this, { where: { field }, message: 'Không thấy tên cơ quan, tổ chức ban hành ở ô bên trái khối tiêu đề (chữ in hoa, đứng, đậm, cỡ chữ 12–13), trên dòng Số' })];
    }
    // The issuer's own name is the last upper-case line(s) above the rule; a parent body above it stays regular.
    const last = issuerLines[issuerLines.length - 1]!;
    return styleFindings(this, last, field, `Tên cơ quan ban hành ${quote(last.text, 40)}`, { bold: true, sizes: [12, 13] });
  },
};

export const headerRules: Rule = {
  id: 'nd30.header-rules',
  source: 'PL I §II.1.b, §II.2.b',
  severity: 'error',
  title: 'Đường kẻ dưới tên cơ quan và Tiêu ngữ',
  check({ headerRules: rules, header, quocHieu, issuerLines }) {
    if (!header || !quocHieu) return [];
    const out: Finding[] = [];
    if (rules.issuer === false && issuerLines.length > 0) {
      out.push(finding(this, { where: { field: 'header.org' }, source: 'PL I §II.2.b', message: 'Thiếu đường kẻ ngang, nét liền dưới tên cơ quan ban hành, dài từ 1/3 đến 1/2 độ dài dòng chữ, đặt cân đối giữa dòng chữ' }));
    }
    if (rules.motto === false) {
      out.push(finding(this, { where: { field: 'header.tieuNgu' }, source: 'PL I §II.1.b', message: 'Thiếu đường kẻ ngang, nét liền dưới Tiêu ngữ, dài bằng độ dài dòng Tiêu ngữ' }));
    }
    if (rules.issuer === null && rules.motto === null && rules.count < 2) {
      out.push(
        finding(this, {
          where: { field: 'header' },
          message: `Khối tiêu đề ${rules.count === 0 ? 'không có đường kẻ nào' : 'chỉ có một đường kẻ'}. Dưới tên cơ quan ban hành và dưới Tiêu ngữ đều phải có đường kẻ ngang, nét liền`,
        }),
      );
    }
    return out;
  },
};
