import { afterEach, describe, expect, it } from 'vitest';
import { saveGlossary, testApp } from '../helpers/app.js';
import { rawBrief, SEED_GLOSSARY } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

async function say(id: string, text: string) {
  const res = await ctx.request(`/api/conversations/${id}/messages`, { method: 'POST', json: { text } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as any;
}

/**
 * A drafted brief and its chat, where staff add facts: the chat asks about the abbreviations the
 * facts leave undecided. What the page does with the chat's actions is done here by hand.
 */
async function draftedWithChat(...facts: string[]) {
  const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any;
  expect((await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
  const c = (await (await ctx.request('/api/conversations', { method: 'POST', json: { draftId: id } })).json()) as any;
  const added = await say(c.id, `thêm vào mục II:\n${facts.map((f) => `- ${f}`).join('\n')}`);
  expect(added.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'phuong-huong' }]);
  await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' });
  return { id, c: added.conversation };
}

const sectionText = async (id: string, key: string) =>
  ((await (await ctx.request(`/api/drafts/${id}`)).json()) as any).sections.find((s: any) => s.key === key).paragraphs.map((p: any) => p.current.text).join('\n');

describe('the chat asks what an abbreviation means', () => {
  it('asks each open question with the meanings as buttons, saves the answers into the glossary and redrafts the section', async () => {
    ctx = await testApp();
    const { id, c } = await draftedWithChat('Tổ chức tập huấn cho LĐ 12 xã về phòng, chống thiên tai', 'Phối hợp với TTKSBT tỉnh giám sát dịch bệnh');
    // The seed brief's own shorthand in mục I comes first: no lexicon knows it, so it is asked, not guessed.
    const asked = c.messages.at(-1);
    expect(asked.text).toContain('Các ý chính có 03 chữ viết tắt chưa rõ nghĩa');
    expect(asked.text).toContain('SXTDBV là viết tắt của gì?');
    expect(asked.suggestions).toEqual(['giữ nguyên', 'bỏ qua']);
    expect(await sectionText(id, 'ket-qua')).toContain('liên quan chương trình SXTDBV');

    const seed = await say(c.id, 'sản xuất và tiêu dùng bền vững');
    expect(seed.reply[0].text).toContain('Đã ghi vào bảng chữ viết tắt của cơ quan: SXTDBV là "sản xuất và tiêu dùng bền vững"');
    expect(seed.reply[0].text).toContain('Đang soạn lại mục I');
    expect(seed.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'ket-qua' }]);
    expect(seed.reply[0].text).toContain('LĐ ở đây là lãnh đạo hay lao động?');
    expect(seed.reply[0].suggestions).toEqual(['lãnh đạo', 'lao động', 'giữ nguyên', 'bỏ qua']);
    await ctx.request(`/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST' });
    expect(await sectionText(id, 'ket-qua')).toContain('liên quan chương trình sản xuất và tiêu dùng bền vững');

    const first = await say(c.id, 'lãnh đạo');
    expect(first.reply[0].text).toContain('Đã ghi vào bảng chữ viết tắt của cơ quan: LĐ là "lãnh đạo"');
    expect(first.reply[0].text).toContain('Đang soạn lại mục II');
    expect(first.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'phuong-huong' }]);
    expect(first.reply[0].text).toContain('TTKSBT là viết tắt của gì?');
    expect(first.reply[0].suggestions).toEqual(['giữ nguyên', 'bỏ qua']);

    const second = await say(c.id, 'Trung tâm Kiểm soát bệnh tật');
    expect(second.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'phuong-huong' }]);
    expect(((await (await ctx.request('/api/profile/glossary')).json()) as any).glossary).toEqual({ SXTDBV: 'sản xuất và tiêu dùng bền vững', 'LĐ': 'lãnh đạo', TTKSBT: 'Trung tâm Kiểm soát bệnh tật' });

    // What the page does with the action: the section is written again with the office's meanings.
    await ctx.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' });
    const text = await sectionText(id, 'phuong-huong');
    expect(text).toContain('cho lãnh đạo 12 xã');
    expect(text).toContain('Trung tâm Kiểm soát bệnh tật tỉnh');

    // Answered once, never asked again: facts of another draft with LĐ raise no question.
    const other = await draftedWithChat('Mời LĐ 05 xã dự họp');
    expect(other.c.messages.map((m: any) => m.text).join('\n')).not.toContain('LĐ ở đây');
    expect(await sectionText(other.id, 'phuong-huong')).toContain('Mời lãnh đạo 05 xã dự họp');
  });

  it('asks nothing when the page opens a conversation on a draft to send a message, which is no answer', async () => {
    ctx = await testApp();
    const brief = rawBrief();
    brief.sections.find((s: any) => s.key === 'phuong-huong').facts.push('Tổ chức tập huấn cho LĐ 12 xã');
    const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    const c = (await (await ctx.request('/api/conversations', { method: 'POST', json: { draftId: id } })).json()) as any;
    expect(c.messages.map((m: any) => m.text).join('\n')).not.toContain('LĐ ở đây');
    await say(c.id, 'xin chào');
    expect(((await (await ctx.request('/api/profile/glossary')).json()) as any).glossary).toEqual({});
  });

  it('asks about facts added later, understands an unaccented meaning, "bỏ qua", and a command instead of an answer', async () => {
    ctx = await testApp();
    await saveGlossary(ctx.request, SEED_GLOSSARY);
    const { id, c } = await draftedWithChat('Tổ chức tập huấn cho LĐ 12 xã');
    expect(c.messages.at(-1).text).toContain('LĐ ở đây là lãnh đạo hay lao động?');

    const later = await say(c.id, 'bỏ qua');
    expect(later.reply[0].text).toContain('Chưa ghi nghĩa của LĐ');
    expect(((await (await ctx.request('/api/profile/glossary')).json()) as any).glossary).toEqual(SEED_GLOSSARY);

    await say(c.id, 'thêm vào mục II: Hỗ trợ LĐ nông thôn học nghề; làm việc với TTKSBT');
    const unaccented = await say(c.id, 'lao dong');
    expect(unaccented.reply[0].text).toContain('LĐ là "lao động"');

    const command = await say(c.id, 'soạn lại mục I');
    expect(command.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'ket-qua' }]);
    expect(((await (await ctx.request('/api/profile/glossary')).json()) as any).glossary).toEqual({ ...SEED_GLOSSARY, 'LĐ': 'lao động' });
  });

  it('keeps an abbreviation as written on "giữ nguyên" and refuses a meaning too long, in Vietnamese', async () => {
    ctx = await testApp();
    await saveGlossary(ctx.request, SEED_GLOSSARY);
    const { c } = await draftedWithChat('Phối hợp với TTKSBT tỉnh giám sát dịch bệnh');
    const tooLong = await say(c.id, 'x'.repeat(250));
    expect(tooLong.reply[0].text).toContain('Chưa ghi được');
    expect(tooLong.reply[0].text).toContain('TTKSBT là viết tắt của gì?');
    const kept = await say(c.id, 'giữ nguyên');
    expect(kept.reply[0].text).toContain('giữ nguyên "TTKSBT"');
    expect(((await (await ctx.request('/api/profile/glossary')).json()) as any).glossary).toEqual({ ...SEED_GLOSSARY, TTKSBT: 'TTKSBT' });
  });
});

describe('the chat and the page share one glossary', () => {
  it('does not ask again in the chat what was answered beside the paragraph', async () => {
    ctx = await testApp();
    await saveGlossary(ctx.request, SEED_GLOSSARY);
    const { id, c } = await draftedWithChat('Tổ chức tập huấn cho LĐ 12 xã', 'Phối hợp với TTKSBT tỉnh');
    expect(c.messages.at(-1).text).toContain('LĐ ở đây');
    await ctx.request('/api/profile/glossary', { method: 'POST', json: { abbr: 'LĐ', meaning: 'lãnh đạo' } });
    // LĐ's question was waiting; answered beside the paragraph, the message answers TTKSBT's instead.
    const r = await say(c.id, 'Trung tâm Kiểm soát bệnh tật');
    expect(r.reply[0].text).toContain('TTKSBT là "Trung tâm Kiểm soát bệnh tật"');
    expect(r.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'phuong-huong' }]);
    expect(((await (await ctx.request('/api/profile/glossary')).json()) as any).glossary).toEqual({ ...SEED_GLOSSARY, 'LĐ': 'lãnh đạo', TTKSBT: 'Trung tâm Kiểm soát bệnh tật' });
  });
});
