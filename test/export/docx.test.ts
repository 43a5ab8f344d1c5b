import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { kinhGuiLines, type BodyBlock, type DocumentView } from '../../server/draft/document.js';
import { renderDocx } from '../../server/export/docx/render.js';
import { checkDocx } from '../../server/nd30/check.js';
import { textWidth, widestLine } from '../../server/export/docx/measure.js';
import { shown } from '../helpers/docx-xml.js';

// ---------------------------------------------------------------------------------------------
// Views written by hand, as toDocument would give them.

/** The blank the view leaves for văn thư to write the number or the day by hand. */
const BLANK = '\u00A0'.repeat(6);

function blocks(...items: (['h' | 's' | 'p', string])[]): BodyBlock[] {
  let id = 0;
  let part = -1;
  return items.map(([kind, text]) => {
    if (kind === 'h') return { kind: 'heading', text, section: 'noi-dung' };
    if (kind === 's') return { kind: 'subheading', text, section: 'noi-dung', part: (part += 1) };
    id += 1;
    return { kind: 'paragraph', text, section: 'noi-dung', position: id, paragraphId: id };
  });
}

/** Báo cáo of UBND huyện Nghi Xuân (the seed), number and day left blank. */
function baoCao(): DocumentView {
  return {
    template: { id: 'bao-cao', name: 'Báo cáo', typeName: 'BÁO CÁO', code: 'BC', kinhGui: 'optional', vv: false },
    header: {
      parentOrg: '',
      org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
      numberLine: `Số: ${BLANK}/BC-UBND`,
      dateLine: `Nghi Xuân, ngày ${BLANK} tháng 12 năm 2021`,
      typeName: 'BÁO CÁO',
      subject: 'Kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021',
      recipients: ['Sở Công Thương tỉnh Hà Tĩnh'],
      kinhGui: kinhGuiLines(['Sở Công Thương tỉnh Hà Tĩnh']),
    },
    body: blocks(
      ['p', 'Thực hiện Công văn số 7664/UBND-KT₂ ngày 15/11/2021 của UBND tỉnh về việc báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021; Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả thực hiện một số nhiệm vụ cụ thể như sau:'],
      ['h', 'I. KẾT QUẢ THỰC HIỆN'],
      ['s', '1. Về tham mưu ban hành các văn bản'],
      ['p', 'UBND huyện ban hành 06 văn bản quản lý Nhà nước liên quan chương trình sản xuất tiêu dùng bền vững, chỉ đạo Trung tâm Văn hóa - Truyền thông huyện, UBND các xã, thị trấn tuyên truyền chương trình sản xuất tiêu dùng bền vững; hướng dẫn và ban hành Kế hoạch, Quyết định thành lập đoàn kiểm tra thường xuyên theo nhiệm vụ chuyên môn hàng năm để đảm bảo việc thực hiện các chính sách pháp luật về công tác sản xuất tiêu dùng bền vững theo sự chỉ đạo của cấp trên.'],
      ['s', '2. Về công tác tuyên truyền'],
      ['p', 'Tổ chức tuyên truyền và phổ biến rộng rãi nội dung Chương trình sản xuất tiêu dùng bền vững nhằm nâng cao nhận thức cho các tổ chức, doanh nghiệp, cá nhân sản xuất kinh doanh và người tiêu dùng tạo sự chuyển biến mạnh mẽ trong nhận thức và hành động theo hướng sản xuất và tiêu dùng bền vững.'],
      ['s', '3. Hoạt động sản xuất và tiêu dùng bền vững'],
      ['p', '- Năm 2020 đã tổ chức 01 hội nghị tập huấn, nâng cao nguồn nhân lực sản xuất sạch hơn trên 150 lượt người tham dự; phối hợp xây dựng 02 phóng sự truyền hình; treo 150 băng rôn, cờ phướn tuyên truyền trên các tuyến đường chính, tại khu vực trung tâm các xã, thị trấn trên địa bàn huyện.'],
      ['p', '- Năm 2021 do dịch COVID-19 diễn ra phức tạp nên việc thông tin, hỗ trợ cho các doanh nghiệp sản xuất công nghiệp sạch hơn trên địa bàn huyện có phần bị ảnh hưởng; trong năm đã có 4 sản phẩm OCOP đạt 3 sao trở lên.'],
      ['p', '- Ngoài ra, huyện Nghi Xuân đã phối hợp với Cục quản lý thị trường Hà Tĩnh, Sở Khoa học và Công nghệ phát 29 đĩa tuyên truyền về chống buôn lậu, gian lận thương mại và hàng giả, vệ sinh an toàn thực phẩm.'],
      ['h', 'II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI'],
      ['p', '- Tăng cường phối hợp giữa các phòng, ban, ngành, các tổ chức và UBND xã, thị trấn trong việc thực hiện chương trình sản xuất tiêu dùng bền vững.'],
      ['p', '- Tiếp tục tuyên truyền, hướng dẫn, phổ biến chương trình sản xuất tiêu dùng bền vững cho các tổ chức, doanh nghiệp, hộ kinh doanh trên địa bàn và coi đây là nhiệm vụ thường xuyên, liên tục.'],
      ['p', '- Tăng cường công tác kiểm tra, kiểm soát thị trường, xử lý vi phạm trong công tác sản xuất, kinh doanh trên địa bàn.'],
      ['p', 'Trên đây là báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021, Ủy ban nhân dân huyện Nghi Xuân kính gửi Sở Công Thương để tổng hợp, báo cáo UBND tỉnh và Bộ Công Thương theo yêu cầu./.'],
    ),
    signer: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Viết Hưng' },
    copies: ['- Như trên;', '- UBND tỉnh (B/c);', '- Chủ tịch, các PCT UBND huyện;', '- Phòng Kinh tế và Hạ tầng;', '- Lưu: VT, KTHT.'],
  };
}

/** Công văn of UBND tỉnh Hậu Giang to four recipients. */
function congVan(): DocumentView {
  return {
    template: { id: 'cong-van', name: 'Công văn', typeName: null, code: null, kinhGui: 'required', vv: true },
    header: {
      parentOrg: '',
      org: 'ỦY BAN NHÂN DÂN TỈNH HẬU GIANG',
      numberLine: 'Số: 454/UBND-NCTH',
      dateLine: 'Vị Thanh, ngày 06 tháng 4 năm 2011',
      typeName: null,
      subject: 'V/v tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới',
      recipients: [
        'Giám đốc Sở Văn hóa, Thể thao và Du lịch',
        'Giám đốc Sở Thông tin và Truyền thông',
        'Giám đốc Đài Phát thanh - Truyền hình Hậu Giang',
        'Chủ tịch UBND huyện, thị xã, thành phố',
      ],
      kinhGui: kinhGuiLines([
        'Giám đốc Sở Văn hóa, Thể thao và Du lịch',
        'Giám đốc Sở Thông tin và Truyền thông',
        'Giám đốc Đài Phát thanh - Truyền hình Hậu Giang',
        'Chủ tịch UBND huyện, thị xã, thành phố',
      ]),
    },
    body: blocks(
      ['p', 'Ngày 22 tháng 3 năm 2011, Ủy ban nhân dân tỉnh Quảng Ninh có Công văn số 847/UBND-VX1 về việc tiếp tục phối hợp tuyên truyền, tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới. Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:'],
      ['p', 'Giao Giám đốc Sở Văn hóa, Thể thao và Du lịch, Giám đốc Sở Thông tin và Truyền thông, Giám đốc Đài Phát thanh - Truyền hình Hậu Giang phối hợp với các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân huyện, thị xã, thành phố tiếp tục tuyên truyền, phát động trong toàn thể cán bộ, công chức, viên chức, người lao động và Nhân dân trên địa bàn tỉnh tham gia bầu chọn.'],
      ['p', '(Đính kèm Công văn số 847/UBND-VX1 ngày 22/3/2011 của Ủy ban nhân dân tỉnh Quảng Ninh)./.'],
    ),
    signer: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trần Thành Lập' },
    copies: ['- Như trên;', '- TT. HĐND, UBND tỉnh;', '- VP. Tỉnh ủy;', '- Sở, ban, ngành tỉnh;', '- Lưu: VT, NCTH.HH.'],
  };
}

/** Thông báo kết luận: no Kính gửi, signed by the office head by order of the chairman. */
function thongBao(): DocumentView {
  return {
    template: { id: 'thong-bao', name: 'Thông báo', typeName: 'THÔNG BÁO', code: 'TB', kinhGui: 'none', vv: false },
    header: {
      parentOrg: '',
      org: 'ỦY BAN NHÂN DÂN HUYỆN THANH HÀ',
      numberLine: 'Số: 85/TB-UBND',
      dateLine: 'Thanh Hà, ngày 09 tháng 9 năm 2024',
      typeName: 'THÔNG BÁO',
      subject: 'Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp triển khai công tác phòng, chống lụt, bão năm 2024',
      recipients: [],
      kinhGui: kinhGuiLines([]),
    },
    body: blocks(
      ['p', 'Ngày 06 tháng 9 năm 2024, tại hội trường Ủy ban nhân dân huyện, đồng chí Trần Minh Đức, Chủ tịch Ủy ban nhân dân huyện chủ trì cuộc họp triển khai công tác phòng, chống lụt, bão năm 2024. Sau khi nghe báo cáo và ý kiến của các đại biểu, đồng chí Chủ tịch kết luận như sau:'],
      ['h', 'I. NỘI DUNG KẾT LUẬN'],
      ['s', '1. Đánh giá chung'],
      ['p', 'Công tác chuẩn bị phòng, chống lụt, bão năm 2024 cơ bản chủ động; còn 04 xã chưa kiện toàn Ban Chỉ huy.'],
      ['p', 'Ủy ban nhân dân huyện thông báo để các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn biết, thực hiện./.'],
    ),
    signer: { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Nguyễn Thị Hà' },
    copies: ['- CT, các PCT UBND huyện;', '- Các phòng, ban, ngành huyện;', '- UBND các xã, thị trấn;', '- Lưu: VT, NN.'],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the .docx back: just enough XML to check the properties the decree sets.

interface Run {
  xml: string;
  text: string;
  bold: boolean;
  italic: boolean;
  halfPoints: number | null;
}

interface Para {
  xml: string;
  pPr: string;
  /** The text as read, a no-break space between two words shown as a space. */
  text: string;
  /** The text as written, no-break spaces kept: where a line may not break. */
  raw: string;
  runs: Run[];
}



function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

function all(xml: string, re: RegExp): string[] {
  return [...xml.matchAll(re)].map((m) => m[0]);
}

/** `<w:p>` elements, not `<w:pPr>` or `<w:pgSz>`: `\b` needs a non-letter after the `p`. */
const P_RE = /<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g;
const R_RE = /<w:r\b[^>]*?(?:\/>|>[\s\S]*?<\/w:r>)/g;

function attr(xml: string, tag: string, name: string): string | null {
  const el = xml.match(new RegExp(`<${tag}\\b[^>]*>`));
  return el?.[0].match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? null;
}

function num(xml: string, tag: string, name: string): number {
  return Number(attr(xml, tag, name) ?? 0);
}

function runs(xml: string): Run[] {
  return all(xml, R_RE).map((r) => ({
    xml: r,
    text: all(r, /<w:t\b[^>]*>[^<]*<\/w:t>/g).map((t) => decode(t.replace(/<[^>]+>/g, ''))).join(''),
    bold: /<w:b\/>/.test(r),
    italic: /<w:i\/>/.test(r),
    halfPoints: attr(r, 'w:sz', 'w:val') === null ? null : num(r, 'w:sz', 'w:val'),
  }));
}

function paras(xml: string): Para[] {
  return all(xml, P_RE).map((p) => {
    const rs = runs(p);
    const raw = rs.map((r) => r.text).join('');
    return { xml: p, pPr: p.match(/<w:pPr>[\s\S]*?<\/w:pPr>/)?.[0] ?? '', text: shown(raw), raw, runs: rs };
  });
}

function tables(xml: string): string[][][] {
  return all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g).map((t) => all(t, /<w:tr\b[\s\S]*?<\/w:tr>/g).map((tr) => all(tr, /<w:tc>[\s\S]*?<\/w:tc>/g)));
}

function gridCols(xml: string): number[] {
  return all(xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/)![0], /<w:gridCol\b[^>]*>/g).map((g) => num(g, 'w:gridCol', 'w:w'));
}

/** Length of a rule drawn as an empty paragraph's top border inside a box `within` twips wide. */
function ruleLength(p: Para, within: number): number {
  expect(p.text).toBe('');
  expect(attr(p.pPr, 'w:top', 'w:val')).toBe('single');
  return within - num(p.pPr, 'w:ind', 'w:left') - num(p.pPr, 'w:ind', 'w:right');
}

function the(list: Para[], text: string): Para {
  const found = list.filter((p) => p.text === text);
  expect(found, `one paragraph reading "${text}"`).toHaveLength(1);
  return found[0]!;
}

function afterThe(list: Para[], text: string): Para {
  return list[list.indexOf(the(list, text)) + 1]!;
}

/** Every run of the paragraph has these properties. */
function expectRuns(p: Para, want: { halfPoints: number | [number, number]; bold?: boolean; italic?: boolean }): void {
  expect(p.runs.length, `runs of "${p.text}"`).toBeGreaterThan(0);
  for (const r of p.runs) {
    if (Array.isArray(want.halfPoints)) {
      expect(r.halfPoints).toBeGreaterThanOrEqual(want.halfPoints[0]);
      expect(r.halfPoints).toBeLessThanOrEqual(want.halfPoints[1]);
    } else {
      expect(r.halfPoints, `size of "${p.text}"`).toBe(want.halfPoints);
    }
    expect(r.bold, `bold of "${p.text}"`).toBe(want.bold ?? false);
    expect(r.italic, `italic of "${p.text}"`).toBe(want.italic ?? false);
  }
}

const jc = (p: Para) => attr(p.pPr, 'w:jc', 'w:val');

interface Docx {
  document: string;
  styles: string;
  headers: { first: string; default: string };
  body: Para[];
  header: string[][];
  signature: string[][];
}

async function open(view: DocumentView): Promise<Docx> {
  const buffer = await renderDocx(view);
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)!.async('string');
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headerPart = async (type: string) => {
    const id = document.match(new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`))![1];
    const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`))!;
    return read(`word/${target[1] ?? target[2]}`);
  };
  const [header, signature] = [tables(document)[0]!, tables(document).at(-1)!];
  return {
    document,
    styles: await read('word/styles.xml'),
    headers: { first: await headerPart('first'), default: await headerPart('default') },
    body: paras(document),
    header,
    signature,
  };
}

const TEXT_WIDTH = 11906 - 1701 - 851;

// ---------------------------------------------------------------------------------------------

describe('renderDocx', () => {
  let bc: Docx;
  let cv: Docx;
  let tb: Docx;
  beforeAll(async () => {
    [bc, cv, tb] = await Promise.all([open(baoCao()), open(congVan()), open(thongBao())]);
  });

  describe('page', () => {
    it('is A4 portrait with the decree margins', () => {
      for (const d of [bc, cv, tb]) {
        expect(attr(d.document, 'w:pgSz', 'w:w')).toBe('11906');
        expect(attr(d.document, 'w:pgSz', 'w:h')).toBe('16838');
        const mar = d.document.match(/<w:pgMar\b[^>]*>/)![0];
        expect([num(mar, 'w:pgMar', 'w:top'), num(mar, 'w:pgMar', 'w:bottom'), num(mar, 'w:pgMar', 'w:left'), num(mar, 'w:pgMar', 'w:right')]).toEqual([
          1134, 1134, 1701, 851,
        ]);
      }
    });

    it('numbers pages from 2 on, centred in the header at 14 pt', () => {
      expect(bc.document).toMatch(/<w:sectPr>[\s\S]*<w:titlePg\/>[\s\S]*<\/w:sectPr>/);
      expect(bc.headers.first).not.toMatch(/<w:r\b/);
      expect(bc.headers.first).not.toContain('PAGE');
      const [numberPara] = paras(bc.headers.default);
      expect(jc(numberPara!)).toBe('center');
      expect(numberPara!.xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      for (const r of numberPara!.runs) expect(r.halfPoints).toBe(28);
    });
  });

  describe('fonts and colour', () => {
    it('sets Times New Roman for every script on every run, in black', () => {
      for (const d of [bc, cv, tb]) {
        const everyRun = [...runs(d.document), ...runs(d.headers.default), ...runs(d.headers.first)];
        expect(everyRun.length).toBeGreaterThan(20);
        for (const r of everyRun) {
          for (const script of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) {
            expect(attr(r.xml, 'w:rFonts', script), `${script} of "${r.text}"`).toBe('Times New Roman');
          }
          expect(attr(r.xml, 'w:color', 'w:val'), `colour of "${r.text}"`).toBe('000000');
        }
      }
    });

    it('defaults the document to Times New Roman 14 pt and leaves no coloured style', () => {
      const defaults = bc.styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)![0];
      for (const script of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) expect(attr(defaults, 'w:rFonts', script)).toBe('Times New Roman');
      expect(attr(defaults, 'w:sz', 'w:val')).toBe('28');
      const colours = all(bc.styles, /<w:color\b[^>]*>/g).map((c) => attr(c, 'w:color', 'w:val'));
      expect(colours.length).toBeGreaterThan(0);
      for (const c of colours) expect(c).toBe('000000');
    });

    it('writes Vietnamese text in NFC, even when given decomposed', async () => {
      const decomposed = baoCao();
      decomposed.header.subject = decomposed.header.subject.normalize('NFD');
      const d = await open(decomposed);
      const text = d.body.map((p) => p.text).join('\n');
      expect(text).toBe(text.normalize('NFC'));
      expect(text).toContain('Kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021');
    });
  });

  describe('header block', () => {
    it('is a borderless two-column table, about 40:60 of the text width', () => {
      const tbl = bc.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
      const borders = tbl.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/)![0];
      for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']) {
        expect(['none', 'nil']).toContain(attr(borders, side, 'w:val'));
      }
      expect(tbl).not.toMatch(/<w:tcBorders>/);
      const [left, right] = gridCols(tbl);
      expect(left! + right!).toBeLessThanOrEqual(TEXT_WIDTH + 1);
      expect(left! / (left! + right!)).toBeGreaterThan(0.38);
      expect(left! / (left! + right!)).toBeLessThan(0.45);
      expect(bc.header).toHaveLength(2);
    });

    it('puts the issuing body bold on the left with a short rule under it', () => {
      const cell = paras(bc.header[0]![0]!);
      const [leftWidth] = gridCols(bc.document);
      const org = the(cell, 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN');
      expectRuns(org, { halfPoints: [24, 26], bold: true });
      expect(jc(org)).toBe('center');
      // 1/3 to 1/2 of the name's line as it wraps in the column (Phụ lục I §II.2.b), not of the column.
      const line = widestLine(org.raw, 13, true, leftWidth!);
      const length = ruleLength(afterThe(cell, org.text), leftWidth!);
      expect(length).toBeGreaterThanOrEqual(line / 3);
      expect(length).toBeLessThanOrEqual(line / 2);
    });

    it('breaks the issuing body only between word groups: the place name and fixed phrases hold together', async () => {
      const org = the(paras(bc.header[0]![0]!), 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN');
      expect(org.raw).toBe('ỦY\u00a0BAN\u00a0NHÂN\u00a0DÂN HUYỆN\u00a0NGHI\u00a0XUÂN');
      const view = baoCao();
      view.header.parentOrg = 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI';
      view.header.org = 'TRUNG TÂM ĐIỀU DƯỠNG THƯƠNG BINH XÃ ĐÔNG SƠN';
      const cell = paras((await open(view)).header[0]![0]!);
      expect(cell[0]!.raw).toBe('BỘ LAO ĐỘNG\u00a0-\u00a0THƯƠNG BINH VÀ XÃ\u00a0HỘI');
      expect(cell[1]!.raw).toBe('TRUNG TÂM ĐIỀU DƯỠNG THƯƠNG BINH XÃ\u00a0ĐÔNG\u00a0SƠN');
      view.header.parentOrg = 'TRUNG ƯƠNG HỘI CHỮ THẬP ĐỎ VIỆT NAM';
      view.header.org = 'ỦY BAN NHÂN DÂN PHƯỜNG 1, QUẬN 3';
      const other = paras((await open(view)).header[0]![0]!);
      expect(other[0]!.raw).toBe('TRUNG ƯƠNG HỘI CHỮ THẬP ĐỎ VIỆT\u00a0NAM');
      expect(other[1]!.raw).toBe('ỦY\u00a0BAN\u00a0NHÂN\u00a0DÂN PHƯỜNG\u00a01, QUẬN\u00a03');
    });

    it('puts the parent body, when there is one, regular above the issuing body', async () => {
      const view = baoCao();
      view.header.parentOrg = 'UBND TỈNH HÀ TĨNH';
      view.header.org = 'SỞ CÔNG THƯƠNG';
      const cell = paras((await open(view)).header[0]![0]!);
      expect(cell.map((p) => p.text).slice(0, 2)).toEqual(['UBND TỈNH HÀ TĨNH', 'SỞ CÔNG THƯƠNG']);
      expectRuns(cell[0]!, { halfPoints: [24, 26] });
      expectRuns(cell[1]!, { halfPoints: [24, 26], bold: true });
      // The rule is measured from the issuing body, not from a longer parent above it; the check agrees.
      view.header.parentOrg = 'TRUNG ƯƠNG HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM';
      const ruleFindings = (await checkDocx(await renderDocx(view))).findings.filter((f) => f.rule === 'nd30.rule-length');
      expect(ruleFindings).toEqual([]);
    });

    it('puts the Quốc hiệu and Tiêu ngữ bold on the right, with a rule as long as the Tiêu ngữ', () => {
      const cell = paras(bc.header[0]![1]!);
      const [, rightWidth] = gridCols(bc.document);
      const quocHieu = the(cell, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expectRuns(quocHieu, { halfPoints: [24, 26], bold: true });
      const tieuNgu = the(cell, 'Độc lập - Tự do - Hạnh phúc');
      expectRuns(tieuNgu, { halfPoints: [26, 28], bold: true });
      expect([jc(quocHieu), jc(tieuNgu)]).toEqual(['center', 'center']);
      // "Độc lập - Tự do - Hạnh phúc" in Times New Roman bold 13 pt is 3183 twips wide.
      expect(Math.abs(ruleLength(afterThe(cell, tieuNgu.text), rightWidth!) - 3183)).toBeLessThan(60);
    });

    it('puts Số and the italic date in the same row, keeping the blanks as non-breaking spaces', () => {
      const [numberCell, dateCell] = bc.header[1]!.map(paras);
      const numberLine = the(numberCell!, `Số: ${BLANK}/BC-UBND`);
      expectRuns(numberLine, { halfPoints: 26 });
      const dateLine = the(dateCell!, `Nghi Xuân, ngày ${BLANK} tháng 12 năm 2021`);
      expectRuns(dateLine, { halfPoints: [26, 28], italic: true });
      expect([jc(numberLine), jc(dateLine)]).toEqual(['center', 'center']);
    });
  });

  describe('title', () => {
    it('centres the tên loại and trích yếu in bold 14 pt, with a short rule below', () => {
      const typeName = the(bc.body, 'BÁO CÁO');
      const subject = afterThe(bc.body, 'BÁO CÁO');
      expect(subject.text).toBe('Kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021');
      for (const p of [typeName, subject]) {
        expectRuns(p, { halfPoints: 28, bold: true });
        expect(jc(p)).toBe('center');
      }
      const line = widestLine(subject.raw, 14, true, TEXT_WIDTH);
      expect(line).toBeLessThan(TEXT_WIDTH);
      const length = ruleLength(afterThe(bc.body, subject.text), TEXT_WIDTH);
      expect(length).toBeGreaterThanOrEqual(line / 3);
      expect(length).toBeLessThanOrEqual(line / 2);
    });

    it('never leaves one word alone on the last line of the trích yếu or the V/v', () => {
      const subject = afterThe(bc.body, 'BÁO CÁO');
      expect(subject.raw.endsWith('năm\u00a02021')).toBe(true);
      const vv = paras(cv.header[1]![0]!)[1]!;
      expect(vv.raw.endsWith('thế\u00a0giới')).toBe(true);
      // Only the last two words are held: the rest may wrap anywhere.
      expect(subject.raw.slice(0, -'năm\u00a02021'.length)).not.toContain('\u00a0');
    });

    it('measures text with Times New Roman’s widths, Vietnamese letters included', () => {
      // "Độc lập - Tự do - Hạnh phúc" bold at 13 pt: 3183 twips, as Word and LibreOffice set it.
      expect(Math.abs(textWidth('Độc lập - Tự do - Hạnh phúc', 13, true) - 3183)).toBeLessThan(5);
      expect(textWidth('Ư', 14)).toBeGreaterThan(textWidth('U', 14));
      expect(textWidth('Đông Sơn', 13, true)).toBeGreaterThan(textWidth('Đông Sơn', 13));
    });

    it('puts a công văn’s V/v line under Số in the left column instead of a title', () => {
      const numberCell = paras(cv.header[1]![0]!);
      expect(numberCell.map((p) => p.text)).toEqual([
        'Số: 454/UBND-NCTH',
        'V/v tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới',
      ]);
      const vv = numberCell[1]!;
      expectRuns(vv, { halfPoints: [24, 26] });
      expect(jc(vv)).toBe('center');
      expect(num(vv.pPr, 'w:spacing', 'w:before')).toBe(120);
      expect(cv.body.filter((p) => p.text.startsWith('V/v'))).toHaveLength(1);
      expect(cv.body.map((p) => p.text)).not.toContain('CÔNG VĂN');
    });
  });

  describe('Kính gửi', () => {
    it('writes a single recipient on the label’s line', () => {
      expectRuns(the(bc.body, 'Kính gửi: Sở Công Thương tỉnh Hà Tĩnh'), { halfPoints: 28 });
      expect(bc.body.filter((p) => p.text.startsWith('Kính gửi'))).toHaveLength(1);
    });

    it('lists several recipients one a line, dashes aligned just after the colon', () => {
      const label = the(cv.body, 'Kính gửi:');
      const start = cv.body.indexOf(label);
      const lines = cv.body.slice(start + 1, start + 5);
      expect(lines.map((p) => p.text)).toEqual([
        '- Giám đốc Sở Văn hóa, Thể thao và Du lịch;',
        '- Giám đốc Sở Thông tin và Truyền thông;',
        '- Giám đốc Đài Phát thanh - Truyền hình Hậu Giang;',
        '- Chủ tịch UBND huyện, thị xã, thành phố.',
      ]);
      const labelStart = num(label.pPr, 'w:ind', 'w:left');
      for (const line of lines) {
        expectRuns(line, { halfPoints: 28 });
        const hanging = num(line.pPr, 'w:ind', 'w:hanging');
        const dashStart = num(line.pPr, 'w:ind', 'w:left') - hanging;
        expect(hanging).toBeGreaterThan(0);
        // "Kính gửi:" at 14 pt is about 1077 twips wide, 1147 with the space after it.
        expect(dashStart - labelStart).toBeGreaterThanOrEqual(1077);
        expect(dashStart - labelStart).toBeLessThanOrEqual(1200);
      }
    });

    it('is left out when there are no recipients', () => {
      expect(tb.document).not.toContain('Kính gửi');
    });
  });

  describe('body', () => {
    const bodyLayout = (p: Para) => {
      expect(jc(p), `alignment of "${p.text}"`).toBe('both');
      expect(num(p.pPr, 'w:ind', 'w:firstLine')).toBe(567);
      expect(num(p.pPr, 'w:spacing', 'w:before')).toBeGreaterThanOrEqual(120);
      const line = num(p.pPr, 'w:spacing', 'w:line');
      expect(attr(p.pPr, 'w:spacing', 'w:lineRule')).toBe('auto');
      expect(line).toBeGreaterThanOrEqual(240);
      expect(line).toBeLessThanOrEqual(360);
    };

    it('sets headings and subheadings bold 14 pt, justified and indented like the text', () => {
      for (const text of ['I. KẾT QUẢ THỰC HIỆN', 'II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI', '1. Về tham mưu ban hành các văn bản']) {
        const p = the(bc.body, text);
        expectRuns(p, { halfPoints: 28, bold: true });
        bodyLayout(p);
      }
      const sub = the(tb.body, '1. Đánh giá chung');
      expectRuns(sub, { halfPoints: 28, bold: true });
    });

    it('sets every paragraph 14 pt regular, justified, first line indented, 6 pt apart', () => {
      const view = baoCao();
      const texts = view.body.filter((b) => b.kind === 'paragraph').map((b) => b.text);
      expect(texts.length).toBeGreaterThan(5);
      for (const text of texts) {
        const p = the(bc.body, text);
        expectRuns(p, { halfPoints: 28 });
        bodyLayout(p);
      }
    });

    it('keeps typed dashes as text, without Word numbering', () => {
      expect(bc.body.filter((p) => p.text.startsWith('- Tăng cường'))).toHaveLength(2);
      for (const d of [bc, cv, tb]) {
        expect(d.document).not.toContain('<w:numPr>');
        expect(d.document).not.toContain('•');
      }
    });

    it('ends the body with "./."', () => {
      for (const [d, view] of [[bc, baoCao()], [cv, congVan()], [tb, thongBao()]] as const) {
        const last = view.body.at(-1)!.text;
        expect(last.endsWith('./.')).toBe(true);
        const closing = the(d.body, last);
        // The closing paragraph is the last one before the signature table.
        const beforeSignature = d.document.slice(0, d.document.lastIndexOf('<w:tbl>'));
        expect(paras(beforeSignature).at(-1)!.text).toBe(closing.text);
      }
    });
  });

  describe('signature block', () => {
    it('is a borderless table of about 35:65', () => {
      const tbl = bc.document.slice(bc.document.lastIndexOf('<w:tbl>'));
      const borders = tbl.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/)![0];
      for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']) {
        expect(['none', 'nil']).toContain(attr(borders, side, 'w:val'));
      }
      const [left, right] = gridCols(tbl);
      expect(left! / (left! + right!)).toBeGreaterThan(0.32);
      expect(left! / (left! + right!)).toBeLessThan(0.4);
    });

    it('lists Nơi nhận on the left: label 12 pt bold italic, entries 11 pt', () => {
      const [label, ...entries] = paras(bc.signature[0]![0]!);
      expect(label!.text).toBe('Nơi nhận:');
      expectRuns(label!, { halfPoints: 24, bold: true, italic: true });
      expect(entries.map((p) => p.text)).toEqual(baoCao().copies);
      // The dash hangs at the cell's edge and a wrapped entry continues under its text, not under the dash.
      const hang = Math.round(textWidth('- ', 11));
      for (const p of entries) {
        expectRuns(p, { halfPoints: 22 });
        expect(num(p.pPr, 'w:ind', 'w:left')).toBe(hang);
        expect(num(p.pPr, 'w:ind', 'w:hanging')).toBe(hang);
      }
    });

    it('keeps the last body paragraph whole and with the signature block', () => {
      for (const d of [bc, cv, tb]) {
        const beforeSignature = paras(d.document.slice(0, d.document.lastIndexOf('<w:tbl>')));
        const last = beforeSignature.at(-1)!;
        expect(last.text.endsWith('./.')).toBe(true);
        expect(last.pPr).toMatch(/<w:keepNext\/>/);
        expect(last.pPr).toMatch(/<w:keepLines\/>/);
        // Other body paragraphs flow freely.
        expect(beforeSignature.at(-2)!.pPr).not.toMatch(/<w:keepLines\/>/);
      }
    });

    it('leaves the signer lines and the name blank when staff named no signer', async () => {
      const view = baoCao();
      view.signer = { lines: [], name: '' };
      const d = await open(view);
      const cell = paras(d.signature[0]![1]!);
      expect(cell.every((p) => p.text.trim() === '')).toBe(true);
      // Room for the quyền hạn, chức vụ, signature and name, as with a signer.
      expect(cell.length).toBeGreaterThanOrEqual(2 + 4 + 1);
      expect(d.document).not.toContain('TM.');
    });

    it('centres the signer lines and the name bold 14 pt, with room for signature and seal', () => {
      for (const [d, view] of [[bc, baoCao()], [tb, thongBao()]] as const) {
        const cell = paras(d.signature[0]![1]!);
        const n = view.signer.lines.length;
        expect(cell.slice(0, n).map((p) => p.text)).toEqual(view.signer.lines);
        const blank = cell.slice(n, -1);
        expect(blank.length).toBeGreaterThanOrEqual(4);
        expect(blank.length).toBeLessThanOrEqual(6);
        for (const p of blank) expect(p.text).toBe('');
        expect(cell.at(-1)!.text).toBe(view.signer.name);
        for (const p of [...cell.slice(0, n), cell.at(-1)!]) {
          expectRuns(p, { halfPoints: 28, bold: true });
          expect(jc(p)).toBe('center');
        }
      }
      expect(paras(tb.signature[0]![1]!).slice(0, 2).map((p) => p.text)).toEqual(['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']);
    });
  });
});
