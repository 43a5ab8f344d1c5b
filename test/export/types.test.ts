import { beforeAll, describe, expect, it } from 'vitest';
import { DraftStore } from '../../server/store/draft-store.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { DraftingService } from '../../server/draft/service.js';
import { LOCAL_SCOPE } from '../../server/auth/scope.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { DocumentView } from '../../server/draft/document.js';
import { renderDocx } from '../../server/export/docx/render.js';
import { TEXT_WIDTH } from '../../server/export/docx/layout.js';
import { checkDocx } from '../../server/nd30/check.js';
import { briefFiles, rawBrief } from '../helpers/fixtures.js';
import { all, attr, documentXml, paras, tables, type XmlPara } from '../helpers/docx-xml.js';

const registry = TemplateRegistry.load();

/** Drafts a fixture brief with the offline composer, as the CLI does, and renders the .docx. */
async function exported(file: string, edit?: (raw: any) => void) {
  const raw = rawBrief(file);
  edit?.(raw);
  const store = await DraftStore.open({ file: ':memory:' });
  try {
    const service = new DraftingService(store, registry, new OfflineProvider());
    const { id } = await service.create(LOCAL_SCOPE, raw);
    const outcomes = await service.draftAll(LOCAL_SCOPE, id);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const view = await service.document(LOCAL_SCOPE, id);
    const buffer = await renderDocx(view);
    const xml = await documentXml(buffer);
    const tbls = tables(xml);
    return { view, buffer, xml, body: paras(xml), tables: tbls, signature: tbls.at(-1)!, header: tbls[0]! };
  } finally {
    await store.close();
  }
}
type Exported = Awaited<ReturnType<typeof exported>>;

const TYPE_NAMES = ['BÁO CÁO', 'TỜ TRÌNH', 'KẾ HOẠCH', 'THÔNG BÁO', 'CÔNG VĂN'];
const ROMAN_HEADING = /^[IVX]+\. /;

function the(list: XmlPara[], text: string): XmlPara {
  const found = list.filter((p) => p.text === text);
  expect(found, `one paragraph reading "${text}"`).toHaveLength(1);
  return found[0]!;
}

function expectRuns(p: XmlPara, want: { halfPoints: number | [number, number]; bold?: boolean; italic?: boolean }): void {
  expect(p.runs.length, `runs of "${p.text}"`).toBeGreaterThan(0);
  for (const r of p.runs) {
    const [lo, hi] = Array.isArray(want.halfPoints) ? want.halfPoints : [want.halfPoints, want.halfPoints];
    expect(r.halfPoints, `size of "${p.text}"`).toBeGreaterThanOrEqual(lo);
    expect(r.halfPoints, `size of "${p.text}"`).toBeLessThanOrEqual(hi);
    expect(r.bold, `bold of "${p.text}"`).toBe(want.bold ?? false);
    expect(r.italic, `italic of "${p.text}"`).toBe(want.italic ?? false);
  }
}

/** The body's last paragraph: the one just before the signature table. */
function closing(d: Exported): string {
  return paras(d.xml.slice(0, d.xml.lastIndexOf('<w:tbl>'))).filter((p) => p.text !== '').at(-1)!.text;
}

/** Nơi nhận entries as printed, label left out. */
function copies(d: Exported): string[] {
  return paras(d.signature.rows[0]![0]!).slice(1).map((p) => p.text);
}

function signerCell(d: Exported): XmlPara[] {
  return paras(d.signature.rows[0]![1]!);
}

describe('export per document type', () => {
  let cv: Exported;
  let ttr: Exported;
  let kh: Exported;
  let tb: Exported;
  beforeAll(async () => {
    [cv, ttr, kh, tb] = await Promise.all([
      exported('cv-haugiang-454-2011.json'),
      exported('to-trinh-sua-truong-example.json'),
      exported('ke-hoach-phong-chong-thien-tai-example.json'),
      exported('thong-bao-phong-chong-lut-example.json'),
    ]);
  });

  describe('công văn', () => {
    it('has no tên loại and no title block, only the V/v line', () => {
      for (const name of TYPE_NAMES) expect(cv.body.map((p) => p.text)).not.toContain(name);
      expect(cv.view.header.typeName).toBeNull();
      expect(cv.body.filter((p) => p.text.startsWith('V/v '))).toHaveLength(1);
    });

    it('puts "V/v …" under Số in the header’s left column, 12–13 pt regular, 6 pt below', () => {
      const cell = paras(cv.header.rows[1]![0]!);
      expect(cell.map((p) => p.text)).toEqual([
        'Số: 454/UBND-NCTH',
        'V/v tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới',
      ]);
      expectRuns(cell[1]!, { halfPoints: [24, 26] });
      expect(attr(cell[1]!.pPr, 'w:jc', 'w:val')).toBe('center');
      expect(Number(attr(cell[1]!.pPr, 'w:spacing', 'w:before'))).toBe(120);
    });

    it('lists its four recipients under "Kính gửi:", one a line, the last ending with a full stop', () => {
      const at = cv.body.indexOf(the(cv.body, 'Kính gửi:'));
      expect(cv.body.slice(at + 1, at + 5).map((p) => p.text)).toEqual([
        '- Giám đốc Sở Văn hóa, Thể thao và Du lịch;',
        '- Giám đốc Sở Thông tin và Truyền thông;',
        '- Giám đốc Đài Phát thanh - Truyền hình Hậu Giang;',
        '- Chủ tịch UBND huyện, thị xã, thành phố.',
      ]);
      const dashes = cv.body.slice(at + 1, at + 5).map((p) => Number(attr(p.pPr, 'w:ind', 'w:left')) - Number(attr(p.pPr, 'w:ind', 'w:hanging')));
      expect(new Set(dashes).size).toBe(1);
    });

    it('runs its content on without Roman headings and ends with "./."', () => {
      expect(cv.body.filter((p) => ROMAN_HEADING.test(p.text))).toEqual([]);
      expect(closing(cv)).toBe('(Đính kèm Công văn số 847/UBND-VX1 ngày 22/3/2011)./.');
    });

    it('starts Nơi nhận with "Như trên" and ends it with Lưu', () => {
      expect(copies(cv)[0]).toBe('- Như trên;');
      expect(copies(cv).at(-1)).toBe('- Lưu: VT, NCTH.HH.');
    });
  });

  describe('tờ trình', () => {
    it('has its tên loại, trích yếu and a single Kính gửi', () => {
      expectRuns(the(ttr.body, 'TỜ TRÌNH'), { halfPoints: 28, bold: true });
      expect(the(ttr.body, 'Về việc đề nghị phê duyệt kinh phí sửa chữa nhà học 02 tầng Trường Tiểu học Đông Sơn').runs[0]!.bold).toBe(true);
      expectRuns(the(ttr.body, 'Kính gửi: Ủy ban nhân dân huyện Thanh Hà'), { halfPoints: 28 });
    });

    it('numbers its sections and closes "… kính trình … xem xét, quyết định./."', () => {
      expect(ttr.body.filter((p) => ROMAN_HEADING.test(p.text)).map((p) => p.text)).toEqual([
        'I. SỰ CẦN THIẾT',
        'II. NỘI DUNG ĐỀ XUẤT',
        'III. KIẾN NGHỊ',
      ]);
      expect(closing(ttr)).toMatch(/^Ủy ban nhân dân xã Đông Sơn kính trình .+ xem xét, quyết định\.\/\.$/);
      expect(copies(ttr)[0]).toBe('- Như trên;');
    });
  });

  describe('kế hoạch', () => {
    it('has no Kính gửi, and no "Như trên" in Nơi nhận', () => {
      expect(kh.xml).not.toContain('Kính gửi');
      expect(copies(kh)).not.toContain('- Như trên;');
      expect(copies(kh).at(-1)).toBe('- Lưu: VT, NN.');
    });

    it('numbers its sections I to IV', () => {
      expect(kh.body.filter((p) => ROMAN_HEADING.test(p.text)).map((p) => p.text)).toEqual([
        'I. MỤC ĐÍCH, YÊU CẦU',
        'II. NỘI DUNG, NHIỆM VỤ',
        'III. KINH PHÍ THỰC HIỆN',
        'IV. TỔ CHỨC THỰC HIỆN',
      ]);
    });

    describe('task table', () => {
      const table = () => kh.tables[1]!;

      it('stands in nội dung, after its text and before the next heading', () => {
        expect(kh.tables).toHaveLength(3);
        const at = kh.xml.indexOf(table().xml);
        expect(kh.xml.indexOf('theo bảng sau.')).toBeLessThan(at);
        expect(kh.xml.indexOf('III. KINH PHÍ THỰC HIỆN')).toBeGreaterThan(at);
      });

      it('is ruled all round with single ½ pt black lines, across the text width', () => {
        const borders = table().xml.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/)![0];
        for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']) {
          expect(attr(borders, side, 'w:val'), side).toBe('single');
          expect(attr(borders, side, 'w:sz'), side).toBe('4');
          expect(attr(borders, side, 'w:color'), side).toBe('000000');
        }
        const cols = all(table().xml, /<w:gridCol\b[^>]*>/g).map((g) => Number(attr(g, 'w:gridCol', 'w:w')));
        expect(cols).toHaveLength(5);
        expect(cols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      });

      it('has a bold centred 13 pt header row, repeated on each page', () => {
        const [header, ...rows] = table().rows;
        expect(rows).toHaveLength(6);
        expect(table().xml.match(/<w:tr\b[\s\S]*?<\/w:tr>/)![0]).toContain('<w:tblHeader/>');
        const cells = header!.map((c) => paras(c)[0]!);
        expect(cells.map((p) => p.text)).toEqual(['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn']);
        for (const p of cells) {
          expectRuns(p, { halfPoints: 26, bold: true });
          expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
        }
      });

      it('writes each task in a numbered 13 pt row, an empty cell where no unit supports', () => {
        const rows = table().rows.slice(1).map((r) => r.map((c) => paras(c)[0]!));
        expect(rows[0]!.map((p) => p.text)).toEqual([
          '1',
          'Kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp xã',
          'UBND các xã, thị trấn',
          'Phòng Nông nghiệp và Phát triển nông thôn',
          'Trước 15/9/2024',
        ]);
        expect(rows.map((r) => r[0]!.text)).toEqual(['1', '2', '3', '4', '5', '6']);
        expect(rows[5]![3]!.text).toBe('');
        for (const p of rows.flat().filter((p) => p.text !== '')) expectRuns(p, { halfPoints: 26 });
      });
    });
  });

  describe('thông báo', () => {
    it('goes straight to the content: no Kính gửi, no Roman heading, numbered items kept', () => {
      expect(tb.xml).not.toContain('Kính gửi');
      expect(tb.body.filter((p) => ROMAN_HEADING.test(p.text))).toEqual([]);
      expectRuns(the(tb.body, '1. Đánh giá chung'), { halfPoints: 28, bold: true });
    });

    it('ends with "./." and no courtesy close', () => {
      expect(closing(tb).endsWith('./.')).toBe(true);
      expect(tb.xml).not.toMatch(/[Tt]rân trọng/);
      expect(copies(tb)).not.toContain('- Như trên;');
    });
  });
});

describe('signer forms', () => {
  const FORMS: [string, string[]][] = [
    ['TM. + KT.', ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']],
    ['TL. + KT.', ['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']],
    ['TL.', ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']],
    ['KT.', ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']],
    ['Q.', ['Q. GIÁM ĐỐC']],
    ['TUQ.', ['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ TÀI CHÍNH']],
  ];

  it.each(FORMS)('%s: each line bold 14 pt centred in order, then room to sign, then the name', async (_, lines) => {
    const d = await exported('thong-bao-phong-chong-lut-example.json', (raw) => {
      // Typed in lower case: the export writes quyền hạn and chức vụ in capitals all the same.
      raw.signer.lines = lines.map((l) => l.toLocaleLowerCase('vi'));
    });
    const cell = signerCell(d);
    expect(cell.slice(0, lines.length).map((p) => p.text)).toEqual(lines);
    const blank = cell.slice(lines.length, -1);
    expect(blank.length).toBeGreaterThanOrEqual(4);
    expect(blank.every((p) => p.text === '')).toBe(true);
    expect(cell.at(-1)!.text).toBe('Nguyễn Thị Hà');
    for (const p of [...cell.slice(0, lines.length), cell.at(-1)!]) {
      expectRuns(p, { halfPoints: 28, bold: true });
      expect(attr(p.pPr, 'w:jc', 'w:val')).toBe('center');
    }
    // "Nơi nhận:" sits level with the first signer line.
    const label = paras(d.signature.rows[0]![0]!)[0]!;
    expect(label.text).toBe('Nơi nhận:');
    expect(attr(label.pPr, 'w:spacing', 'w:before')).toBe(attr(cell[0]!.pPr, 'w:spacing', 'w:before'));
    const { findings } = await checkDocx(d.buffer);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('Nghị định 30 check of every fixture’s export', () => {
  it.each(briefFiles())('%s passes with no error but a signer staff have not named', async (file) => {
    const d = await exported(file);
    const { findings, documentType } = await checkDocx(d.buffer);
    expect(documentType).toBe(d.view.template.id);
    // Without a signer the block is printed blank for the văn thư, and the check says what is missing.
    const rules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
    expect(rules).toEqual(d.view.signer.name ? [] : ['nd30.signer']);
  });
});

/** The views toDocument makes for the types, for the page as much as for the file. */
describe('document view of the new types', () => {
  it('carries a task table as a block of its own, readable as text too', async () => {
    const d = await exported('ke-hoach-phong-chong-thien-tai-example.json');
    const block = d.view.body.find((b) => b.kind === 'table') as Extract<DocumentView['body'][number], { kind: 'table' }>;
    expect(block.section).toBe('noi-dung');
    expect(block.columns).toEqual(['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn']);
    expect(block.rows).toHaveLength(6);
    expect(block.text.split('\n')[0]).toBe(
      '1. Kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp xã; chủ trì: UBND các xã, thị trấn; phối hợp: Phòng Nông nghiệp và Phát triển nông thôn; thời hạn: Trước 15/9/2024',
    );
  });

  it('prints a kế hoạch’s nội dung given as a table alone under its heading', async () => {
    const d = await exported('ke-hoach-phong-chong-thien-tai-example.json', (raw) => {
      delete raw.sections[2].facts;
    });
    const at = d.view.body.findIndex((b) => b.kind === 'table');
    expect(d.view.body[at - 1]).toMatchObject({ kind: 'heading', text: 'II. NỘI DUNG, NHIỆM VỤ' });
  });
});
