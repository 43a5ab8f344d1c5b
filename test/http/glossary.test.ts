import { afterEach, describe, expect, it } from 'vitest';
import { saveGlossary, testApp } from '../helpers/app.js';
import { llmApp } from '../helpers/llm-app.js';
import { answerByHeading } from '../helpers/model-answers.js';
import { promptText } from '../helpers/fake-openai.js';
import { rawBrief, SEED_GLOSSARY } from '../helpers/fixtures.js';

let ctx: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const PROFILE = { org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN', place: 'Nghi Xuân', symbolSuffix: 'UBND' };
/** A fact whose "LĐ" no context decides: lãnh đạo or lao động. */
const FACT = 'Tổ chức tập huấn cho LĐ 12 xã về phòng, chống thiên tai';

function briefWith(fact: string, subject?: string) {
  const brief = rawBrief();
  brief.sections.find((s: any) => s.key === 'phuong-huong').facts.push(fact);
  if (subject) brief.header.subject = subject;
  return brief;
}

type Request = Awaited<ReturnType<typeof testApp>>['request'];

async function draftOf(request: Request, brief: unknown) {
  const id = ((await (await request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any).id as string;
  expect((await request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).status).toBe(200);
  const section = ((await (await request(`/api/drafts/${id}`)).json()) as any).sections.find((s: any) => s.key === 'phuong-huong');
  return { id, texts: section.paragraphs.map((p: any) => p.current.text) as string[], findings: section.paragraphs.flatMap((p: any) => p.current.findings) as any[] };
}

describe('the office glossary round trip over HTTP', () => {
  it('asks about an abbreviation with its meanings; the answer is saved and used by the next draft of another brief and by the checks', async () => {
    const app = await testApp();
    ctx = app;
    const first = await draftOf(app.request, briefWith(FACT));
    expect(first.texts.join('\n')).toContain('cho LĐ 12 xã');
    const asked = first.findings.find((f) => f.rule === 'abbreviation.unclear');
    expect(asked.ask).toEqual({ abbr: 'LĐ', candidates: ['lãnh đạo', 'lao động'], question: 'LĐ ở đây là lãnh đạo hay lao động?' });
    expect(asked.message).toContain('LĐ ở đây là lãnh đạo hay lao động?');

    // No profile saved yet: the answer is kept all the same.
    const saved = await app.request('/api/profile/glossary', { method: 'POST', json: { abbr: 'LĐ', meaning: 'lãnh đạo' } });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as any).glossary).toEqual({ 'LĐ': 'lãnh đạo' });
    expect(((await (await app.request('/api/profile/glossary')).json()) as any).glossary).toEqual({ 'LĐ': 'lãnh đạo' });

    const second = await draftOf(app.request, briefWith('Mời LĐ các ban ngành dự hội nghị; hướng dẫn LĐ 05 xã ven biển', 'Báo cáo công tác phòng, chống thiên tai'));
    const text = second.texts.join('\n');
    expect(text).toContain('hướng dẫn lãnh đạo 05 xã ven biển');
    expect(text).not.toMatch(/LĐ/u);
    expect(second.findings.filter((f) => f.rule === 'abbreviation.unclear')).toEqual([]);

    // The first draft's text still says "LĐ": the checks now read it with the office's meaning.
    const checked = (await (await app.request(`/api/drafts/${first.id}/check`, { method: 'POST' })).json()) as any;
    const findings = checked.findings ?? checked;
    expect(findings.filter((f: any) => f.rule === 'abbreviation.unclear')).toEqual([]);
  });

  it('keeps the glossary when the profile form is saved without it, removes an entry, and refuses an empty meaning in Vietnamese', async () => {
    const app = await testApp();
    ctx = app;
    // Two answers given at once (the chat and the page): both are kept.
    await Promise.all([
      app.request('/api/profile/glossary', { method: 'POST', json: { abbr: 'TTKSBT', meaning: 'Trung tâm Kiểm soát bệnh tật' } }),
      app.request('/api/profile/glossary', { method: 'POST', json: { abbr: 'LĐ', meaning: 'lao động' } }),
    ]);
    expect(((await (await app.request('/api/profile')).json()) as any).profile).toBeNull();
    expect((await app.request('/api/profile', { method: 'PUT', json: PROFILE })).status).toBe(200);
    const profile = ((await (await app.request('/api/profile')).json()) as any).profile;
    expect(profile.org).toBe(PROFILE.org);
    expect(profile.glossary).toEqual({ TTKSBT: 'Trung tâm Kiểm soát bệnh tật', 'LĐ': 'lao động' });

    const bad = await app.request('/api/profile/glossary', { method: 'POST', json: { abbr: 'LĐ', meaning: '  ' } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('Nghĩa của chữ viết tắt không được để trống');

    const removed = await app.request(`/api/profile/glossary/${encodeURIComponent('LĐ')}`, { method: 'DELETE' });
    expect(((await removed.json()) as any).glossary).toEqual({ TTKSBT: 'Trung tâm Kiểm soát bệnh tật' });
    const again = await draftOf(app.request, briefWith(FACT));
    expect(again.findings.find((f) => f.rule === 'abbreviation.unclear')?.ask.abbr).toBe('LĐ');
    expect(((await (await app.request('/api/profile')).json()) as any).profile.org).toBe(PROFILE.org);
  });

  it('sends the office meaning to the model, in the section prompt and the paragraph prompt', async () => {
    const brief = briefWith(FACT);
    const app = await llmApp(answerByHeading(brief));
    ctx = app;
    // The office has answered for its own shorthand before (the lexicon's general entries do not know it), and now for LĐ.
    await saveGlossary(app.request, { ...SEED_GLOSSARY, 'LĐ': 'lãnh đạo' });
    const { id } = await draftOf(app.request, brief);
    const sectionPrompt = promptText(app.fake.requests.at(-1)!);
    expect(sectionPrompt).toContain('- LĐ: lãnh đạo');
    expect(sectionPrompt).toContain('- SXTDBV: sản xuất và tiêu dùng bền vững');
    expect(sectionPrompt).not.toContain('chưa rõ nghĩa');

    const paragraph = ((await (await app.request(`/api/drafts/${id}`)).json()) as any).sections.find((s: any) => s.key === 'phuong-huong').paragraphs.at(-1);
    app.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: 'Tổ chức tập huấn cho lãnh đạo 12 xã về phòng, chống thiên tai.' }) }]);
    expect((await app.request(`/api/drafts/${id}/paragraphs/${paragraph.id}/redraft`, { method: 'POST', json: {} })).status).toBe(200);
    expect(promptText(app.fake.requests.at(-1)!)).toContain('- LĐ: lãnh đạo');
  });
});

describe('a glossary answer in the chat with a model configured', () => {
  it('saves the meaning and names the section to redraft rather than calling the model unasked', async () => {
    const brief = briefWith(FACT);
    const app = await llmApp(answerByHeading(brief));
    ctx = app;
    await saveGlossary(app.request, SEED_GLOSSARY);
    const { id } = (await (await app.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any;
    expect((await app.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
    const c = (await (await app.request('/api/conversations', { method: 'POST', json: { draftId: id } })).json()) as any;
    const added = (await (await app.request(`/api/conversations/${c.id}/messages`, { method: 'POST', json: { text: `thêm vào mục II: ${FACT}` } })).json()) as any;
    expect(added.reply.at(-1).text).toContain('LĐ ở đây là lãnh đạo hay lao động?');
    expect((await app.request(`/api/drafts/${id}/sections/phuong-huong/draft`, { method: 'POST' })).status).toBe(200);
    const calls = app.fake.requests.length;
    const res = (await (await app.request(`/api/conversations/${c.id}/messages`, { method: 'POST', json: { text: 'lãnh đạo' } })).json()) as any;
    expect(res.actions).toEqual([]);
    expect(res.reply[0].text).toContain('gõ "soạn lại mục II" để soạn lại theo nghĩa đã ghi');
    // The command named works as typed.
    const redraft = (await (await app.request(`/api/conversations/${c.id}/messages`, { method: 'POST', json: { text: 'soạn lại mục II' } })).json()) as any;
    expect(redraft.actions).toEqual([{ type: 'draft-section', draftId: id, section: 'phuong-huong' }]);
    expect(app.fake.requests.length).toBe(calls);
    expect(((await (await app.request('/api/profile/glossary')).json()) as any).glossary).toEqual({ ...SEED_GLOSSARY, 'LĐ': 'lãnh đạo' });
  });
});
