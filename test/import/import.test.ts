import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { docxParagraphs } from '../helpers/docx.js';
import { rawDocx, para } from '../nd30/raw-docx.js';
import { WORD_REPORT, wordCongVanTabbed, wordReport, wordReportAutoNumbered } from './word-docx.js';
import { withTexts } from '../helpers/draft-detail.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let ctx: Awaited<ReturnType<typeof testApp>> | undefined;
afterEach(() => {
  ctx?.close();
  ctx = undefined;
});

function upload(app: Awaited<ReturnType<typeof testApp>>, bytes: Uint8Array, query = '', type = DOCX) {
  return app.request(`/api/drafts/import${query}`, { method: 'POST', headers: { 'Content-Type': type }, body: new Uint8Array(bytes) as Uint8Array<ArrayBuffer> });
}

async function exported(app: Awaited<ReturnType<typeof testApp>>, id: string): Promise<Uint8Array> {
  return new Uint8Array(await (await app.request(`/api/drafts/${id}/export.docx`)).arrayBuffer());
}

const bodyTexts = (detail: any) => detail.document.body.map((b: any) => b.text);

describe('POST /api/drafts/import: a .docx soanthao made', () => {
  it('comes back as the same document: header, sections, sub-sections and every paragraph word for word', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.header.number = '112';
    brief.header.date = '2021-12-05';
    const created = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    await ctx.request(`/api/drafts/${created.id}/draft`, { method: 'POST' });
    const original = withTexts(await (await ctx.request(`/api/drafts/${created.id}`)).json());
    const file = await exported(ctx, created.id);

    const res = await upload(ctx, file);
    expect(res.status).toBe(201);
    const imported = (await res.json()) as any;
    expect(imported.id).not.toBe(created.id);
    expect(imported.templateId).toBe('bao-cao');
    const h = imported.brief.header;
    expect(h).toMatchObject({
      org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
      number: '112',
      symbol: 'BC-UBND',
      place: 'Nghi Xuân',
      date: '2021-12-05',
      subject: brief.header.subject,
      recipients: brief.header.recipients,
    });
    expect(imported.brief.signer).toEqual(brief.signer);
    expect(imported.brief.copies).toEqual(brief.copies);
    expect(imported.brief.archive).toBe(brief.archive);
    expect(imported.sections.filter((s: any) => s.paragraphs.length > 0).map((s: any) => s.key)).toEqual(['mo-dau', 'ket-qua', 'phuong-huong', 'ket-thuc']);
    expect(imported.sections.find((s: any) => s.key === 'ket-qua').parts).toEqual(brief.sections[1].parts.map((p: any) => p.title));
    expect(bodyTexts(imported)).toEqual(bodyTexts(original));
    // And exported again, the same file text.
    expect(await docxParagraphs(Buffer.from(await exported(ctx, imported.id)))).toEqual(await docxParagraphs(Buffer.from(file)));
  });

  it('keeps paragraphs as staff revisions, marks their figures for update, and fills the facts pane', async () => {
    ctx = await testApp();
    const created = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any;
    await ctx.request(`/api/drafts/${created.id}/draft`, { method: 'POST' });
    const imported = (await (await upload(ctx, await exported(ctx, created.id))).json()) as any;
    const paragraphs = imported.sections.flatMap((s: any) => s.paragraphs);
    expect(paragraphs.every((p: any) => p.current.author === 'staff')).toBe(true);
    const ketQua = imported.sections.find((s: any) => s.key === 'ket-qua');
    expect(ketQua.facts.length).toBeGreaterThan(0);
    expect(ketQua.facts.join(' ')).toContain('06 văn bản quản lý nhà nước');
    const first = ketQua.paragraphs[0];
    const marks = first.current.findings.filter((f: any) => f.rule === 'import.figure-to-update');
    expect(marks.map((f: any) => first.current.text.slice(f.where.span[0], f.where.span[1]))).toContain('06');
    expect(marks[0].severity).toBe('warning');
    expect(marks[0].message).toMatch(/cập nhật theo kỳ này/);
    expect(imported.import.marks).toBeGreaterThan(5);
  });
});

describe('POST /api/drafts/import: a report built by hand in Word', () => {
  it('reads the header in a table, the signature table, sections and sub-sections by their numbers', async () => {
    ctx = await testApp();
    const res = await upload(ctx, await wordReport());
    expect(res.status).toBe(201);
    const d = (await res.json()) as any;
    expect(d.brief.header).toMatchObject({
      parentOrg: WORD_REPORT.parentOrg,
      org: WORD_REPORT.org,
      number: '215',
      symbol: 'BC-SCT',
      place: 'Hà Tĩnh',
      date: '2026-10-28',
      subject: WORD_REPORT.subject,
      recipients: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
    });
    expect(d.brief.signer).toEqual({ lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Trần Văn Bình' });
    expect(d.brief.copies).toEqual(['Như trên', 'Giám đốc Sở']);
    expect(d.brief.archive).toBe('VT, QLTM');
    const texts = (key: string) => d.sections.find((s: any) => s.key === key).paragraphs.map((p: any) => p.current.text);
    expect(texts('mo-dau')).toEqual([WORD_REPORT.opening]);
    expect(texts('ket-qua')).toEqual([WORD_REPORT.retail, WORD_REPORT.market, WORD_REPORT.exports]);
    expect(d.sections.find((s: any) => s.key === 'ket-qua').parts).toEqual(['Thương mại nội địa', 'Xuất, nhập khẩu']);
    expect(texts('phuong-huong')).toEqual(WORD_REPORT.tasks);
    expect(texts('ket-thuc')).toEqual([WORD_REPORT.closing]);
    expect(bodyTexts(d)).toContain('I. TÌNH HÌNH HOẠT ĐỘNG THƯƠNG MẠI');
    expect(bodyTexts(d)).toContain('II. NHIỆM VỤ THÁNG 11');
    // Figures, amounts and periods of last month are marked where they stand.
    const retail = d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0].current;
    const marked = retail.findings.map((f: any) => retail.text.slice(f.where.span[0], f.where.span[1]));
    expect(marked).toEqual(expect.arrayContaining(['tháng 10', '5.230 tỷ', '12,5']));
  });

  it('reads headings and dashes that Word’s automatic numbering prints', async () => {
    ctx = await testApp();
    const typed = (await (await upload(ctx, await wordReport())).json()) as any;
    const res = await upload(ctx, await wordReportAutoNumbered());
    expect(res.status).toBe(201);
    const auto = (await res.json()) as any;
    expect(bodyTexts(auto)).toEqual(bodyTexts(typed));
    expect(auto.brief.sections).toEqual(typed.brief.sections);
  });

  it('reads a công văn whose header is laid out with tabs, its name over two lines, Kính gửi as a list', async () => {
    ctx = await testApp();
    const res = await upload(ctx, await wordCongVanTabbed(), '?nextPeriod=1');
    expect(res.status).toBe(201);
    const d = (await res.json()) as any;
    expect(d.templateId).toBe('cong-van');
    expect(d.brief.header).toMatchObject({
      parentOrg: '',
      org: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN',
      number: '',
      symbol: 'UBND',
      place: 'Đông Sơn',
      // The report on quý IV is due three months after the one on quý III.
      date: '2027-02',
      subject: 'báo cáo tình hình quý IV năm 2026',
      recipients: ['Ủy ban nhân dân huyện Đông Sơn', 'Phòng Tài chính - Kế hoạch huyện'],
    });
    expect(d.document.header.subject).toBe('V/v báo cáo tình hình quý IV năm 2026');
    expect(d.brief.signer).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Văn An' });
    expect(bodyTexts(d)).toEqual([
      'Ủy ban nhân dân xã Đông Sơn báo cáo tình hình quý III năm 2026 như sau:',
      'Thu ngân sách đạt 1.250 triệu đồng, bằng 85% dự toán.',
      'Đề nghị Ủy ban nhân dân huyện hỗ trợ kinh phí sửa đường.',
      'Ủy ban nhân dân xã Đông Sơn kính báo cáo./.',
    ]);
  });

  it('proposes next period: the trích yếu and date move on, the số is cleared, the day left blank', async () => {
    ctx = await testApp();
    const res = await upload(ctx, await wordReport(), '?nextPeriod=1');
    expect(res.status).toBe(201);
    const d = (await res.json()) as any;
    expect(d.brief.header.subject).toBe('Tình hình hoạt động thương mại tháng 11 năm 2026');
    expect(d.brief.header.date).toBe('2026-11');
    expect(d.brief.header.number).toBe('');
    expect(d.document.header.numberLine).toMatch(/^Số:\s+\/BC-SCT$/);
    expect(d.import.nextPeriod.changes).toEqual([{ from: 'tháng 10 năm 2026', to: 'tháng 11 năm 2026' }]);
    expect(d.title).toContain('tháng 11 năm 2026');
  });
});

describe('marks for update after the import', () => {
  it('survive a check, are listed by it, and leave a paragraph once staff rewrite it', async () => {
    ctx = await testApp();
    const d = (await (await upload(ctx, await wordReport())).json()) as any;
    const retail = d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    const { findings } = (await (await ctx.request(`/api/drafts/${d.id}/check`, { method: 'POST' })).json()) as any;
    const marks = findings.filter((f: any) => f.rule === 'import.figure-to-update');
    expect(marks.length).toBe(d.import.marks);
    const after = withTexts(await (await ctx.request(`/api/drafts/${d.id}`)).json());
    const kept = after.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0].current.findings;
    expect(kept.filter((f: any) => f.rule === 'import.figure-to-update').length).toBeGreaterThan(0);

    const text = 'Tổng mức bán lẻ hàng hóa tháng 11 ước đạt 5.410 tỷ đồng, tăng 13,1% so với cùng kỳ năm trước.';
    const edited = (await (await ctx.request(`/api/drafts/${d.id}/paragraphs/${retail.id}`, { method: 'PUT', json: { text } })).json()) as any;
    expect(edited.findings.filter((f: any) => f.rule === 'import.figure-to-update')).toEqual([]);
  });
});

describe('POST /api/drafts/import: bad files', () => {
  it('refuses a file that is not a .docx, in Vietnamese, and creates nothing', async () => {
    ctx = await testApp();
    const res = await upload(ctx, new TextEncoder().encode('không phải tệp Word'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.message).toMatch(/không phải văn bản Word/);
    expect(((await (await ctx.request('/api/drafts')).json()) as any).drafts).toEqual([]);
  });

  it('refuses an empty body and a body sent as JSON', async () => {
    ctx = await testApp();
    expect((await upload(ctx, new Uint8Array())).status).toBe(422);
    const res = await upload(ctx, await wordReport(), '', 'application/json');
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.message).toMatch(/Chỉ nhập được tệp Word/);
  });

  it('names the document type soanthao does not draft', async () => {
    ctx = await testApp();
    const body = [para('QUYẾT ĐỊNH', '<w:b/>', '<w:jc w:val="center"/>'), para('Về việc thành lập tổ công tác', '<w:b/>', '<w:jc w:val="center"/>'), para('Điều 1. Thành lập tổ công tác.')].join('');
    const res = await upload(ctx, await rawDocx({ body }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.message).toMatch(/quyết định; soanthao chỉ soạn báo cáo/);
  });

  it('takes a signer’s name typed in capitals for the name, not for a title', async () => {
    ctx = await testApp();
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await wordCongVanTabbed());
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('>Lê Văn An<', '>LÊ VĂN AN<'));
    const d = (await (await upload(ctx, await zip.generateAsync({ type: 'uint8array' }))).json()) as any;
    expect(d.brief.signer).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'LÊ VĂN AN' });
  });

  it('imports a document whose header it cannot read, and says what to fill in', async () => {
    ctx = await testApp();
    const body = [para('Kính gửi: Ủy ban nhân dân xã'), para('Mở đầu văn bản.'), para('I. KẾT QUẢ THỰC HIỆN'), para('Đã làm 3 việc.'), para('Trên đây là báo cáo./.')].join('');
    const res = await upload(ctx, await rawDocx({ body }));
    expect(res.status).toBe(201);
    const d = (await res.json()) as any;
    expect(d.import.notes.join('\n')).toMatch(/Không đọc được tên cơ quan ban hành/);
    expect(d.import.notes.join('\n')).toMatch(/Không nhận ra loại văn bản/);
    expect(d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0].current.text).toBe('Đã làm 3 việc.');
  });
});
