import { afterEach, describe, expect, it } from 'vitest';
import { llmApp } from '../helpers/llm-app.js';
import { goodSectionJson } from '../helpers/model-answers.js';
import { rawBrief } from '../helpers/fixtures.js';
import { promptText } from '../helpers/fake-openai.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
afterEach(async () => ctx?.close());

const good = () => goodSectionJson(rawBrief(), 'phuong-huong');
const items = (...texts: string[]) => JSON.stringify({ parts: [{ items: texts }] });

async function draft(key = 'phuong-huong') {
  const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id as string;
  const outcome = (await (await ctx.request(`/api/drafts/${id}/sections/${key}/draft`, { method: 'POST' })).json()) as any;
  const detail = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
  return { id, outcome, section: detail.sections.find((s: any) => s.key === key) };
}

describe('faults bounded by our own clock', () => {
  it('does not sleep through a Retry-After of an hour: it stops at once and says when to try again', async () => {
    ctx = await llmApp([{ kind: 'error', status: 429, headers: { 'retry-after': '3600' } }], { retries: 3, timeoutMs: 5_000 });
    const { outcome } = await draft();
    expect(outcome.ok).toBe(false);
    expect(outcome.error.code).toBe('provider_rate_limited');
    expect(outcome.error.message).toContain('Hãy thử lại sau 01 giờ');
    expect(ctx.fake.requests).toHaveLength(1);
  });

  it('creates the client with no retries of its own: a 500 is asked again only as often as SOANTHAO_RETRIES says', async () => {
    ctx = await llmApp([{ kind: 'error', status: 500, headers: { 'retry-after-ms': '1' } }], { retries: 2 });
    const { outcome } = await draft();
    expect(outcome.error.code).toBe('provider_failed');
    expect(ctx.fake.requests).toHaveLength(3);
    expect(ctx.fake.requests.every((r) => r.headers['x-stainless-retry-count'] === '0')).toBe(true);
  });
});

describe('output the server can enforce', () => {
  it('asks for max_tokens from the template length, and the exact number of parts', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good() }]);
    await draft();
    const body = ctx.fake.requests[0]!.body;
    expect(body.max_tokens).toBeGreaterThan(1000);
    const parts = body.response_format.json_schema.schema.properties.parts;
    expect([parts.minItems, parts.maxItems]).toEqual([1, 1]);
    expect(parts.items.properties.items.maxItems).toBe(15);
    expect(promptText(ctx.fake.requests[0]!)).toContain('mỗi đoạn không quá 2000 ký tự');
  });

  it('names an answer cut at max_tokens, asks once more for a shorter one, and keeps that', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good().slice(0, 80), finishReason: 'length' }, { kind: 'stream', content: good() }]);
    const { outcome } = await draft();
    expect(outcome).toMatchObject({ ok: true, findings: [] });
    const repair = ctx.fake.requests[1]!.body.messages.at(-1).content;
    expect(repair).toContain('finish_reason: length');
    expect(repair).toContain('ngắn gọn hơn');
  });

  it('fails a section cut twice with a finding that says it was cut, keeping what was there', async () => {
    ctx = await llmApp([{ kind: 'stream', content: good().slice(0, 80), finishReason: 'length' }]);
    const { outcome, section } = await draft();
    expect(outcome.ok).toBe(false);
    expect(outcome.error.code).toBe('provider_truncated');
    expect(outcome.findings.map((f: any) => f.rule)).toEqual(['provider.truncated']);
    expect(section.findings.map((f: any) => f.rule)).toEqual(['provider.truncated']);
    expect(section.paragraphs).toEqual([]);
  });
});

describe('findings about the answer itself', () => {
  it('flags English prose, without asking again', async () => {
    const english = 'The district will continue to inspect the market and handle violations in production and business.';
    ctx = await llmApp([{ kind: 'stream', content: items(english, 'Tiếp tục cho hộ sản xuất, kinh doanh ký cam kết không vi phạm pháp luật.') }]);
    const { id, section } = await draft();
    expect(ctx.fake.requests).toHaveLength(1);
    expect(section.paragraphs[0].current.findings.map((f: any) => f.rule)).toContain('text.english-prose');
    expect(section.paragraphs[1].current.findings.map((f: any) => f.rule)).not.toContain('text.english-prose');
    // The check before export finds it again: it is about the text, not about how it was written.
    const { findings } = (await (await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' })).json()) as any;
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'text.english-prose', where: { section: 'phuong-huong', paragraph: 0 } }));
  });

  it('flags a paragraph longer than the template allows', async () => {
    const long = Array.from({ length: 40 }, () => 'Tăng cường kiểm tra, kiểm soát thị trường, xử lý vi phạm trong sản xuất, kinh doanh').join('; ');
    ctx = await llmApp([{ kind: 'stream', content: items(long) }]);
    const { section } = await draft();
    expect(section.paragraphs[0].current.findings).toContainEqual(
      expect.objectContaining({ rule: 'structure.paragraph-too-long', severity: 'warning', message: expect.stringContaining('quá giới hạn 2000 ký tự') }),
    );
  });
});
