/** Builds .docx fixtures with the docx library: a conforming document, with planted violations on demand. */
import {
  AlignmentType,
  Document,
  Header,
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
  margins: { top: number; bottom: number; left: number; right: number };
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
    margins: { top: 1134, bottom: 1134, left: 1701, right: 851 },
  };
}

const none = TableBorders.NONE;

function p(text: string, run: Omit<IRunOptions, 'text'> = {}, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER): Paragraph {
  return new Paragraph({ alignment: align, children: [new TextRun({ text, ...run })] });
}

const pt = (n: number) => n * 2;

export async function buildDocx(over: Partial<FixtureOptions> = {}): Promise<Buffer> {
  const o: FixtureOptions = { ...defaults(over.type), ...over };
  const left = [p('UBND HUYỆN NGHI XUÂN', { size: pt(12) }), p('PHÒNG KINH TẾ VÀ HẠ TẦNG', { size: pt(12), bold: true }), p('_________', { size: pt(12) })];
  const right = [p(o.quocHieu, { size: pt(12), bold: true }), p(o.tieuNgu, { size: pt(13), bold: true }), p('_____________________', { size: pt(13) })];
  const soCell = [p(o.so, { size: pt(13) })];
  if (o.type === 'cong-van') soCell.push(p('V/v báo cáo tiến độ xây dựng nông thôn mới', { size: pt(12) }));
  const dateCell = [p(o.dateLine, { size: pt(13), italics: true })];

  const header: (Paragraph | Table)[] = [];
  if (!o.noHeader) {
    if (o.headerTable) {
      header.push(
        new Table({
          borders: none,
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
  const typeLine = TYPE_LINE[o.type];
  if (typeLine) {
    title.push(p(typeLine, { size: pt(14), bold: true }), p('Kết quả thực hiện nhiệm vụ năm 2021', { size: pt(14), bold: true }), p('_______', { size: pt(14) }));
  }
  if (o.kinhGui) title.push(p(o.kinhGui, { size: pt(14) }));

  const bodyPara = (children: TextRun[]) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { before: 120 }, children });
  const run = (text: string, extra: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, size: pt(o.bodySize), ...extra });
  const body = [
    bodyPara([run('Thực hiện Công văn số 1234/UBND-VX ngày 05/01/2021 của Ủy ban nhân dân huyện, Phòng Kinh tế và Hạ tầng báo cáo như sau:')]),
    bodyPara([run('I. KẾT QUẢ THỰC HIỆN', { bold: true })]),
    bodyPara([
      run('Trong năm, Phòng đã hoàn thành '),
      run('12 công trình', o.oddFont ? { font: o.oddFont } : {}),
      run(' giao thông nông thôn với tổng chiều dài 8,5 km.'),
    ]),
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
              ...o.noiNhan.map((t) => new Paragraph({ children: [new TextRun({ text: t, size: pt(11) })] })),
            ],
          }),
          new TableCell({
            children: [
              ...o.signer.map((t) => p(t, { size: pt(14), bold: true })),
              p(''),
              p(''),
              p(''),
              p('Nguyễn Văn An', { size: pt(14), bold: true }),
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
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { ...o.margins, header: 567, footer: 567 } },
        },
        headers: o.pageNumber
          ? {
              default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })] })] }),
              first: new Header({ children: [] }),
            }
          : {},
        children: [...header, ...title, ...body, sigTable],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
