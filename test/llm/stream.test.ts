import { afterEach, describe, expect, it } from 'vitest';
import { llmApp } from '../helpers/llm-app.js';
import { answerByHeading, goodSectionJson } from '../helpers/model-answers.js';
import { readSse, serveApp, type SseEvent } from '../helpers/serve.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
let server: Awaited<ReturnType<typeof serveApp>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await ctx?.close();
});

async function createDraft(url: string) {
  const res = await fetch(`${url}/api/drafts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ brief: rawBrief() }) });
  return ((await res.json()) as { id: string }).id;
}

describe('streaming over SSE', () => {
  it('streams a whole document: each section starts, its text arrives, it ends with its findings', async () => {
    ctx = await llmApp(answerByHeading(rawBrief()));
    server = await serveApp(ctx.app);
    const id = await createDraft(server.url);
    const res = await fetch(`${server.url}/api/drafts/${id}/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events: SseEvent[] = [];
    for await (const e of readSse(res)) events.push(e);
    const kinds = (section: string) => events.filter((e) => e.data?.section === section).map((e) => e.event);
    for (const key of ['mo-dau', 'ket-qua', 'phuong-huong', 'ket-thuc']) {
      expect(kinds(key)[0]).toBe('section-start');
      expect(kinds(key)).toContain('text');
      expect(kinds(key).at(-1)).toBe('section-done');
    }
    const text = events.filter((e) => e.event === 'text' && e.data.section === 'phuong-huong').map((e) => e.data.delta).join('');
    expect(text).toContain('Tăng cường kiểm tra, kiểm soát thị trường');
    expect(text).not.toContain('"parts"');
    expect(events.at(-1)!.event).toBe('done');
    expect(events.at(-1)!.data.sections.every((s: any) => s.ok)).toBe(true);
  });

  it('sends an error event for a failing section and keeps streaming the others', async () => {
    ctx = await llmApp(answerByHeading(rawBrief(), (key) => (key === 'ket-qua' ? { kind: 'error', status: 500 } : undefined)));
    server = await serveApp(ctx.app);
    const id = await createDraft(server.url);
    const res = await fetch(`${server.url}/api/drafts/${id}/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
    const events: SseEvent[] = [];
    for await (const e of readSse(res)) events.push(e);
    const error = events.find((e) => e.event === 'error')!;
    expect(error.data).toMatchObject({ section: 'ket-qua', code: 'provider_failed' });
    expect(error.data.message).toContain('gặp lỗi (500)');
    expect(events.some((e) => e.event === 'section-done' && e.data.section === 'phuong-huong')).toBe(true);
  });

  it('tells the page when it throws streamed text away to ask again', async () => {
    const brief = rawBrief();
    let asked = 0;
    ctx = await llmApp(() => (asked++ === 0 ? { kind: 'stream', content: 'Không phải JSON.' } : { kind: 'stream', content: goodSectionJson(brief, 'phuong-huong') }));
    server = await serveApp(ctx.app);
    const id = await createDraft(server.url);
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
    const events: SseEvent[] = [];
    for await (const e of readSse(res)) events.push(e);
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['section-start', 'text', 'retry', 'section-done', 'done']));
    expect(events.find((e) => e.event === 'retry')!.data.reason).toContain('không phải JSON');
  });

  it('aborts the request to the model when the client disconnects, and stores nothing', async () => {
    const brief = rawBrief();
    ctx = await llmApp([{ kind: 'stream', content: goodSectionJson(brief, 'phuong-huong'), chunkSize: 8, delayMs: 100 }]);
    server = await serveApp(ctx.app);
    const id = await createDraft(server.url);
    const client = new AbortController();
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/phuong-huong/draft`, {
      method: 'POST',
      headers: { Accept: 'text/event-stream' },
      signal: client.signal,
    });
    for await (const e of readSse(res)) {
      if (e.event === 'text') break;
    }
    client.abort();
    const upstream = await ctx.fake.waitForAbort();
    expect(upstream.body.model).toBe('fake-section-model');
    const d = (await (await fetch(`${server.url}/api/drafts/${id}`)).json()) as any;
    expect(d.sections.find((s: any) => s.key === 'phuong-huong').paragraphs).toEqual([]);
  });

  it('drafts the sections of a document concurrently', async () => {
    const brief = rawBrief();
    let inFlight = 0;
    let most = 0;
    ctx = await llmApp((request) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => (inFlight -= 1), 300);
      return answerByHeading(brief)(request);
    });
    const res = await ctx.request(`/api/drafts/${((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any).id}/draft`, { method: 'POST' });
    expect(((await res.json()) as any).sections.every((s: any) => s.ok)).toBe(true);
    expect(ctx.fake.requests).toHaveLength(4);
    expect(most).toBe(4);
  });
});
