import { afterEach, describe, expect, it } from 'vitest';
import { llmApp } from '../helpers/llm-app.js';
import { answerByHeading, goodSectionJson } from '../helpers/model-answers.js';
import { promptText } from '../helpers/fake-openai.js';
import { rawBrief, SEED_GLOSSARY } from '../helpers/fixtures.js';
import { saveGlossary } from '../helpers/app.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
afterEach(async () => ctx?.close());

async function newDraft(brief: unknown = rawBrief()) {
  const res = await ctx.request('/api/drafts', { method: 'POST', json: { brief } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function draftSection(id: string, key: string) {
  return (await (await ctx.request(`/api/drafts/${id}/sections/${key}/draft`, { method: 'POST' })).json()) as any;
}

async function section(id: string, key: string) {
  const d = (await (await ctx.request(`/api/drafts/${id}`)).json()) as any;
  return d.sections.find((s: any) => s.key === key);
}

const phuongHuong = (edit?: (p: string[][]) => void) => goodSectionJson(rawBrief(), 'phuong-huong', edit);

describe('drafting a section with a model', () => {
  it('stores valid structured output with provider, model, prompt version and usage', async () => {
    ctx = await llmApp([{ kind: 'stream', content: phuongHuong(), usage: { prompt: 900, completion: 210 } }]);
    const id = await newDraft();
    const outcome = await draftSection(id, 'phuong-huong');
    expect(outcome).toMatchObject({ section: 'phuong-huong', ok: true, findings: [] });
    const s = await section(id, 'phuong-huong');
    expect(s.paragraphs.map((p: any) => p.current.text)).toEqual([
      '- Tăng cường phối hợp phòng, ban, ngành, tổ chức và Ủy ban nhân dân xã, thị trấn thực hiện chương trình.',
      '- Tiếp tục tuyên truyền, hướng dẫn, phổ biến chương trình cho tổ chức, doanh nghiệp, hộ kinh doanh; là nhiệm vụ thường xuyên.',
      '- Tăng cường kiểm tra, kiểm soát thị trường, xử lý vi phạm trong sản xuất, kinh doanh.',
      '- Tiếp tục cho hộ sản xuất, kinh doanh ký cam kết không vi phạm pháp luật.',
    ]);
    const r = s.paragraphs[0].current;
    expect(r).toMatchObject({ author: 'model', provider: 'openai', model: 'fake-section-model', promptVersion: 'system-2+section-3+examples-1' });
    expect(r.usage).toMatchObject({ promptTokens: 900, completionTokens: 210 });
    expect(r.usage.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends the facts, the section purpose, the header context and a JSON Schema response_format', async () => {
    ctx = await llmApp([{ kind: 'stream', content: phuongHuong() }]);
    const id = await newDraft();
    await draftSection(id, 'phuong-huong');
    const [request] = ctx.fake.requests;
    const prompt = promptText(request!);
    expect(request!.body.model).toBe('fake-section-model');
    expect(request!.body.stream).toBe(true);
    expect(request!.body.response_format.type).toBe('json_schema');
    // A dash list has its own schema: items, which code turns into "- " lines.
    expect(request!.body.response_format.json_schema.name).toBe('section_dash_list');
    expect(request!.body.response_format.json_schema.schema.properties.parts.items.properties.items).toBeDefined();
    expect(prompt).toContain('{"parts": [{"items": ["ý 1", "ý 2"]}]}');
    expect(prompt).toContain('tiếp tục cho hộ SXKD ký cam kết không vi phạm PL');
    expect(prompt).toContain('Phương hướng, nhiệm vụ và giải pháp trong thời gian tới');
    expect(prompt).toContain('MỤC CẦN SOẠN: KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI');
    expect(prompt).toContain('Ủy ban nhân dân huyện Nghi Xuân');
    expect(request!.body.messages[0].content).toMatch(/không dùng ngôi thứ nhất/);
  });

  it('reads JSON wrapped in a code fence with text around it', async () => {
    ctx = await llmApp([{ kind: 'stream', content: `Đây là kết quả:\n\`\`\`json\n${phuongHuong()}\n\`\`\`\nHết.` }]);
    const id = await newDraft();
    expect(await draftSection(id, 'phuong-huong')).toMatchObject({ ok: true });
    expect(ctx.fake.requests).toHaveLength(1);
  });

  it('asks once more after prose instead of JSON, stating the error, and uses the valid answer', async () => {
    ctx = await llmApp([
      { kind: 'stream', content: 'Tăng cường phối hợp giữa các phòng ban.' },
      { kind: 'stream', content: phuongHuong() },
    ]);
    const id = await newDraft();
    expect(await draftSection(id, 'phuong-huong')).toMatchObject({ ok: true });
    expect(ctx.fake.requests).toHaveLength(2);
    const retry = ctx.fake.requests[1]!.body.messages;
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: 'Tăng cường phối hợp giữa các phòng ban.' });
    expect(retry.at(-1).content).toContain('Câu trả lời không phải JSON');
  });

  it('fails the section with a finding after two unusable answers, keeping the previous revision', async () => {
    ctx = await llmApp([{ kind: 'stream', content: phuongHuong() }]);
    const id = await newDraft();
    await draftSection(id, 'phuong-huong');
    const before = await section(id, 'phuong-huong');
    ctx.fake.script([{ kind: 'stream', content: 'Văn xuôi, không có JSON.' }]);
    const outcome = await draftSection(id, 'phuong-huong');
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ code: 'provider_bad_output' });
    expect(outcome.error.message).toMatch(/không đúng định dạng sau 02 lần/);
    const after = await section(id, 'phuong-huong');
    expect(after.paragraphs).toEqual(before.paragraphs);
    expect(after.findings).toEqual([expect.objectContaining({ rule: 'provider.bad-output', severity: 'error' })]);
  });

  it('recovers from a schema violation on the second answer', async () => {
    ctx = await llmApp([
      { kind: 'stream', content: JSON.stringify({ paragraphs: ['Một đoạn.'] }) },
      { kind: 'stream', content: phuongHuong() },
    ]);
    const id = await newDraft();
    expect(await draftSection(id, 'phuong-huong')).toMatchObject({ ok: true, findings: [] });
    expect(promptText(ctx.fake.requests[1]!)).toMatch(/JSON không đúng lược đồ: parts/);
  });

  it('catches an invented number, retries naming it, and shows it on the paragraph if it stays', async () => {
    const invented = phuongHuong((parts) => (parts[0]![0] = `${parts[0]![0]!.replace(/\.$/, '')} với 35 đơn vị.`));
    ctx = await llmApp([{ kind: 'stream', content: invented }]);
    const id = await newDraft();
    const outcome = await draftSection(id, 'phuong-huong');
    expect(ctx.fake.requests).toHaveLength(2);
    expect(ctx.fake.requests[1]!.body.messages.at(-1).content).toContain('"35" không có trong ý liệu');
    expect(outcome.ok).toBe(true);
    const s = await section(id, 'phuong-huong');
    const finding = s.paragraphs[0].current.findings[0];
    expect(finding).toMatchObject({ rule: 'grounding.invented-figure', where: { section: 'phuong-huong', paragraph: 0 } });
    expect(s.paragraphs[0].current.text.slice(...finding.where.span)).toBe('35');
  });

  it('takes the corrected answer when the retry drops the invented number', async () => {
    const invented = phuongHuong((parts) => (parts[0]![1] = `${parts[0]![1]} Có 35 đơn vị tham gia.`));
    ctx = await llmApp([{ kind: 'stream', content: invented }, { kind: 'stream', content: phuongHuong() }]);
    const id = await newDraft();
    expect(await draftSection(id, 'phuong-huong')).toMatchObject({ ok: true, findings: [] });
    const s = await section(id, 'phuong-huong');
    expect(s.paragraphs[1].current.text).not.toContain('35');
  });

  it('asks again for Chinese characters but not for a dropped fact, which human prose may also trip', async () => {
    const bad = phuongHuong((parts) => {
      parts[0]!.pop();
      parts[0]![0] = parts[0]![0]!.replace('thực hiện', '实施');
    });
    ctx = await llmApp([{ kind: 'stream', content: bad }, { kind: 'stream', content: phuongHuong() }]);
    const id = await newDraft();
    expect(await draftSection(id, 'phuong-huong')).toMatchObject({ ok: true, findings: [] });
    const repair = ctx.fake.requests[1]!.body.messages.at(-1).content as string;
    expect(repair).toContain('chữ Hán "实施"');
    expect(repair).not.toContain('chưa được dùng');
  });

  it('has the model write the opening, given the fixed words of the formula', async () => {
    ctx = await llmApp(answerByHeading(rawBrief()));
    const id = await newDraft();
    expect(await draftSection(id, 'mo-dau')).toMatchObject({ ok: true, findings: [] });
    expect(ctx.fake.requests).toHaveLength(1);
    expect(promptText(ctx.fake.requests[0]!)).toContain('"báo cáo", "như sau:"');
    expect((await section(id, 'mo-dau')).paragraphs[0].current).toMatchObject({ author: 'model', provider: 'openai' });
  });

  it('asks again for an opening without the fixed words, then falls back to the composer', async () => {
    const loose = JSON.stringify({ parts: [{ paragraphs: ['Thực hiện Công văn số 7664/UBND-KT₂ ngày 15/11/2021 của Ủy ban nhân dân tỉnh, huyện gửi kết quả.'] }] });
    ctx = await llmApp([{ kind: 'stream', content: loose }]);
    const id = await newDraft();
    expect(await draftSection(id, 'mo-dau')).toMatchObject({ ok: true });
    expect(ctx.fake.requests).toHaveLength(2);
    expect(ctx.fake.requests[1]!.body.messages.at(-1).content).toContain('"như sau:"');
    const current = (await section(id, 'mo-dau')).paragraphs[0].current;
    expect(current).toMatchObject({ author: 'offline' });
    expect(current.text).toMatch(/báo cáo .* như sau:$/u);
    expect(current.findings.map((f: any) => f.rule)).toEqual(['provider.formula-fallback']);
    // A check of the draft keeps the note: it says how the text was written, which no check can tell again.
    const { findings } = (await (await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' })).json()) as any;
    expect(findings.map((f: any) => f.rule)).toContain('provider.formula-fallback');
  });

  it('drafts a section with numbered parts, one part per sub-section', async () => {
    ctx = await llmApp(answerByHeading(rawBrief()));
    // Drafted as the seed's office, whose glossary knows its shorthand "SXTDBV" (in sub-section 1).
    await saveGlossary(ctx.request, SEED_GLOSSARY);
    const id = await newDraft();
    expect(await draftSection(id, 'ket-qua')).toMatchObject({ ok: true, findings: [] });
    const s = await section(id, 'ket-qua');
    expect(new Set(s.paragraphs.map((p: any) => p.part))).toEqual(new Set([0, 1, 2]));
    expect(promptText(ctx.fake.requests[0]!)).toContain('3. Tiểu mục "Hoạt động sản xuất và tiêu dùng bền vững"');
    expect(ctx.fake.requests[0]!.body.response_format.json_schema.name).toBe('section_prose');
  });
});
