import { afterEach, describe, expect, it } from 'vitest';
import { llmApp } from '../helpers/llm-app.js';
import { answerByHeading, requestedHeading } from '../helpers/model-answers.js';
import { promptText } from '../helpers/fake-openai.js';
import { rawBrief } from '../helpers/fixtures.js';
import { withTexts } from '../helpers/draft-detail.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
afterEach(async () => ctx?.close());

async function draftAll(brief = rawBrief()) {
  ctx = await llmApp(answerByHeading(brief));
  const id = ((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any).id as string;
  await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' });
  return id;
}

const promptFor = (heading: string) => promptText(ctx.fake.requests.find((r) => requestedHeading(r) === heading)!);

describe('the prompt a real model gets', () => {
  it('tells the neighbouring sections by their facts while the whole document is drafted', async () => {
    await draftAll();
    const prompt = promptFor('KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI');
    expect(prompt).toContain('Ý LIỆU CỦA PHẦN ĐỨNG TRƯỚC MỤC NÀY');
    expect(prompt).toContain('- năm 2021 có 4 SP OCOP đạt 3 sao trở lên');
    expect(prompt).toContain('- gửi Sở Công Thương tổng hợp, báo cáo UBND tỉnh và Bộ Công Thương');
    expect(prompt).not.toContain('(không có)');
  });

  it('tells them by the paragraphs next to it when one section is drafted again', async () => {
    const id = await draftAll();
    ctx.fake.requests.length = 0;
    await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' });
    const prompt = promptText(ctx.fake.requests[0]!);
    const detail = withTexts(await (await ctx.request(`/api/drafts/${id}`)).json());
    const before = detail.document.body.filter((b: any) => b.kind === 'paragraph' && b.section === 'ket-qua').map((b: any) => b.text as string);
    expect(before.length).toBeGreaterThan(1);
    expect(prompt).toContain('ĐOẠN GẦN NHẤT CỦA PHẦN ĐỨNG TRƯỚC MỤC NÀY');
    expect(prompt).toContain(before.at(-1));
    // Only the paragraph next to it: the rest of the section before costs tokens and adds nothing.
    expect(prompt).not.toContain(before[0]);
  });

  it('gives the brief abbreviations with their meanings, an example of the type, the date and cơ quan as printed', async () => {
    await draftAll();
    const prompt = promptFor('KẾT QUẢ THỰC HIỆN');
    expect(prompt).toContain('- UBND: Ủy ban nhân dân');
    expect(prompt).toContain('- SXKD: sản xuất, kinh doanh');
    expect(prompt).toMatch(/VĂN MẪU[^\n]*\n\S/u);
    expect(prompt).toContain('Nghi Xuân, ngày ... tháng 12 năm 2021');
    expect(prompt).toContain('Cơ quan ban hành (cách gọi trong câu văn): Ủy ban nhân dân huyện Nghi Xuân');
  });

  it('puts what every section of a document shares first, so a server can cache the prefix', async () => {
    await draftAll();
    const users = ctx.fake.requests.map((r) => r.body.messages[1].content as string);
    const shared = users.map((u) => u.slice(0, u.indexOf('VĂN MẪU')));
    expect(new Set(shared).size).toBe(1);
    expect(new Set(ctx.fake.requests.map((r) => r.body.messages[0].content)).size).toBe(1);
  });
});
