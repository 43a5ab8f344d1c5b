import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import type { Provider } from '../../server/provider/types.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import { DraftError } from '../../server/errors.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

async function createAndDraft(brief: unknown = rawBrief()) {
  const created = await ctx.request('/api/drafts', { method: 'POST', json: { brief } });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const drafted = await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' });
  expect(drafted.status).toBe(200);
  return { id, result: (await drafted.json()) as { sections: { section: string; ok: boolean }[] } };
}

async function detail(id: string) {
  return (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
}

describe('HTTP API', () => {
  it('answers health with the provider in use and serves the brief JSON Schema', async () => {
    ctx = await testApp();
    const health = await (await ctx.request('/api/health')).json();
    expect(health).toMatchObject({ ok: true, provider: { name: 'offline', model: null } });
    const schema = (await (await ctx.request('/api/schema/brief.json')).json()) as any;
    expect(schema.properties.header.properties.date).toBeDefined();
  });

  it('creates a draft from a brief, drafts every section and lists it', async () => {
    ctx = await testApp();
    const { id, result } = await createAndDraft();
    expect(result.sections.map((s) => s.section)).toEqual(['mo-dau', 'ket-qua', 'phuong-huong', 'ket-thuc']);
    expect(result.sections.every((s) => s.ok)).toBe(true);
    const d = await detail(id);
    expect(d.template).toEqual({ id: 'bao-cao', name: 'Báo cáo' });
    const ketQua = d.sections.find((s: any) => s.key === 'ket-qua');
    expect(ketQua.heading).toBe('I. KẾT QUẢ THỰC HIỆN');
    expect(ketQua.label).toBe('KẾT QUẢ THỰC HIỆN');
    expect(d.sections[0].label).toBe('Phần mở đầu');
    expect(ketQua.paragraphs[0].current).toMatchObject({ author: 'offline', provider: 'offline', seq: 1 });
    expect(d.document.header.dateLine).toBe('Nghi Xuân, ngày \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 tháng 12 năm 2021');
    const list = (await (await ctx.request('/api/drafts')).json()) as any;
    expect(list.drafts.map((x: any) => x.id)).toEqual([id]);
  });

  it('drafts one section again as a new revision, leaving the others alone', async () => {
    ctx = await testApp();
    const { id } = await createAndDraft();
    const res = await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' });
    expect(await res.json()).toMatchObject({ section: 'phuong-huong', ok: true });
    const d = await detail(id);
    expect(d.sections.find((s: any) => s.key === 'phuong-huong').paragraphs[0].revisionCount).toBe(2);
    expect(d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0].revisionCount).toBe(1);
  });

  it('edits a paragraph as staff, checks it, and can go back to the earlier revision', async () => {
    ctx = await testApp();
    const { id } = await createAndDraft();
    const p = (await detail(id)).sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    const edited = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, {
      method: 'PUT',
      json: { text: 'Ủy ban nhân dân huyện ban hành 07 văn bản.' },
    });
    expect(edited.status).toBe(200);
    const revision = (await edited.json()) as any;
    expect(revision).toMatchObject({ author: 'staff', seq: 2 });
    expect(revision.findings.map((f: any) => f.rule)).toContain('grounding.invented-figure');
    const revisions = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/revisions`)).json()) as any;
    expect(revisions.revisions.map((r: any) => r.seq)).toEqual([1, 2]);
    const back = await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/current`, { method: 'POST', json: { revisionId: revisions.revisions[0].id } });
    expect(back.status).toBe(200);
    const now = (await detail(id)).sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    expect(now.current.text).toBe(p.current.text);
    expect(now.revisionCount).toBe(2);
  });

  it('runs the checks and reports a missing required section', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.sections = brief.sections.filter((s: any) => s.key !== 'ket-qua');
    const { id } = await createAndDraft(brief);
    const { findings } = (await (await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' })).json()) as any;
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'structure.missing-section', where: { section: 'ket-qua' } }));
  });

  it('exports a .docx with a Vietnamese file name', async () => {
    ctx = await testApp();
    const { id } = await createAndDraft();
    const res = await ctx.request(`/api/drafts/${id}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('bc-ubnd-kết-quả-thực-hiện-chương-trình-sản-xuất-tiêu-dùng-bền-vững-năm-2021.docx')}`);
    expect(disposition).toContain('filename="bc-ubnd-ket-qua-thuc-hien-chuong-trinh-san-xuat-tieu-dung-ben-vung-nam-2021.docx"');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả một số nhiệm vụ cụ thể như sau:');
  });

  it('renames and deletes a draft', async () => {
    ctx = await testApp();
    const { id } = await createAndDraft();
    expect(((await (await ctx.request(`/api/drafts/${id}`, { method: 'PATCH', json: { title: 'Báo cáo tháng 12' } })).json()) as any).title).toBe('Báo cáo tháng 12');
    expect((await ctx.request(`/api/drafts/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await ctx.request(`/api/drafts/${id}`)).status).toBe(404);
  });
});

describe('HTTP API: bad input', () => {
  async function rejected(res: Response, status: number) {
    expect(res.status).toBe(status);
    const body = (await res.json()) as any;
    expect(body.error.message).toMatch(/[À-ỹ]/u);
    return body.error as { code: string; message: string; issues: { field: string; message: string }[] };
  }

  it('broken JSON', async () => {
    ctx = await testApp();
    const error = await rejected(await ctx.request('/api/drafts', { method: 'POST', body: '{"brief": {' }), 422);
    expect(error.message).toMatch(/JSON/);
  });

  it('an unknown template', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.template = 'quyet-dinh';
    const error = await rejected(await ctx.request('/api/drafts', { method: 'POST', json: { brief } }), 422);
    expect(error.issues[0]!.field).toBe('template');
  });

  it('a section key the template lacks, and a section with no facts', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.sections.push({ key: 'dieu-khoan', facts: ['x'] });
    brief.sections[2].facts = [];
    const error = await rejected(await ctx.request('/api/drafts', { method: 'POST', json: { brief } }), 422);
    expect(error.issues.map((i) => i.field)).toEqual(['sections.2.facts', 'sections.4.key']);
  });

  it('an empty fact, a fact of 1 MB, a date like 2021-13-40, a ký hiệu with spaces', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.sections[0].facts[0] = '';
    brief.sections[2].facts[1] = 'a'.repeat(1024 * 1024);
    brief.header.date = '2021-13-40';
    brief.header.symbol = 'BC UBND';
    const error = await rejected(await ctx.request('/api/drafts', { method: 'POST', json: { brief } }), 422);
    expect(error.issues.map((i) => i.field).sort()).toEqual(['header.date', 'header.symbol', 'sections.0.facts.0', 'sections.2.facts.1']);
    expect((await (await ctx.request('/api/drafts')).json()) as any).toEqual({ drafts: [], nextCursor: null });
  });

  it('a body over the size limit, and the server keeps serving', async () => {
    ctx = await testApp(undefined, { maxBodyBytes: 64 * 1024 });
    const brief = rawBrief();
    brief.sections[2].facts = Array.from({ length: 50 }, () => 'x'.repeat(1900));
    const error = await rejected(await ctx.request('/api/drafts', { method: 'POST', json: { brief } }), 413);
    expect(error.code).toBe('too_large');
    expect((await ctx.request('/api/health')).status).toBe(200);
  });

  it('an empty paragraph edit, an unknown paragraph, an unknown draft', async () => {
    ctx = await testApp();
    const { id } = await createAndDraft();
    const p = (await detail(id)).sections[1].paragraphs[0];
    await rejected(await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: '   ' } }), 422);
    await rejected(await ctx.request(`/api/drafts/${id}/paragraphs/99999`, { method: 'PUT', json: { text: 'x' } }), 404);
    await rejected(await ctx.request('/api/drafts/khong-co', {}), 404);
    await rejected(await ctx.request(`/api/drafts/${id}/sections/khong-co/draft`, { method: 'POST' }), 422);
  });

  it('a failed redraft leaves the previous revision current', async () => {
    let fail = false;
    const offline = new OfflineProvider();
    const flaky: Provider = {
      name: 'flaky',
      model: null,
      writeSection: (ask) => (fail ? Promise.reject(new DraftError('provider_failed', 'Máy chủ mô hình lỗi')) : offline.writeSection(ask)),
      rewriteParagraph: (ask) => offline.rewriteParagraph(ask),
    };
    ctx = await testApp(flaky);
    const { id } = await createAndDraft();
    const before = (await detail(id)).sections.find((s: any) => s.key === 'ket-qua').paragraphs;
    fail = true;
    const res = await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' });
    const body = (await res.json()) as any;
    expect(body.sections.every((s: any) => !s.ok && s.error.message === 'Máy chủ mô hình lỗi')).toBe(true);
    const after = (await detail(id)).sections.find((s: any) => s.key === 'ket-qua').paragraphs;
    expect(after).toEqual(before);
  });
});
