import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

async function drafted(brief: unknown = rawBrief()): Promise<string> {
  const created = await ctx.request('/api/drafts', { method: 'POST', json: { brief } });
  const { id } = (await created.json()) as { id: string };
  expect((await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
  return id;
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('reading a draft', () => {
  it('carries each paragraph and each fact once, with what the page needs to put them back', async () => {
    ctx = await testApp();
    const id = await drafted();
    const res = await ctx.request(`/api/drafts/${id}`);
    const raw = await res.text();
    const d = JSON.parse(raw);
    const paragraphs = d.sections.flatMap((s: any) => s.paragraphs);
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const p of paragraphs) expect(occurrences(raw, JSON.stringify(p.current.text))).toBe(1);
    for (const fact of rawBrief().sections[0].facts) expect(occurrences(raw, JSON.stringify(fact))).toBe(1);
    // Every paragraph block still names its paragraph, to print its text.
    const blocks = d.document.body.filter((b: any) => b.kind === 'paragraph');
    expect(blocks.map((b: any) => b.paragraphId).sort()).toEqual(paragraphs.filter((p: any) => p.current.text).map((p: any) => p.id).sort());
  });

  it('keeps the printed text of a block that printing changed: the end mark of the last paragraph', async () => {
    ctx = await testApp();
    const id = await drafted();
    const before = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    const last = before.sections.find((s: any) => s.key === 'ket-thuc').paragraphs[0];
    expect((await ctx.request(`/api/drafts/${id}/paragraphs/${last.id}`, { method: 'PUT', json: { text: 'Trên đây là báo cáo của huyện' } })).status).toBe(200);
    const d = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    const block = d.document.body.find((b: any) => b.paragraphId === last.id);
    expect(block.text).toBe('Trên đây là báo cáo của huyện./.');
  });

  it('answers 304 to a page whose copy is current, and the new draft once it changed', async () => {
    ctx = await testApp();
    const id = await drafted();
    const first = await ctx.request(`/api/drafts/${id}`);
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await ctx.request(`/api/drafts/${id}`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const d = (await first.json()) as any;
    const p = d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    expect((await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text: 'Đoạn văn đã sửa.' } })).status).toBe(200);
    const changed = await ctx.request(`/api/drafts/${id}`, { headers: { 'If-None-Match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(JSON.stringify(await changed.json())).toContain('Đoạn văn đã sửa.');
  });
});

describe('long lists', () => {
  it('pages the drafts by cursor, newest first, without briefs', async () => {
    ctx = await testApp();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief(), title: `Bản ${i}` } });
      ids.push(((await res.json()) as any).id);
    }
    const first = (await (await ctx.request('/api/drafts?limit=2')).json()) as any;
    expect(first.drafts.map((d: any) => d.title)).toEqual(['Bản 4', 'Bản 3']);
    expect(first.drafts[0]).not.toHaveProperty('brief');
    const second = (await (await ctx.request(`/api/drafts?limit=2&cursor=${first.nextCursor}`)).json()) as any;
    const third = (await (await ctx.request(`/api/drafts?limit=2&cursor=${second.nextCursor}`)).json()) as any;
    expect([...second.drafts, ...third.drafts].map((d: any) => d.title)).toEqual(['Bản 2', 'Bản 1', 'Bản 0']);
    expect(third.nextCursor).toBeNull();
    const all = (await (await ctx.request('/api/drafts')).json()) as any;
    expect(all.drafts).toHaveLength(5);
    const bad = await ctx.request('/api/drafts?limit=100000');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.issues[0]).toMatchObject({ field: 'limit', message: expect.stringContaining('từ 1 đến 500') });
    const stale = await ctx.request('/api/drafts?cursor=abc');
    expect(stale.status).toBe(422);
    expect(((await stale.json()) as any).error.message).toMatch(/Con trỏ trang/);
  });

  it("pages a paragraph's revisions, oldest first, and gives them all when no page is asked", async () => {
    ctx = await testApp();
    const id = await drafted();
    const d = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
    const p = d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    for (const text of ['Bản hai.', 'Bản ba.']) await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}`, { method: 'PUT', json: { text } });
    const page = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/revisions?limit=2`)).json()) as any;
    expect(page.revisions.map((r: any) => r.seq)).toEqual([1, 2]);
    const rest = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/revisions?limit=2&cursor=${page.nextCursor}`)).json()) as any;
    expect(rest).toMatchObject({ revisions: [{ seq: 3, text: 'Bản ba.' }], nextCursor: null });
    const all = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${p.id}/revisions`)).json()) as any;
    expect(all.revisions).toHaveLength(3);
  });
});
