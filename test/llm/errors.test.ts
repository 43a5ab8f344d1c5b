import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { llmApp } from '../helpers/llm-app.js';
import { goodSectionJson } from '../helpers/model-answers.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
afterEach(async () => ctx?.close());

const good = () => goodSectionJson(rawBrief(), 'phuong-huong');

async function draftedOnce() {
  const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id as string;
  const first = (await (await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).json()) as any;
  expect(first.ok).toBe(true);
  return id;
}

async function paragraphs(id: string) {
  const d = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
  return d.sections.find((s: any) => s.key === 'phuong-huong').paragraphs;
}

/** Drafts the section again after the script changed; asserts nothing half-written was stored. */
async function failedRedraft(id: string) {
  const before = await paragraphs(id);
  const outcome = (await (await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).json()) as any;
  expect(outcome.ok).toBe(false);
  expect(await paragraphs(id)).toEqual(before);
  return outcome.error as { code: string; message: string };
}

describe('model server errors', () => {
  it('waits out a 429 with Retry-After and then succeeds', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }], { retries: 2 });
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'error', status: 429, headers: { 'retry-after': '0' } }, { kind: 'stream', content: good() }]);
    ctx.fake.requests.length = 0;
    const outcome = (await (await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).json()) as any;
    expect(outcome.ok).toBe(true);
    expect(ctx.fake.requests).toHaveLength(2);
    expect((await paragraphs(id))[0].revisionCount).toBe(2);
  });

  it('says the server is overloaded when 429 persists', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }]);
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'error', status: 429, headers: { 'retry-after': '30' } }]);
    const error = await failedRedraft(id);
    expect(error.code).toBe('provider_rate_limited');
    expect(error.message).toContain('quá tải (429)');
    expect(error.message).toContain('chờ 30 giây');
    expect(error.message).toContain('Văn bản trước đó được giữ nguyên');
  });

  it('gives up on a 500 every time after the configured retries', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }], { retries: 1 });
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'error', status: 500, headers: { 'retry-after-ms': '1' } }]);
    ctx.fake.requests.length = 0;
    const error = await failedRedraft(id);
    expect(ctx.fake.requests).toHaveLength(2);
    expect(error).toMatchObject({ code: 'provider_failed' });
    expect(error.message).toContain('gặp lỗi (500)');
  });

  it('times out on a server that never answers', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }], { timeoutMs: 1_000 });
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'hang' }]);
    const error = await failedRedraft(id);
    expect(error.code).toBe('provider_timeout');
    expect(error.message).toContain('không trả lời trong 1 giây');
  });

  it('times out on a stream that stalls halfway', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }], { timeoutMs: 1_000 });
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'stream', content: good(), chunkSize: 10, delayMs: 3_000 }]);
    const error = await failedRedraft(id);
    expect(error.code).toBe('provider_timeout');
  });

  it('reports a stream cut halfway and stores nothing of it', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }]);
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'stream', content: good(), chunkSize: 20, cutAfter: 4 }]);
    const error = await failedRedraft(id);
    expect(error.code).toBe('provider_failed');
    expect(error.message).toContain('bị ngắt giữa chừng');
  });

  it('names the key on 401 and the model on 404', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }]);
    const id = await draftedOnce();
    ctx.fake.script([{ kind: 'error', status: 401, message: 'invalid api key' }]);
    expect((await failedRedraft(id)).message).toContain('OPENAI_API_KEY');
    ctx.fake.script([{ kind: 'error', status: 404, message: 'model not found' }]);
    expect((await failedRedraft(id)).message).toContain('không có mô hình "fake-section-model"');
  });

  it('says where it tried when the connection is refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    ctx = await llmApp([]);
    const { OpenAIProvider } = await import('../../server/provider/openai/provider.js');
    const { llmConfig } = await import('../helpers/llm-app.js');
    const { testApp } = await import('../helpers/app.js');
    const refused = await testApp(new OpenAIProvider(llmConfig(`http://127.0.0.1:${port}/v1`)));
    try {
      const id = ((await (await refused.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id;
      const outcome = (await (await refused.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).json()) as any;
      expect(outcome.error.code).toBe('provider_unreachable');
      expect(outcome.error.message).toContain(`http://127.0.0.1:${port}/v1`);
    } finally {
      refused.close();
    }
  });

  it('drafts without response_format when a server refuses it', async () => {
    ctx = await llmApp((request) =>
      request.body.response_format
        ? { kind: 'error', status: 400, message: "Unsupported parameter: 'response_format'" }
        : { kind: 'stream', content: good() },
    );
    await draftedOnce();
    expect(ctx.fake.requests.map((r) => Boolean(r.body.response_format))).toEqual([true, false]);
  });

  it('still names the error when the request without response_format fails too', async () => {
    ctx = await llmApp((request) =>
      request.body.response_format
        ? { kind: 'error', status: 400, message: "Unsupported parameter: 'response_format'" }
        : { kind: 'error', status: 503 },
    );
    const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id;
    const outcome = (await (await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).json()) as any;
    expect(outcome.error).toMatchObject({ code: 'provider_failed', message: expect.stringContaining('gặp lỗi (503)') });
  });
});
