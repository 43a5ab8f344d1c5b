/** A report laid out the way clerks build one in Word: the header and the signature in borderless tables. */
import { rawDocx, para, A4_SECTION } from '../nd30/raw-docx.js';

const B = '<w:b/>';
const CENTER = '<w:jc w:val="center"/>';
const JUSTIFY = '<w:jc w:val="both"/><w:ind w:firstLine="567"/>';
const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${paragraphs.join('')}</w:tc>`;
const table = (...cells: string[]) => `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tr>${cells.join('')}</w:tr></w:tbl>`;

export const WORD_REPORT = {
  parentOrg: 'UBND TỈNH HÀ TĨNH',
  org: 'SỞ CÔNG THƯƠNG',
  subject: 'Tình hình hoạt động thương mại tháng 10 năm 2026',
  opening: 'Thực hiện Công văn số 1520/UBND-KT ngày 05/10/2026 của Ủy ban nhân dân tỉnh, Sở Công Thương báo cáo tình hình hoạt động thương mại tháng 10 năm 2026 như sau:',
  retail: 'Tổng mức bán lẻ hàng hóa tháng 10 ước đạt 5.230 tỷ đồng, tăng 12,5% so với cùng kỳ năm trước.',
  market: 'Các chợ trên địa bàn hoạt động ổn định, không có biến động lớn về giá.',
  exports: 'Kim ngạch xuất khẩu ước đạt 85 triệu USD, bằng 98% kế hoạch tháng.',
  tasks: ['- Tiếp tục theo dõi diễn biến thị trường, giá cả hàng hóa thiết yếu;', '- Đẩy mạnh xúc tiến thương mại, hỗ trợ doanh nghiệp xuất khẩu.'],
  closing: 'Trên đây là báo cáo tình hình hoạt động thương mại tháng 10 năm 2026 của Sở Công Thương, kính báo cáo Ủy ban nhân dân tỉnh./.',
};

export function wordReport(): Promise<Buffer> {
  const r = WORD_REPORT;
  const body = [
    table(
      cell(para(r.parentOrg, '', CENTER), para(r.org, B, CENTER), para('Số: 215/BC-SCT', '', CENTER)),
      cell(
        para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', B, CENTER),
        para('Độc lập - Tự do - Hạnh phúc', B, CENTER),
        para('Hà Tĩnh, ngày 28 tháng 10 năm 2026', '<w:i/>', CENTER),
      ),
    ),
    para('BÁO CÁO', B, CENTER),
    para(r.subject, B, CENTER),
    para('Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh', '', CENTER),
    para(r.opening, '', JUSTIFY),
    para('I. TÌNH HÌNH HOẠT ĐỘNG THƯƠNG MẠI', B, JUSTIFY),
    para('1. Thương mại nội địa', B, JUSTIFY),
    para(r.retail, '', JUSTIFY),
    para(r.market, '', JUSTIFY),
    para('2. Xuất, nhập khẩu', B, JUSTIFY),
    para(r.exports, '', JUSTIFY),
    para('II. NHIỆM VỤ THÁNG 11', B, JUSTIFY),
    ...r.tasks.map((t) => para(t, '', JUSTIFY)),
    para(r.closing, '', JUSTIFY),
    table(
      cell(para('Nơi nhận:', '<w:b/><w:i/>'), para('- Như trên;'), para('- Giám đốc Sở;'), para('- Lưu: VT, QLTM.')),
      cell(para('KT. GIÁM ĐỐC', B, CENTER), para('PHÓ GIÁM ĐỐC', B, CENTER), para('(Đã ký)', '<w:i/>', CENTER), para('Trần Văn Bình', B, CENTER)),
    ),
    A4_SECTION.replace('<w:headerReference w:type="default" r:id="hdr1"/>', ''),
  ].join('');
  return rawDocx({ body });
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>`;

const listed = (numId: number) => `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`;

/** The same report with its headings and dashes made by Word's automatic numbering, not typed. */
export async function wordReportAutoNumbered(): Promise<Buffer> {
  const r = WORD_REPORT;
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(await wordReport());
  let xml = await zip.file('word/document.xml')!.async('string');
  const number = (typed: string, numId: number, plain: string) => {
    const at = xml.indexOf(`>${typed}<`);
    if (at < 0) throw new Error(`no paragraph "${typed}"`);
    const start = xml.lastIndexOf('<w:p>', at);
    xml = `${xml.slice(0, start)}${xml.slice(start, at).replace('<w:pPr>', `<w:pPr>${listed(numId)}`)}>${plain}<${xml.slice(at + typed.length + 2)}`;
  };
  number('I. TÌNH HÌNH HOẠT ĐỘNG THƯƠNG MẠI', 1, 'TÌNH HÌNH HOẠT ĐỘNG THƯƠNG MẠI');
  number('II. NHIỆM VỤ THÁNG 11', 1, 'NHIỆM VỤ THÁNG 11');
  number('1. Thương mại nội địa', 2, 'Thương mại nội địa');
  number('2. Xuất, nhập khẩu', 2, 'Xuất, nhập khẩu');
  for (const t of r.tasks) number(t, 3, t.replace(/^- /, ''));
  zip.file('word/document.xml', xml);
  zip.file('word/numbering.xml', NUMBERING);
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  zip.file(
    'word/_rels/document.xml.rels',
    rels.replace('</Relationships>', '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A công văn with its header laid out with tabs instead of a table, and the signer without one. */
export function wordCongVanTabbed(): Promise<Buffer> {
  const tabbed = (left: string, right: string, rPr = '') =>
    `<w:p><w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${left}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">${right}</w:t></w:r></w:p>`;
  const body = [
    tabbed('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', B),
    tabbed('XÃ ĐÔNG SƠN', 'Độc lập - Tự do - Hạnh phúc', B),
    tabbed('Số: 45/UBND', 'Đông Sơn, ngày 03 tháng 11 năm 2026'),
    para('V/v báo cáo tình hình quý III năm 2026'),
    para('Kính gửi:', '', CENTER),
    para('- Ủy ban nhân dân huyện Đông Sơn;', '', CENTER),
    para('- Phòng Tài chính - Kế hoạch huyện.', '', CENTER),
    para('Ủy ban nhân dân xã Đông Sơn báo cáo tình hình quý III năm 2026 như sau:', '', JUSTIFY),
    para('Thu ngân sách đạt 1.250 triệu đồng, bằng 85% dự toán.', '', JUSTIFY),
    para('Đề nghị Ủy ban nhân dân huyện hỗ trợ kinh phí sửa đường.', '', JUSTIFY),
    para('Ủy ban nhân dân xã Đông Sơn kính báo cáo./.', '', JUSTIFY),
    para('Nơi nhận:', '<w:b/><w:i/>'),
    para('- Như trên;'),
    para('- Lưu: VT.'),
    para('TM. ỦY BAN NHÂN DÂN', B, CENTER),
    para('CHỦ TỊCH', B, CENTER),
    para('Lê Văn An', B, CENTER),
  ].join('');
  return rawDocx({ body });
}
