import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/checks/finding.js';
import { checkDocx } from '../../server/nd30/check.js';
import { buildDocx, type FixtureOptions, type FixtureType } from './fixture.js';

async function check(over: Partial<FixtureOptions> = {}) {
  return checkDocx(await buildDocx(over));
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const byRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** Exactly the planted violation: one error, of this rule. */
async function expectOnly(over: Partial<FixtureOptions>, rule: string): Promise<Finding> {
  const { findings } = await check(over);
  const errs = errors(findings);
  expect(errs.map((f) => f.rule)).toEqual([rule]);
  const f = errs[0]!;
  expect(f.message).toMatch(/Nghị định 30, (PL|ND)/);
  expect(f.message).toBe(f.message.normalize('NFC'));
  return f;
}

describe('a conforming document', () => {
  it('a Báo cáo built to ND30 has no finding at all', async () => {
    const { findings, documentType } = await check();
    expect(findings).toEqual([]);
    expect(documentType).toBe('bao-cao');
  });

  it.each<FixtureType>(['ke-hoach', 'to-trinh', 'thong-bao', 'cong-van'])('a conforming %s has no finding and its type is recognised', async (type) => {
    const { findings, documentType } = await check({ type });
    expect(findings).toEqual([]);
    expect(documentType).toBe(type);
  });

  it('accepts a number and a day left blank for the văn thư (spaces or no-break spaces)', async () => {
    const nbsp = '\u00A0'.repeat(6);
    const { findings } = await check({ so: 'Số:      /BC-KTHT', dateLine: `Nghi Xuân, ngày ${nbsp} tháng 12 năm 2021` });
    expect(findings).toEqual([]);
  });

  it('accepts tháng 01 / 02 and tháng 3–12 without zero', async () => {
    for (const dateLine of ['Hà Nội, ngày 05 tháng 01 năm 2020', 'Hà Nội, ngày 29 tháng 02 năm 2020', 'Hà Nội, ngày 10 tháng 12 năm 2020']) {
      expect(errors((await check({ dateLine })).findings)).toEqual([]);
    }
  });
});

describe('planted violations are found by name', () => {
  it('a body at 11 pt', async () => {
    const { findings } = await check({ bodySize: 11 });
    const found = byRule(findings, 'nd30.body-size');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found[0]!.message).toContain('cỡ chữ 11');
    expect(errors(findings).every((f) => f.rule === 'nd30.body-size')).toBe(true);
  });

  it('Arial in one run', async () => {
    const f = await expectOnly({ oddFont: 'Arial' }, 'nd30.font');
    expect(f.message).toContain('Arial');
    expect(f.message).toContain('Times New Roman');
    expect(f.where.field).toBe('font');
    expect(f.where.paragraph).toBeTypeOf('number');
    expect(f.where.span).toBeDefined();
  });

  it('"ngày 5 tháng 3": day below 10 without leading zero', async () => {
    const f = await expectOnly({ dateLine: 'Nghi Xuân, ngày 5 tháng 3 năm 2021' }, 'nd30.date-line');
    expect(f.message).toContain('ngày 05');
    expect(f.where.field).toBe('header.dateLine');
    const [s, e] = f.where.span!;
    expect('Nghi Xuân, ngày 5 tháng 3 năm 2021'.slice(s, e)).toBe('5');
  });

  it('"tháng 2" instead of "tháng 02"', async () => {
    const f = await expectOnly({ dateLine: 'Nghi Xuân, ngày 15 tháng 2 năm 2021' }, 'nd30.date-line');
    expect(f.message).toContain('tháng 02');
  });

  it('"tháng 03" with a leading zero', async () => {
    const f = await expectOnly({ dateLine: 'Nghi Xuân, ngày 15 tháng 03 năm 2021' }, 'nd30.date-line');
    expect(f.message).toContain('tháng 3');
  });

  it('no comma after the place name', async () => {
    const f = await expectOnly({ dateLine: 'Nghi Xuân ngày 15 tháng 3 năm 2021' }, 'nd30.date-line');
    expect(f.message).toContain('dấu phẩy');
  });

  it('the Tiêu ngữ with an en dash', async () => {
    const f = await expectOnly({ tieuNgu: 'Độc lập – Tự do – Hạnh phúc' }, 'nd30.tieu-ngu');
    expect(f.message).toContain('–');
    const [s, e] = f.where.span!;
    expect(e - s).toBe(1);
  });

  it('the Tiêu ngữ with an em dash', async () => {
    await expectOnly({ tieuNgu: 'Độc lập — Tự do — Hạnh phúc' }, 'nd30.tieu-ngu');
  });

  it('a misspelt Quốc hiệu', async () => {
    await expectOnly({ quocHieu: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT  NAM.' }, 'nd30.quoc-hieu');
  });

  it('no "Lưu: VT"', async () => {
    const f = await expectOnly({ noiNhan: ['- Như trên;', '- Lãnh đạo UBND huyện.'] }, 'nd30.luu-vt');
    expect(f.message).toContain('Lưu: VT');
  });

  it('"Lưu" without VT, and not last', async () => {
    const { findings } = await check({ noiNhan: ['- Như trên;', '- Lưu: KTHT;', '- Lãnh đạo UBND huyện.'] });
    const found = byRule(findings, 'nd30.luu-vt');
    expect(found.map((f) => f.message).join(' ')).toMatch(/VT/);
    expect(found.some((f) => f.message.includes('dòng cuối cùng'))).toBe(true);
  });

  it('Kính gửi on a kế hoạch', async () => {
    const f = await expectOnly({ type: 'ke-hoach', kinhGui: 'Kính gửi: Các phòng, ban thuộc UBND huyện.' }, 'nd30.kinh-gui');
    expect(f.message).toContain('Kế hoạch');
    expect(f.where.field).toBe('kinhGui');
  });

  it('no Kính gửi on a tờ trình', async () => {
    await expectOnly({ type: 'to-trinh', kinhGui: null, noiNhan: ['- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] }, 'nd30.kinh-gui');
  });

  it('Nơi nhận of a báo cáo with Kính gửi that does not start with "- Như trên;"', async () => {
    const f = await expectOnly({ noiNhan: ['- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] }, 'nd30.noi-nhan');
    expect(f.message).toContain('Như trên');
  });

  it('a recipient line with an en dash', async () => {
    await expectOnly({ noiNhan: ['- Như trên;', '– Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] }, 'nd30.noi-nhan');
  });

  it.each(['K.T. CHỦ TỊCH', 'TM ỦY BAN NHÂN DÂN', 'T/M ỦY BAN NHÂN DÂN', 'Kt. CHỦ TỊCH'])('a bad signer prefix: %s', async (bad) => {
    const f = await expectOnly({ signer: [bad, 'PHÓ CHỦ TỊCH'] }, 'nd30.signer-prefix');
    expect(f.where.field).toBe('closing.signer');
  });

  it('accepts TL., Q. and TUQ.', async () => {
    for (const signer of [['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], ['Q. GIÁM ĐỐC'], ['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ']]) {
      expect(errors((await check({ signer })).findings)).toEqual([]);
    }
  });

  it('a missing "./."', async () => {
    const f = await expectOnly({ lastParagraph: 'Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2021.' }, 'nd30.end-mark');
    expect(f.message).toContain('./.');
    expect(f.where.field).toBe('body.endMark');
  });

  it('a number below 10 without leading zero', async () => {
    const f = await expectOnly({ so: 'Số: 5/BC-KTHT' }, 'nd30.number-symbol');
    expect(f.message).toContain('05');
  });

  it('spaces inside the ký hiệu', async () => {
    await expectOnly({ so: 'Số: 05/BC - KTHT' }, 'nd30.number-symbol');
  });

  it('a ký hiệu code that does not match the tên loại', async () => {
    const f = await expectOnly({ so: 'Số: 05/KH-KTHT' }, 'nd30.number-symbol');
    expect(f.message).toContain('“BC”');
  });

  it('a công văn with a type code in its ký hiệu', async () => {
    const f = await expectOnly({ type: 'cong-van', so: 'Số: 05/CV-UBND' }, 'nd30.number-symbol');
    expect(f.message).toContain('Công văn');
  });

  it('margins outside the ND30 ranges', async () => {
    const { findings } = await check({ margins: { top: 1440, bottom: 1440, left: 1440, right: 1440 } });
    const found = byRule(findings, 'nd30.margins').map((f) => f.where.field);
    expect(found.sort()).toEqual(['page.margin.bottom', 'page.margin.left', 'page.margin.right', 'page.margin.top']);
  });

  it('margins at the ends of the ranges (±1 twip rounding) pass', async () => {
    const { findings } = await check({ margins: { top: 1417, bottom: 1418, left: 1984, right: 1134 } });
    expect(findings).toEqual([]);
  });
});

describe('documents without a header table', () => {
  it('reports the missing header block and still checks the rest', async () => {
    const { findings, documentType } = await check({ noHeader: true, oddFont: 'Arial' });
    expect(byRule(findings, 'nd30.header-block')[0]!.severity).toBe('error');
    expect(byRule(findings, 'nd30.font')).toHaveLength(1);
    expect(documentType).toBe('bao-cao');
  });

  it('finds the header in plain paragraphs and checks the date line there', async () => {
    const { findings } = await check({ headerTable: false, dateLine: 'Nghi Xuân, ngày 5 tháng 12 năm 2021' });
    expect(byRule(findings, 'nd30.header-block')[0]!.severity).toBe('warning');
    expect(byRule(findings, 'nd30.date-line')).toHaveLength(1);
  });
});

/** The rule's findings: none when `keep`, at least one error when `breaks`. */
async function breaksAndKeeps(rule: string, breaks: Partial<FixtureOptions>, keeps: Partial<FixtureOptions> = {}): Promise<Finding[]> {
  const kept = (await check(keeps)).findings;
  expect(byRule(kept, rule), `${rule} on the document that keeps it`).toEqual([]);
  expect(errors(kept)).toEqual([]);
  const { findings } = await check(breaks);
  const found = byRule(findings, rule);
  expect(found.length, `${rule} on the document that breaks it`).toBeGreaterThan(0);
  expect(found.some((f) => f.severity === 'error')).toBe(true);
  for (const f of found) expect(f.message).toMatch(/Nghị định 30, PL/);
  return found;
}

describe('page numbers (PL I §I.7: centred in the top margin, none on page 1)', () => {
  it('in the footer is an error', async () => {
    const [f] = await breaksAndKeeps('nd30.page-number', { pageNumberAt: 'footer' });
    expect(f!.message).toContain('chân trang');
  });

  it('right-aligned is an error', async () => {
    const [f] = await breaksAndKeeps('nd30.page-number', { pageNumberAt: 'right' });
    expect(f!.message).toContain('canh phải');
  });

  it('shown on page 1 is an error', async () => {
    const [f] = await breaksAndKeeps('nd30.page-number', { pageNumberAt: 'page-1' });
    expect(f!.message).toContain('trang 1');
  });

  it('missing from a document of several pages is an error; a one-page document needs none', async () => {
    await breaksAndKeeps('nd30.page-number', { pageNumber: false, extraParagraphs: 30 }, { pageNumber: false });
    expect(errors((await check({ extraParagraphs: 30 })).findings)).toEqual([]);
  });
});

describe('rules the decree states are errors', () => {
  it('paper other than A4 (US Letter, Word’s default in some installs)', async () => {
    const [f] = await breaksAndKeeps('nd30.page-size', { paper: { width: 12240, height: 15840 } });
    expect(f!.message).toContain('A4');
  });

  it('printed borders on the header table', async () => {
    const [f] = await breaksAndKeeps('nd30.header-block', { headerBorders: true });
    expect(f!.message).toContain('viền');
  });

  it('line spacing over 1,5 lines (exactly 1,5 passes)', async () => {
    const found = await breaksAndKeeps('nd30.line-spacing', { bodySpacing: { line: 480, rule: 'auto' } }, { bodySpacing: { line: 360, rule: 'auto' } });
    expect(found[0]!.message).toContain('1,5');
    // Exact spacing of 30 pt at 14 pt text is far over 1,5 lines; 20 pt is within.
    await breaksAndKeeps('nd30.line-spacing', { bodySpacing: { line: 600, rule: 'exact' } }, { bodySpacing: { line: 400, rule: 'exact' } });
  });

  it('paragraphs less than 6 pt apart', async () => {
    const [f] = await breaksAndKeeps('nd30.paragraph-spacing', { bodyGap: 0 }, { bodyGap: 160 });
    expect(f!.message).toContain('6 pt');
  });

  it('a body not justified', async () => {
    const found = await breaksAndKeeps('nd30.body-alignment', { bodyAlign: 'left' });
    expect(found[0]!.message).toContain('canh đều hai lề');
  });

  it('a body not indented, or indented other than 1 cm or 1,27 cm', async () => {
    const found = await breaksAndKeeps('nd30.body-alignment', { bodyIndent: 0 }, { bodyIndent: 720 });
    expect(found[0]!.message).toContain('lùi đầu dòng');
    await breaksAndKeeps('nd30.body-alignment', { bodyIndent: 1134 });
  });

  it('coloured text', async () => {
    const [f] = await breaksAndKeeps('nd30.colour', { colour: 'FF0000' }, { colour: '000000' });
    expect(f!.message).toContain('#FF0000');
    expect(f!.where.span).toBeDefined();
  });

  it('an issuing body not bold', async () => {
    const [f] = await breaksAndKeeps('nd30.issuer', { issuerBold: false });
    expect(f!.message).toContain('PHÒNG KINH TẾ VÀ HẠ TẦNG');
    expect(f!.message).toContain('in đậm');
  });

  it('a tên loại and trích yếu not bold', async () => {
    const found = await breaksAndKeeps('nd30.title', { titleBold: false });
    expect(found.map((f) => f.message).join(' ')).toMatch(/Tên loại “BÁO CÁO” phải in đậm/);
    expect(found.map((f) => f.message).join(' ')).toMatch(/Trích yếu nội dung phải in đậm/);
  });

  it('a signer’s name not bold, and a signature block without a name', async () => {
    const [f] = await breaksAndKeeps('nd30.signer', { signerNameBold: false });
    expect(f!.message).toContain('Nguyễn Văn An');
    const missing = byRule((await check({ signerName: '' })).findings, 'nd30.signer');
    expect(missing.map((x) => x.message).join(' ')).toContain('họ và tên người ký');
  });

  it('a V/v at 14 pt bold', async () => {
    const found = await breaksAndKeeps('nd30.title', { type: 'cong-van', vv: { size: 14, bold: true } }, { type: 'cong-van' });
    const text = found.map((f) => f.message).join(' ');
    expect(text).toContain('không in đậm');
    expect(text).toContain('cỡ chữ 14');
  });

  it('missing rules under the issuing body, the Tiêu ngữ and the trích yếu', async () => {
    const header = await breaksAndKeeps('nd30.header-rules', { rules: false });
    expect(header.map((f) => f.message).join(' ')).toMatch(/dưới tên cơ quan ban hành.*dưới Tiêu ngữ/s);
    const { findings } = await check({ rules: false });
    expect(byRule(findings, 'nd30.title').map((f) => f.message).join(' ')).toContain('dưới trích yếu');
  });

  it('rules under the issuing body and the trích yếu longer than 1/2 of the line above', async () => {
    const found = await breaksAndKeeps('nd30.rule-length', { rules: 'long' });
    const text = found.map((f) => f.message).join(' ');
    expect(text).toContain('dưới tên cơ quan ban hành');
    expect(text).toContain('dưới trích yếu');
    expect(text).toContain('từ 1/3 đến 1/2');
  });

  it('an impossible date (30/02), while 29/02 of a leap year passes', async () => {
    const [f] = await breaksAndKeeps('nd30.date-line', { dateLine: 'Nghi Xuân, ngày 30 tháng 02 năm 2021' }, { dateLine: 'Nghi Xuân, ngày 29 tháng 02 năm 2020' });
    expect(f!.message).toContain('không có thật');
    expect(byRule((await check({ dateLine: 'Nghi Xuân, ngày 29 tháng 02 năm 2021' })).findings, 'nd30.date-line')).toHaveLength(1);
  });

  it('a công văn titled “CÔNG VĂN”', async () => {
    const found = await breaksAndKeeps('nd30.title', { type: 'cong-van', typeLine: 'CÔNG VĂN' }, { type: 'cong-van' });
    expect(found[0]!.message).toContain('Công văn không có tên loại');
    expect((await check({ type: 'cong-van', typeLine: 'CÔNG VĂN' })).documentType).toBe('cong-van');
  });

  it('Nơi nhận entries not at 11 pt, or not ending with ";" and a last "."', async () => {
    const [f] = await breaksAndKeeps('nd30.noi-nhan', { noiNhanSize: 13 });
    expect(f!.message).toContain('cỡ chữ 11');
    const [g] = await breaksAndKeeps('nd30.noi-nhan', { noiNhan: ['- Như trên', '- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] });
    expect(g!.message).toContain('chấm phẩy');
  });

  it('"Như trên" in a document with no Kính gửi; "Như Kính gửi" accepted in a tờ trình', async () => {
    const [f] = await breaksAndKeeps(
      'nd30.noi-nhan',
      { type: 'ke-hoach', noiNhan: ['- Như trên;', '- UBND các xã;', '- Lưu: VT, KTHT.'] },
      { type: 'to-trinh', noiNhan: ['- Như Kính gửi;', '- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] },
    );
    expect(f!.message).toContain('Kính gửi');
  });

  it('a báo cáo whose ký hiệu says BC but that has no tên loại', async () => {
    const [f] = await breaksAndKeeps('nd30.doc-type', { typeLine: null, kinhGui: null, noiNhan: ['- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'] });
    expect(f!.message).toContain('BÁO CÁO');
  });
});

describe('a type the checker cannot tell', () => {
  it('is warned, and checked with the rules common to every type', async () => {
    const { findings, documentType } = await check({ typeLine: 'TỜ KHAI', so: 'Số: 05/TK-UBND', kinhGui: null, noiNhan: ['- Lãnh đạo UBND huyện;', '- Lưu: VT, KTHT.'], oddFont: 'Arial', bodyAlign: 'left' });
    expect(documentType).toBeNull();
    const type = byRule(findings, 'nd30.doc-type');
    expect(type).toHaveLength(1);
    expect(type[0]!.severity).toBe('warning');
    expect(type[0]!.message).toContain('quy định chung');
    expect(byRule(findings, 'nd30.font')).toHaveLength(1);
    expect(byRule(findings, 'nd30.body-alignment').length).toBeGreaterThan(0);
  });
});

describe('documents as people make them are read correctly', () => {
  it('a long Nơi nhận entry continued on a second line, as in the decree’s own sample', async () => {
    const noiNhan = ['- Như trên;', '- Các Bộ, cơ quan ngang Bộ, cơ quan', 'thuộc Chính phủ;', '- Lưu: VT, KTHT.'];
    expect((await check({ noiNhan })).findings).toEqual([]);
    // A line after a finished entry that does not start with "-" is still wrong.
    expect(byRule((await check({ noiNhan: ['- Như trên;', 'Các Bộ, cơ quan ngang Bộ;', '- Lưu: VT, KTHT.'] })).findings, 'nd30.noi-nhan')).toHaveLength(1);
  });

  it('a landscape appendix after the signature, its margins turned with the page', async () => {
    const { findings } = await check({ landscapeAppendix: true });
    expect(findings).toEqual([]);
  });
});
