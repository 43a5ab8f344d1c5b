import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../server/nd30/check.js';
import { readDocx } from '../../server/nd30/read-docx.js';
import { parseXml, textOf, type XElement } from '../../server/nd30/xml.js';
import { A4_SECTION, para, rawDocx } from './raw-docx.js';

const STYLES = `
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="Body"/><w:rPr><w:b w:val="0"/><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Themed"><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Em"><w:rPr><w:i/><w:sz w:val="24"/></w:rPr></w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal"/>
  <w:style w:type="table" w:styleId="TableGrid"><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>`;

describe('the XML reader', () => {
  it('reads entities, CDATA and quoted ">" and survives broken markup', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &gt; 0"><b>A &amp; B &#x1EA0;&#7841;</b><![CDATA[<raw>]]></a>')!;
    expect(root.attrs.x).toBe('1 > 0');
    expect(textOf(root)).toBe('A & B Ạạ<raw>');
    expect(textOf(parseXml('<a><b>unclosed</a></c>'))).toBe('unclosed');
    expect(parseXml('no markup')).toBeNull();
  });

  it('gives OOXML names their usual prefix whatever prefix the writer used', () => {
    const main = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const dflt = parseXml(`<document xmlns="${main}"><body><p><r><t>x</t></r></p></body></document>`)!;
    expect(dflt.name).toBe('w:document');
    const other = parseXml(`<ns0:document xmlns:ns0="${main}"><ns0:body><ns0:p><ns0:pPr><ns0:jc ns0:val="center"/></ns0:pPr></ns0:p></ns0:body></ns0:document>`)!;
    const jc = (other.children[0] as XElement).children[0] as XElement;
    expect(jc.name).toBe('w:p');
    expect(((jc.children[0] as XElement).children[0] as XElement).attrs).toEqual({ 'w:val': 'center' });
  });
});

describe('reading a .docx', () => {
  it('resolves fonts, sizes and toggles through docDefaults, the theme, basedOn and character styles', async () => {
    const body =
      para('Normal text') +
      para('Body text', '', '<w:pStyle w:val="Body"/>') +
      para('Plain text', '', '<w:pStyle w:val="Plain"/>') +
      para('Themed text', '', '<w:pStyle w:val="Themed"/>') +
      para('Emphasis', '<w:rStyle w:val="Em"/>') +
      para('Direct', '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="26"/>', '<w:jc w:val="center"/>') +
      A4_SECTION;
    const model = await readDocx(await rawDocx({ body, styles: STYLES, theme: { minor: 'Calibri', major: 'Cambria' } }));
    const run = (i: number) => model.paragraphs[i]!.runs[0]!;
    expect(run(0)).toMatchObject({ fontAscii: 'Times New Roman', sizePt: 14, bold: false, italic: false });
    expect(run(1)).toMatchObject({ fontAscii: 'Times New Roman', bold: true });
    expect(model.paragraphs[1]!).toMatchObject({ alignment: 'both', indent: { firstLine: 567 } });
    expect(run(2)).toMatchObject({ fontAscii: 'Calibri', bold: false });
    expect(model.paragraphs[2]!.alignment).toBe('both');
    expect(run(3)).toMatchObject({ fontAscii: 'Cambria', sizePt: 11 });
    expect(model.paragraphs[3]!.alignment).toBe('left');
    expect(run(4)).toMatchObject({ fontAscii: 'Times New Roman', italic: true, sizePt: 12 });
    expect(run(5)).toMatchObject({ fontAscii: 'Arial', bold: true, sizePt: 13 });
    expect(model.paragraphs[5]!.alignment).toBe('center');
  });

  it('reads text through hyperlinks, content controls, insertions and fields; skips deletions and field codes', async () => {
    const body =
      '<w:p><w:hyperlink r:id="x"><w:r><w:t>Liên </w:t></w:r></w:hyperlink>' +
      '<w:sdt><w:sdtContent><w:r><w:t>kết</w:t></w:r></w:sdtContent></w:sdt>' +
      '<w:ins w:id="1"><w:r><w:t xml:space="preserve"> mới</w:t></w:r></w:ins>' +
      '<w:del w:id="2"><w:r><w:delText> cũ</w:delText></w:r></w:del>' +
      '<w:r><w:tab/><w:t>A</w:t><w:br/><w:t>B</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "dd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>05</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '</w:p>' +
      // Decomposed Vietnamese is read as NFC.
      para('Đo\u0323\u0302c lập') +
      A4_SECTION;
    const model = await readDocx(await rawDocx({ body, headers: { hdr1: para('x') } }));
    expect(model.paragraphs[0]!.text).toBe('Liên kết mới\tA\nB05');
    expect(model.paragraphs[0]!.fields).toEqual(['DATE \\@ "dd"']);
    expect(model.paragraphs[0]!.runs.at(-1)).toMatchObject({ text: '05', fieldResult: true });
    expect(model.paragraphs[1]!.text).toBe('Độc lập');
  });

  it('reads tables (nested, borders from the table style), sections, titlePg and the PAGE field of the header', async () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const body =
      `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tr>${cell(para('a'))}${cell(`<w:tbl><w:tr>${cell(para('b'))}</w:tr></w:tbl>${para('c')}`)}</w:tr></w:tbl>` +
      `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr><w:tr>${cell(para('d'))}</w:tr></w:tbl>` +
      `<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:pPr></w:p>` +
      para('second section') +
      A4_SECTION;
    const header =
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const model = await readDocx(await rawDocx({ body, styles: STYLES, headers: { hdr1: header } }));
    expect(model.tables).toHaveLength(3);
    expect(model.tables[0]).toMatchObject({ parent: null, rows: 1, cols: 2, bordersVisible: true, firstParagraph: 0, lastParagraph: 2 });
    expect(model.tables[1]).toMatchObject({ parent: 0, bordersVisible: false });
    expect(model.tables[2]).toMatchObject({ parent: null, bordersVisible: false });
    expect(model.paragraphs[1]!.cell).toEqual({ table: 1, row: 0, cell: 0, width: null });
    expect(model.paragraphs[2]!.cell).toEqual({ table: 0, row: 0, cell: 1, width: null });
    expect(model.sections).toHaveLength(2);
    expect(model.sections[0]).toMatchObject({ pageWidth: 12240, titlePg: false, firstParagraph: 0, lastParagraph: 4 });
    expect(model.sections[1]).toMatchObject({ pageWidth: 11906, pageHeight: 16838, titlePg: true, margins: { top: 1134, left: 1701 } });
    expect(model.sections[1]!.headers.default!.paragraphs[0]!.fields).toEqual(['PAGE   \\* MERGEFORMAT']);
  });

  it('reads cell widths from the cell, else from the grid columns it spans', async () => {
    const tc = (tcPr: string, text: string) => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${para(text)}</w:tc>`;
    const body =
      '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="2000"/><w:gridCol w:w="4000"/></w:tblGrid>' +
      `<w:tr>${tc('<w:tcW w:w="3100" w:type="dxa"/>', 'own')}${tc('<w:tcW w:w="60" w:type="pct"/><w:gridSpan w:val="2"/>', 'spans two')}</w:tr>` +
      '</w:tbl>' +
      A4_SECTION;
    const model = await readDocx(await rawDocx({ body }));
    expect(model.paragraphs.map((p) => [p.text, p.cell?.width])).toEqual([
      ['own', 3100],
      ['spans two', 6000],
    ]);
  });

  it('a Word-like document: theme font reported, Quốc hiệu and Tiêu ngữ in one paragraph, blank number', async () => {
    const hdr = (left: string, right: string) => `<w:tr><w:tc>${left}</w:tc><w:tc>${right}</w:tc></w:tr>`;
    const b = '<w:b/>';
    const body =
      `<w:tbl>` +
      hdr(
        para('ỦY BAN NHÂN DÂN TỈNH HẬU GIANG', `${b}<w:sz w:val="26"/>`, '<w:jc w:val="center"/>') + para('_'.repeat(14), '', '<w:jc w:val="center"/>'),
        // The rule under the Tiêu ngữ as a straight line drawn in the paragraph, Word's usual way.
        `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r><w:r><w:rPr>${b}<w:sz w:val="24"/></w:rPr><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r><w:r><w:rPr>${b}<w:sz w:val="26"/></w:rPr><w:br/><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>`,
      ) +
      hdr(para('Số:       /UBND-NCTH', '<w:sz w:val="26"/>') + para('V/v phối hợp tuyên truyền', '<w:sz w:val="24"/>'), para('Vị Thanh, ngày 06 tháng 4 năm 2011', '<w:i/><w:sz w:val="26"/>')) +
      `</w:tbl>` +
      para('Kính gửi: Sở Văn hóa, Thể thao và Du lịch.') +
      para('Ủy ban nhân dân tỉnh đề nghị Sở phối hợp thực hiện./.', '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>', '<w:jc w:val="both"/><w:ind w:firstLine="720"/>') +
      `<w:tbl>${hdr(para('Nơi nhận:', `${b}<w:i/><w:sz w:val="24"/>`) + para('- Như trên;', '<w:sz w:val="22"/>') + para('- Lưu: VT, NCTH.', '<w:sz w:val="22"/>'), para('KT. CHỦ TỊCH', b) + para('PHÓ CHỦ TỊCH', b) + para('Trần Văn B', b))}</w:tbl>` +
      A4_SECTION;
    const header = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>';
    const { findings, documentType } = await checkDocx(await rawDocx({ body, styles: STYLES, theme: { minor: 'Calibri', major: 'Calibri Light' }, headers: { hdr1: header } }));
    expect(documentType).toBe('cong-van');
    expect(findings.map((f) => f.rule)).toEqual(['nd30.font']);
    expect(findings[0]!.message).toContain('Calibri');
  });
});
