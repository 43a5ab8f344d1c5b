/** Builds .docx fixtures with the docx library: a conforming document, with planted violations on demand. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageOrientation,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';

export type FixtureType = 'bao-cao' | 'ke-hoach' | 'to-trinh' | 'thong-bao' | 'cong-van';

export interface FixtureOptions {
  type: FixtureType;
  /** Size in pt of the body paragraphs. */
  bodySize: number;
  /** Font of one run in the second body paragraph (default Times New Roman). */
  oddFont: string | null;
  quocHieu: string;
  tieuNgu: string;
  so: string;
  dateLine: string;
  /** Kính gửi line, or null for none. Default: present for báo cáo, tờ trình and công văn. */
  kinhGui: string | null;
  noiNhan: string[];
  signer: string[];
  /** Last body paragraph. */
  lastParagraph: string;
  /** Put the header block into a table (default) or into plain paragraphs. */
  headerTable: boolean;
  /** Leave out the header block entirely. */
  noHeader: boolean;
  pageNumber: boolean;
  /** Where the page number goes: centred in the header (the decree), in the footer, right-aligned, or on every page including page 1. */
  pageNumberAt: 'header' | 'footer' | 'right' | 'page-1';
  margins: { top: number; bottom: number; left: number; right: number };
  /** Body paragraphs added to make the document run over several pages. */
  extraParagraphs: number;
  /** Printed borders on the header table. */
  headerBorders: boolean;
  /** Line spacing of body paragraphs, or null for single. */
  bodySpacing: { line: number; rule: 'auto' | 'exact' } | null;
  bodyAlign: 'both' | 'left';
  /** First-line indent of body paragraphs in twips. */
  bodyIndent: number;
  /** Colour of one run in the second body paragraph, or null for black. */
  colour: string | null;
  issuerBold: boolean;
  titleBold: boolean;
  /** The tên loại line instead of the type's own (null: none). */
  typeLine: string | null | undefined;
  /** Rules under the issuer, the Tiêu ngữ and the trích yếu: drawn at the decree's lengths, or none. */
  rules: boolean | 'long';
  signerName: string;
  signerNameBold: boolean;
  /** Size and weight of a công văn's V/v line. */
  vv: { size: number; bold: boolean };
  /** A landscape appendix section with a wide table after the signature. */
  landscapeAppendix: boolean;
  /** Size of the Nơi nhận entries. */
  noiNhanSize: number;
  /** Space before each body paragraph, in twips. */
  bodyGap: number;
  /** Paper of the first section in twips (A4 by default). */
  paper: { width: number; height: number };
}

const TYPE_LINE: Record<FixtureType, string | null> = {
  'bao-cao': 'BÁO CÁO',
  'ke-hoach': 'KẾ HOẠCH',
  'to-trinh': 'TỜ TRÌNH',
  'thong-bao': 'THÔNG BÁO',
  'cong-van': null,
};

const CODE: Record<FixtureType, string> = {
  'bao-cao': 'BC-KTHT',
  'ke-hoach': 'KH-UBND',
  'to-trinh': 'TTr-KTHT',
  'thong-bao': 'TB-UBND',
  'cong-van': 'UBND-KTHT',
};

export function defaults(type: FixtureType = 'bao-cao'): FixtureOptions {
  const withKinhGui = type === 'bao-cao' || type === 'to-trinh' || type === 'cong-van';
  return {
    type,
    bodySize: 14,
    oddFont: null,
    quocHieu: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    tieuNgu: 'Độc lập - Tự do - Hạnh phúc',
    so: `Số: 05/${CODE[type]}`,
    dateLine: 'Nghi Xuân, ngày 05 tháng 12 năm 2021',
    kinhGui: withKinhGui ? 'Kính gửi: Ủy ban nhân dân huyện Nghi Xuân.' : null,
    noiNhan: withKinhGui ? ['- Như trên;', '- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] : ['- Các phòng, ban thuộc UBND huyện;', '- UBND các xã;', '- Lưu: VT, KTHT.'],
    signer: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    lastParagraph: 'Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2021, kính báo cáo Ủy ban nhân dân huyện xem xét, chỉ đạo./.',
    headerTable: true,
    noHeader: false,
    pageNumber: true,
    pageNumberAt: 'header',
    margins: { top: 1134, bottom: 1134, left: 1701, right: 851 },
    extraParagraphs: 0,
    headerBorders: false,
    bodySpacing: null,
    bodyAlign: 'both',
    bodyIndent: 567,
    colour: null,
    issuerBold: true,
    titleBold: true,
    typeLine: undefined,
    rules: true,
    signerName: 'Nguyễn Văn An',
    signerNameBold: true,
    vv: { size: 12, bold: false },
    landscapeAppendix: false,
    noiNhanSize: 11,
    bodyGap: 120,
    paper: { width: 11906, height: 16838 },
  };
}

const none = TableBorders.NONE;

function p(text: string, run: Omit<IRunOptions, 'text'> = {}, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER): Paragraph {
  return new Paragraph({ alignment: align, children: [new TextRun({ text, ...run })] });
}

const pt = (n: number) => n * 2;

export async function buildDocx(over: Partial<FixtureOptions> = {}): Promise<Buffer> {
  const o: FixtureOptions = { ...defaults(over.type), ...over };
  // 'long': rules as clerks often type them, as long as the text above.
  const rule = (text: string) => (o.rules ? [p(o.rules === 'long' ? '_'.repeat(30) : text, { size: pt(12) })] : []);
  const left = [p('UBND HUYỆN NGHI XUÂN', { size: pt(12) }), p('PHÒNG KINH TẾ VÀ HẠ TẦNG', { size: pt(12), bold: o.issuerBold }), ...rule('_________')];
  const right = [p(o.quocHieu, { size: pt(12), bold: true }), p(o.tieuNgu, { size: pt(13), bold: true }), ...rule('_'.repeat(27))];
  const soCell = [p(o.so, { size: pt(13) })];
  if (o.type === 'cong-van') soCell.push(p('V/v báo cáo tiến độ xây dựng nông thôn mới', { size: pt(o.vv.size), bold: o.vv.bold }));
  const dateCell = [p(o.dateLine, { size: pt(13), italics: true })];

  const header: (Paragraph | Table)[] = [];
  if (!o.noHeader) {
    if (o.headerTable) {
      header.push(
        new Table({
          borders: o.headerBorders ? undefined : none,
          width: { size: 9499, type: WidthType.DXA },
          columnWidths: [3829, 5670],
          rows: [
            new TableRow({ children: [new TableCell({ children: left, borders: undefined }), new TableCell({ children: right })] }),
            new TableRow({ children: [new TableCell({ children: soCell }), new TableCell({ children: dateCell })] }),
          ],
        }),
      );
    } else {
      header.push(...left, ...right, ...soCell, ...dateCell);
    }
  }

  const title: Paragraph[] = [];
  const typeLine = o.typeLine === undefined ? TYPE_LINE[o.type] : o.typeLine;
  if (typeLine) {
    title.push(p(typeLine, { size: pt(14), bold: o.titleBold }), p('Kết quả thực hiện nhiệm vụ năm 2021', { size: pt(14), bold: o.titleBold }));
    // The rule under the trích yếu as Word users often draw it: an empty paragraph with a top border, narrowed by indents.
    const side = o.rules === 'long' ? 2400 : 3700;
    if (o.rules) title.push(new Paragraph({ indent: { left: side, right: side }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } }));
  }
  if (o.kinhGui) title.push(p(o.kinhGui, { size: pt(14) }));

  const bodyPara = (children: TextRun[]) =>
    new Paragraph({
      alignment: o.bodyAlign === 'both' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
      indent: { firstLine: o.bodyIndent },
      spacing: { before: o.bodyGap, ...(o.bodySpacing ? { line: o.bodySpacing.line, lineRule: o.bodySpacing.rule === 'exact' ? LineRuleType.EXACT : LineRuleType.AUTO } : {}) },
      children,
    });
  const run = (text: string, extra: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, size: pt(o.bodySize), ...extra });
  const body = [
    bodyPara([run('Thực hiện Công văn số 1234/UBND-VX ngày 05/01/2021 của Ủy ban nhân dân huyện, Phòng Kinh tế và Hạ tầng báo cáo như sau:')]),
    bodyPara([run('I. KẾT QUẢ THỰC HIỆN', { bold: true })]),
    bodyPara([
      run('Trong năm, Phòng đã hoàn thành '),
      run('12 công trình', { ...(o.oddFont ? { font: o.oddFont } : {}), ...(o.colour ? { color: o.colour } : {}) }),
      run(' giao thông nông thôn với tổng chiều dài 8,5 km, đạt 100% kế hoạch năm, vượt 15% so với cùng kỳ năm trước.'),
    ]),
    ...Array.from({ length: o.extraParagraphs }, (_, i) =>
      bodyPara([run(`${i + 1}. Nội dung thực hiện thứ ${i + 1}: các phòng, ban chuyên môn đã phối hợp với Ủy ban nhân dân các xã, thị trấn kiểm tra, đôn đốc tiến độ, tổng hợp kết quả và báo cáo định kỳ theo quy định.`)]),
    ),
    bodyPara([run(o.lastParagraph)]),
  ];

  const sigTable = new Table({
    borders: none,
    width: { size: 9499, type: WidthType.DXA },
    columnWidths: [3510, 5989],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: [
              new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })] }),
              ...o.noiNhan.map((t) => new Paragraph({ children: [new TextRun({ text: t, size: pt(o.noiNhanSize) })] })),
            ],
          }),
          new TableCell({
            children: [
              ...o.signer.map((t) => p(t, { size: pt(14), bold: true })),
              p(''),
              p(''),
              p(''),
              p(o.signerName, { size: pt(14), bold: o.signerNameBold }),
            ],
          }),
        ],
      }),
    ],
  });

  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: o.pageNumberAt !== 'page-1',
          page: { size: { ...o.paper }, margin: { ...o.margins, header: 567, footer: 567 } },
        },
        ...pageNumbers(o),
        children: [...header, ...title, ...body, sigTable],
      },
      ...(o.landscapeAppendix ? [appendix()] : []),
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

function pageNumbers(o: FixtureOptions) {
  if (!o.pageNumber) return {};
  const number = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => [
    new Paragraph({ alignment, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })] }),
  ];
  if (o.pageNumberAt === 'footer') return { footers: { default: new Footer({ children: number(AlignmentType.CENTER) }) } };
  const align = o.pageNumberAt === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return { headers: { default: new Header({ children: number(align) }), first: new Header({ children: [] }) } };
}

/** A phụ lục on a landscape page: a wide table, its margins turned with the page. */
function appendix() {
  const cell = (text: string) => new TableCell({ children: [p(text, { size: pt(13) })] });
  return {
    properties: {
      page: {
        // docx turns the page itself: given A4 portrait with a landscape orientation, it writes 16838 × 11906.
        size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
        margin: { top: 1701, bottom: 851, left: 1134, right: 1134, header: 567, footer: 567 },
      },
    },
    children: [
      p('Phụ lục', { size: pt(14), bold: true }),
      p('KẾT QUẢ THỰC HIỆN CÁC CÔNG TRÌNH NĂM 2021', { size: pt(14), bold: true }),
      new Table({
        width: { size: 14003, type: WidthType.DXA },
        rows: [new TableRow({ children: ['TT', 'Công trình', 'Chiều dài (km)', 'Kinh phí (triệu đồng)', 'Ghi chú'].map(cell) })],
      }),
    ],
  };
}
