/**
 * Headers laid out the ways clerks lay them out in Word and LibreOffice besides a table: in text boxes
 * (Word writes each twice, a DrawingML choice and a VML fallback) and with tabs. Written as raw XML,
 * since the docx library never emits these.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/checks/finding.js';
import { checkDocx } from '../../server/nd30/check.js';
import { readDocx } from '../../server/nd30/read-docx.js';
import { A4_SECTION, escape, para, rawDocx } from './raw-docx.js';

const B = '<w:b/>';
const sz = (pt: number) => `<w:sz w:val="${pt * 2}"/>`;
const CENTER = '<w:jc w:val="center"/>';
const BODY_P = '<w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120"/>';
const STYLES = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>`;
const PAGE_HEADER = `<w:p><w:pPr>${CENTER}</w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>`;

/** A text box as Word writes it: a DrawingML shape, and the same box again in VML for older readers. */
function textBox(inner: string): string {
  const wps = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';
  const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const v = 'xmlns:v="urn:schemas-microsoft-com:vml"';
  return (
    `<w:r><mc:AlternateContent ${mc}><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>` +
    `<wps:wsp ${wps}><wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></wps:wsp>` +
    `</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect ${v}><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

/** A straight line drawn as a shape, as Word users draw the rules under the names. */
const LINE = `<w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" from="0,0" to="90pt,0"/></w:pict></w:r>`;

/** Title, Kính gửi, body and closing of a conforming báo cáo, after whatever header the test gives. */
function rest(opts: { noiNhan?: string[] } = {}): string {
  const noiNhan = opts.noiNhan ?? ['- Như trên;', '- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'];
  return (
    para('BÁO CÁO', B + sz(14), CENTER) +
    para('Kết quả thực hiện nhiệm vụ năm 2021', B + sz(14), CENTER) +
    `<w:p><w:pPr>${CENTER}</w:pPr>${LINE}</w:p>` +
    para('Kính gửi: Ủy ban nhân dân huyện Nghi Xuân.', sz(14), CENTER) +
    para('Thực hiện Công văn số 1234/UBND-VX ngày 05/01/2021 của Ủy ban nhân dân huyện, Phòng Kinh tế và Hạ tầng báo cáo như sau:', sz(14), BODY_P) +
    para('Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2021, kính báo cáo Ủy ban nhân dân huyện xem xét, chỉ đạo./.', sz(14), BODY_P) +
    '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tr><w:tc>' +
    para('Nơi nhận:', B + '<w:i/>' + sz(12)) +
    noiNhan.map((t) => para(t, sz(11))).join('') +
    '</w:tc><w:tc>' +
    para('KT. TRƯỞNG PHÒNG', B + sz(14), CENTER) +
    para('PHÓ TRƯỞNG PHÒNG', B + sz(14), CENTER) +
    para('') +
    para('Nguyễn Văn An', B + sz(14), CENTER) +
    '</w:tc></w:tr></w:tbl>' +
    A4_SECTION
  );
}

async function check(header: string, opts: { noiNhan?: string[]; rest?: (xml: string) => string } = {}) {
  const after = (opts.rest ?? ((x: string) => x))(rest(opts));
  return checkDocx(await rawDocx({ body: header + after, styles: STYLES, headers: { hdr1: PAGE_HEADER } }));
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

const LEFT = para('UBND HUYỆN NGHI XUÂN', sz(12), CENTER) + para('PHÒNG KINH TẾ VÀ HẠ TẦNG', B + sz(12), CENTER) + `<w:p><w:pPr>${CENTER}</w:pPr>${LINE}</w:p>`;
const RIGHT =
  para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', B + sz(12), CENTER) + para('Độc lập - Tự do - Hạnh phúc', B + sz(13), CENTER) + `<w:p><w:pPr>${CENTER}</w:pPr>${LINE}</w:p>`;
const SO = para('Số: 05/BC-KTHT', sz(13), CENTER);
const DATE = para('Nghi Xuân, ngày 05 tháng 12 năm 2021', '<w:i/>' + sz(13), CENTER);

describe('a header in text boxes', () => {
  const header = (left: string, right: string) => `<w:p>${textBox(left + SO)}${textBox(right + DATE)}</w:p>`;

  it('is read once, from the first choice, and the document has no error', async () => {
    const model = await readDocx(await rawDocx({ body: header(LEFT, RIGHT) + rest(), styles: STYLES }));
    expect(model.paragraphs.filter((p) => p.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toHaveLength(1);
    expect(model.paragraphs.find((p) => p.text.startsWith('CỘNG HÒA'))!.inTextBox).toBe(true);
    const { findings, documentType } = await check(header(LEFT, RIGHT));
    expect(documentType).toBe('bao-cao');
    expect(errors(findings)).toEqual([]);
    expect(findings.map((f) => f.rule)).toEqual(['nd30.header-block']);
  });

  it('is read from the VML fallback when the first choice holds no text box (a group or canvas)', async () => {
    const groupChoice = (inner: string) =>
      textBox(inner).replace(/<mc:Choice Requires="wps">[\s\S]*<\/mc:Choice>/, '<mc:Choice Requires="wpg"><w:drawing><wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"/></w:drawing></mc:Choice>');
    expect(groupChoice(LEFT)).not.toContain('wps:txbx');
    const { findings, documentType } = await check(`<w:p>${groupChoice(LEFT + SO)}${groupChoice(RIGHT + DATE)}</w:p>`);
    expect(documentType).toBe('bao-cao');
    expect(errors(findings)).toEqual([]);
  });

  it('still has its faults found: a Quốc hiệu not bold, a rule missing', async () => {
    const plainRight = RIGHT.replace(`${B}${sz(12)}`, sz(12)).replace(`<w:p><w:pPr>${CENTER}</w:pPr>${LINE}</w:p>`, '');
    const { findings } = await check(header(LEFT, plainRight));
    expect(errors(findings).map((f) => f.rule).sort()).toEqual(['nd30.header-rules', 'nd30.quoc-hieu']);
  });
});

describe('a header laid out with tabs', () => {
  const run = (text: string, rPr: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:tab/><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
  const tabbed = (left: string, leftRPr: string, right: string, rightRPr: string) =>
    `<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="2000"/><w:tab w:val="center" w:pos="6800"/></w:tabs></w:pPr>${run(left, leftRPr)}${run(right, rightRPr)}</w:p>`;
  const header = (issuerRPr: string) =>
    tabbed('UBND HUYỆN NGHI XUÂN', sz(12), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', B + sz(12)) +
    tabbed('PHÒNG KINH TẾ VÀ HẠ TẦNG', issuerRPr + sz(12), 'Độc lập - Tự do - Hạnh phúc', B + sz(13)) +
    tabbed('________', sz(12), '____________________', sz(12)) +
    tabbed('Số: 05/BC-KTHT', sz(13), 'Nghi Xuân, ngày 05 tháng 12 năm 2021', '<w:i/>' + sz(13));

  it('is read: Quốc hiệu, Tiêu ngữ, Số, date, issuer and both rules, with no error', async () => {
    const { findings, documentType } = await check(header(B));
    expect(documentType).toBe('bao-cao');
    expect(errors(findings)).toEqual([]);
  });

  it('finds an issuer set in regular type', async () => {
    const { findings } = await check(header(''));
    expect(errors(findings).map((f) => f.rule)).toEqual(['nd30.issuer']);
  });
});

describe('other layouts seen in offices', () => {
  it('a one-row header table whose left cell holds the names, the rule and Số, with line breaks', async () => {
    const br = (text: string, rPr: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:br/><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
    const left = `<w:p><w:pPr>${CENTER}</w:pPr><w:r><w:rPr>${B}${sz(13)}</w:rPr><w:t>ỦY BAN NHÂN DÂN</w:t></w:r>${br('XÃ ĐÔNG SƠN', B + sz(13))}${br('_______', sz(13))}${br('Số: 05/BC-UBND', sz(13))}</w:p>`;
    const right = RIGHT + DATE;
    const header = `<w:tbl><w:tr><w:tc>${left}</w:tc><w:tc>${right}</w:tc></w:tr></w:tbl>`;
    const { findings, documentType } = await check(header);
    expect(documentType).toBe('bao-cao');
    expect(errors(findings)).toEqual([]);
    const regular = left.replaceAll(`${B}${sz(13)}`, sz(13));
    const bad = await check(`<w:tbl><w:tr><w:tc>${regular}</w:tc><w:tc>${right}</w:tc></w:tr></w:tbl>`);
    expect(errors(bad.findings).map((f) => f.rule)).toEqual(['nd30.issuer']);
  });
});

describe('rules drawn as floating lines', () => {
  const RULE_P = `<w:p><w:pPr>${CENTER}</w:pPr>${LINE}</w:p>`;
  const table = (left: string, right: string) => `<w:tbl><w:tr><w:tc>${left}</w:tc><w:tc>${right}</w:tc></w:tr><w:tr><w:tc>${SO}</w:tc><w:tc>${DATE}</w:tc></w:tr></w:tbl>`;
  const moveTitleRule = (xml: string) => xml.replace(RULE_P, '').replace('<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Kính gửi', `${LINE}<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Kính gửi`);

  it('count when anchored outside their column or after the title, as Word places them', async () => {
    const header = table(LEFT.replace(RULE_P, ''), RIGHT.replace(RULE_P, '')) + `<w:p>${LINE}${LINE}</w:p>`;
    expect(moveTitleRule(rest())).not.toBe(rest());
    const { findings } = await check(header, { rest: moveTitleRule });
    expect(errors(findings)).toEqual([]);
  });

  it('are still missing when there are fewer lines than rules', async () => {
    const header = table(LEFT.replace(RULE_P, ''), RIGHT.replace(RULE_P, '')) + `<w:p>${LINE}</w:p>`;
    const { findings } = await check(header);
    expect(errors(findings).map((f) => f.message).join(' ')).toContain('dưới Tiêu ngữ');
  });
});
