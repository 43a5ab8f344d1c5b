import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

async function drafted() {
  const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any;
  await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' });
  return id as string;
}

const json = async (res: Response) => (await res.json()) as any;

describe('changing, copying and checking a draft', () => {
  it('takes new facts without touching the paragraphs, and refuses another document type', async () => {
    ctx = await testApp();
    const id = await drafted();
    const brief = rawBrief();
    brief.sections[2].facts.push('tổ chức 03 lớp tập huấn cho hộ kinh doanh');
    const res = await ctx.request(`/api/drafts/${id}/brief`, { method: 'PUT', json: { brief } });
    expect(res.status).toBe(200);
    const d = await json(res);
    const s = d.sections.find((x: any) => x.key === 'phuong-huong');
    expect(s.facts).toHaveLength(5);
    expect(s.paragraphs).toHaveLength(4);
    brief.template = 'to-trinh';
    const refused = await ctx.request(`/api/drafts/${id}/brief`, { method: 'PUT', json: { brief } });
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.message).toContain('Không đổi được loại văn bản');
    brief.template = 'bao-cao';
    brief.header.date = '2021-02-30';
    expect((await json(await ctx.request(`/api/drafts/${id}/brief`, { method: 'PUT', json: { brief } }))).error.issues[0].field).toBe('header.date');
  });

  it('withdraws a section the brief no longer has, keeping its revisions', async () => {
    ctx = await testApp();
    const id = await drafted();
    const brief = rawBrief();
    brief.sections = brief.sections.filter((s: any) => s.key !== 'phuong-huong');
    const d = await json(await ctx.request(`/api/drafts/${id}/brief`, { method: 'PUT', json: { brief } }));
    expect(d.document.body.some((b: any) => b.section === 'phuong-huong')).toBe(false);
    const p = d.sections.find((s: any) => s.key === 'phuong-huong').paragraphs[0];
    const { revisions } = await json(await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/revisions`));
    expect(revisions.map((r: any) => r.text === '')).toEqual([false, true]);
  });

  it('duplicates a draft with its current texts, leaving the original alone', async () => {
    ctx = await testApp();
    const id = await drafted();
    const original = await json(await ctx.request(`/api/drafts/${id}`));
    const p = original.sections[1].paragraphs[0];
    await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: 'Ủy ban nhân dân huyện ban hành 06 văn bản.' } });
    const res = await ctx.request(`/api/drafts/${id}/duplicate`, { method: 'POST', json: { title: 'Báo cáo tháng sau' } });
    expect(res.status).toBe(201);
    const copy = await json(res);
    expect(copy.id).not.toBe(id);
    expect(copy.title).toBe('Báo cáo tháng sau');
    const copied = copy.sections[1].paragraphs[0];
    expect(copied.current).toMatchObject({ text: 'Ủy ban nhân dân huyện ban hành 06 văn bản.', author: 'staff', seq: 1 });
    expect(copied.id).not.toBe(p.id);
    await ctx.request(`/api/drafts/${copy.id}/paragraphs/${copied.id}`, { method: 'PUT', json: { text: 'Bản mới.' } });
    expect((await json(await ctx.request(`/api/drafts/${id}`))).sections[1].paragraphs[0].current.text).toBe('Ủy ban nhân dân huyện ban hành 06 văn bản.');
  });

  it('checks the exported draft against Nghị định 30, and any uploaded .docx', async () => {
    ctx = await testApp();
    const id = await drafted();
    const { findings, documentType } = await json(await ctx.request(`/api/drafts/${id}/nd30`));
    expect(documentType).toBe('bao-cao');
    expect(findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    const docx = new Uint8Array(await (await ctx.request(`/api/drafts/${id}/export.docx`)).arrayBuffer());
    const uploaded = await ctx.app.request('/api/nd30/check', { method: 'POST', body: docx, headers: { 'Content-Type': 'application/octet-stream' } });
    expect((await json(uploaded)).documentType).toBe('bao-cao');
    const notWord = await ctx.app.request('/api/nd30/check', { method: 'POST', body: 'không phải tệp Word', headers: { 'Content-Type': 'application/octet-stream' } });
    expect(notWord.status).toBe(422);
    expect((await json(notWord)).error.message).toMatch(/[À-ỹ]/u);
  });
});
