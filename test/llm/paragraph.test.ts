import { afterEach, describe, expect, it, vi } from 'vitest';
import { llmApp } from '../helpers/llm-app.js';
import { goodSectionJson } from '../helpers/model-answers.js';
import { promptText } from '../helpers/fake-openai.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
afterEach(async () => ctx?.close());

const SHORTER = 'Tăng cường kiểm tra, kiểm soát thị trường và xử lý vi phạm trong sản xuất, kinh doanh.';

async function setup() {
  ctx = await llmApp([{ kind: 'stream', content: goodSectionJson(rawBrief(), 'phuong-huong') }]);
  const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id as string;
  await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' });
  const section = async () => ((await (await ctx.request(`/api/drafts/${id}`)).json()) as any).sections.find((s: any) => s.key === 'phuong-huong');
  return { id, section };
}

describe('regenerating one paragraph', () => {
  it('sends the paragraph, its neighbours, the section facts and the instruction; changes only that paragraph', async () => {
    const { id, section } = await setup();
    const before = await section();
    const target = before.paragraphs[2];
    ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: SHORTER }) }]);
    const res = await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/redraft`, { method: 'POST', json: { instruction: 'ngắn gọn hơn' } });
    expect(res.status).toBe(200);
    const revision = (await res.json()) as any;
    expect(revision).toMatchObject({ seq: 2, author: 'model', model: 'fake-paragraph-model', instruction: 'ngắn gọn hơn', promptVersion: 'rewrite-1+paragraph-4' });
    expect(revision.text).toBe(`- ${SHORTER}`);

    const request = ctx.fake.requests.at(-1)!;
    const prompt = promptText(request);
    expect(request.body.model).toBe('fake-paragraph-model');
    expect(request.body.response_format.json_schema.schema.properties.paragraph).toBeDefined();
    expect(prompt).toContain('YÊU CẦU CỦA CÁN BỘ: ngắn gọn hơn');
    expect(prompt).toContain(target.current.text);
    // A dash item is one sentence: the neighbours are sent whole.
    expect(prompt).toContain(before.paragraphs[1].current.text);
    expect(prompt).toContain(before.paragraphs[3].current.text);
    expect(prompt).toContain('tăng cường kiểm tra, kiểm soát thị trường, xử lý vi phạm trong SXKD');

    const after = await section();
    expect(after.paragraphs.map((p: any) => p.current.text)).toEqual(
      before.paragraphs.map((p: any, i: number) => (i === 2 ? `- ${SHORTER}` : p.current.text)),
    );
    expect(after.paragraphs.map((p: any) => p.revisionCount)).toEqual([1, 1, 2, 1]);
  });

  it('keeps earlier revisions navigable and any can be made current again', async () => {
    const { id, section } = await setup();
    const target = (await section()).paragraphs[2];
    for (const text of [SHORTER, 'Tăng cường kiểm tra, kiểm soát thị trường; xử lý nghiêm vi phạm trong sản xuất, kinh doanh.']) {
      ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: text }) }]);
      await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/redraft`, { method: 'POST', json: {} });
    }
    const { revisions } = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/revisions`)).json()) as any;
    expect(revisions.map((r: any) => r.seq)).toEqual([1, 2, 3]);
    await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/current`, { method: 'POST', json: { revisionId: revisions[0].id } });
    const now = (await section()).paragraphs[2];
    expect(now.current.text).toBe(target.current.text);
    expect(now.revisionCount).toBe(3);
  });

  it('asks again when the new paragraph invents a figure, and takes the corrected answer', async () => {
    ctx = await llmApp([{ kind: 'stream', content: goodSectionJson(rawBrief(), 'ket-qua') }]);
    const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id as string;
    await ctx.request(`/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST' });
    const ketQua = ((await (await ctx.request(`/api/drafts/${id}`)).json()) as any).sections.find((s: any) => s.key === 'ket-qua');
    const target = ketQua.paragraphs.find((p: any) => p.current.text.includes('29 đĩa'));
    ctx.fake.script([
      { kind: 'stream', content: JSON.stringify({ paragraph: target.current.text.replace('29 đĩa', '39 đĩa') }) },
      { kind: 'stream', content: JSON.stringify({ paragraph: target.current.text }) },
    ]);
    const revision = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/redraft`, { method: 'POST', json: { instruction: 'ngắn gọn hơn' } })).json()) as any;
    expect(ctx.fake.requests.at(-1)!.body.messages.at(-1).content).toContain('"39"');
    expect(revision.findings).toEqual([]);
    expect(revision.text).toContain('29 đĩa');
  });

  it('offers a paragraph the model returned as two as two paragraphs, never merged', async () => {
    const { id, section } = await setup();
    const target = (await section()).paragraphs[2];
    const two = 'Tăng cường kiểm tra, kiểm soát thị trường.\n\nXử lý vi phạm trong sản xuất, kinh doanh.';
    ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: two }) }]);
    const revision = (await (await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/redraft`, { method: 'POST', json: {} })).json()) as any;
    expect(revision.text).toBe('- Tăng cường kiểm tra, kiểm soát thị trường.\n\n- Xử lý vi phạm trong sản xuất, kinh doanh.');
    const printed = ((await (await ctx.request(`/api/drafts/${id}`)).json()) as any).document.body.filter((b: any) => b.paragraphId === target.id);
    expect(printed.map((b: any) => b.text)).toEqual(['- Tăng cường kiểm tra, kiểm soát thị trường.', '- Xử lý vi phạm trong sản xuất, kinh doanh.']);
  });

  it('sends a lean prompt: the facts of its own part and the neighbouring sentences, not whole paragraphs', async () => {
    ctx = await llmApp([{ kind: 'stream', content: goodSectionJson(rawBrief(), 'ket-qua') }]);
    const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id as string;
    await ctx.request(`/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST' });
    const paragraphs = ((await (await ctx.request(`/api/drafts/${id}`)).json()) as any).sections.find((s: any) => s.key === 'ket-qua').paragraphs;
    const i = paragraphs.findIndex((p: any, j: number) => j > 0 && p.part === 2 && paragraphs[j - 1].part === 2 && paragraphs[j + 1]);
    ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: paragraphs[i].current.text }) }]);
    await ctx.request(`/api/drafts/${id}/paragraphs/${paragraphs[i].id}/redraft`, { method: 'POST', json: {} });
    const prompt = promptText(ctx.fake.requests.at(-1)!);
    expect(prompt).not.toContain('Về tham mưu ban hành các văn bản');
    expect(prompt).not.toContain(paragraphs[i - 1].current.text);
    const lastSentence = paragraphs[i - 1].current.text.split(/(?<=\.) /u).at(-1);
    expect(prompt).toContain(lastSentence);
  });

  it('answers 404, not 500, when the draft is deleted while the model writes', async () => {
    const { id, section } = await setup();
    const target = (await section()).paragraphs[0];
    ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: SHORTER }), firstChunkMs: 300 }]);
    const pending = ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/redraft`, { method: 'POST', json: {} });
    // Delete once the model server has the request, while it is still writing.
    await vi.waitFor(() => expect(ctx.fake.requests).toHaveLength(2));
    expect((await ctx.request(`/api/drafts/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await pending).status).toBe(404);
  });

  it('keeps the old paragraph current when the model fails', async () => {
    const { id, section } = await setup();
    const target = (await section()).paragraphs[0];
    ctx.fake.script([{ kind: 'error', status: 500 }]);
    const res = await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}/redraft`, { method: 'POST', json: { instruction: 'ngắn gọn hơn' } });
    expect(res.status).toBe(502);
    expect(((await res.json()) as any).error.message).toContain('Văn bản trước đó được giữ nguyên');
    expect((await section()).paragraphs[0]).toEqual(target);
  });
});
