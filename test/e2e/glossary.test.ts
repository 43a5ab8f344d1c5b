import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rawBrief, SEED_GLOSSARY } from '../helpers/fixtures.js';
import { saveGlossary } from '../helpers/app.js';
import { firstVisit, ready, screenshot, servedPage } from './browser.js';
import { interview, waitDrafted, paperText } from './flows.js';

/** A clerk answering what the office's abbreviations mean, beside the paragraph and in the chat, in Debian's chromium. */
const served = servedPage();

function briefWith(...facts: string[]) {
  const brief = rawBrief();
  brief.sections.find((s: any) => s.key === 'phuong-huong').facts.push(...facts);
  return brief;
}

const glossary = async () => ((await (await served.ctx.request('/api/profile/glossary')).json()) as any).glossary;
const paper = (page: Page) => paperText(page);
const forget = async (...abbrs: string[]) => {
  for (const a of abbrs) await served.ctx.request(`/api/profile/glossary/${encodeURIComponent(a)}`, { method: 'DELETE' });
};

describe('the office glossary round trip in the page', { timeout: 120_000 }, () => {
  it('offers the meanings beside the paragraph, saves the answer, redrafts the section, and lists the glossary in the profile panel', async () => {
    // The seed's office answered for its own shorthand "SXTDBV" before; LĐ and TTKSBT are new to it.
    await saveGlossary(served.ctx.request, SEED_GLOSSARY);
    const brief = briefWith('Tổ chức tập huấn cho LĐ 12 xã về phòng, chống thiên tai', 'Phối hợp với TTKSBT tỉnh giám sát dịch bệnh');
    const { id } = (await (await served.ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    expect((await served.ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
    // Another draft written before the answer, which still carries the question.
    const older = (await (await served.ctx.request('/api/drafts', { method: 'POST', json: { brief: briefWith('Mời LĐ 05 xã dự họp') } })).json()) as any;
    expect((await served.ctx.request(`/api/drafts/${older.id}/draft`, { method: 'POST' })).status).toBe(200);

    const { page, problems } = await firstVisit(served.context, served.server.url);
    await page.goto(`${served.server.url}/#draft=${id}`);
    await ready(page);
    await waitDrafted(page);
    const ld = page.locator('.glossary-ask[data-abbr="LĐ"]');
    await ld.waitFor();
    expect(await ld.textContent()).toContain('LĐ ở đây là lãnh đạo hay lao động?');
    await ld.scrollIntoViewIfNeeded();
    await screenshot(page, 'glossary-01-asked-beside-paragraph');

    await ld.getByRole('button', { name: 'lãnh đạo', exact: true }).click();
    await expect.poll(() => paper(page)).toContain('cho lãnh đạo 12 xã');
    await waitDrafted(page);
    expect(await glossary()).toEqual({ ...SEED_GLOSSARY, 'LĐ': 'lãnh đạo' });
    expect(await page.locator('.glossary-ask[data-abbr="LĐ"]').count()).toBe(0);

    // An abbreviation nobody knows: the clerk types what it means; an empty answer is refused first.
    const unknown = page.locator('.glossary-ask[data-abbr="TTKSBT"]');
    expect(await unknown.textContent()).toContain('TTKSBT là viết tắt của gì?');
    await unknown.getByRole('button', { name: 'Ghi nghĩa' }).click();
    await expect.poll(() => unknown.locator('[role="alert"]').textContent()).toContain('Hãy gõ nghĩa của TTKSBT');
    await unknown.getByLabel('Nghĩa của TTKSBT').fill('Trung tâm Kiểm soát bệnh tật');
    await unknown.getByRole('button', { name: 'Ghi nghĩa' }).click();
    await expect.poll(() => paper(page)).toContain('Trung tâm Kiểm soát bệnh tật tỉnh');
    await waitDrafted(page);
    expect(await page.locator('.glossary-ask').count()).toBe(0);
    await page.locator('[data-section="phuong-huong"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'glossary-02-redrafted-with-meanings');

    // The draft written before the answer shows the meaning chosen since, and is redrafted with it on request.
    await page.goto(`${served.server.url}/#draft=${older.id}`);
    await waitDrafted(page);
    const chosen = page.locator('.glossary-ask[data-abbr="LĐ"]');
    await expect.poll(() => chosen.textContent()).toContain('Bảng chữ viết tắt của cơ quan đã ghi LĐ là "lãnh đạo"');
    await chosen.getByRole('button', { name: 'Soạn lại theo nghĩa này' }).click();
    await expect.poll(() => paper(page)).toContain('Mời lãnh đạo 05 xã dự họp');
    await waitDrafted(page);

    // The profile panel lists what the office chose, and an entry can be removed.
    await page.click('#toggle-profile');
    const list = page.locator('.glossary-list');
    await expect.poll(() => list.locator('li').count()).toBe(3);
    expect(await list.locator('li[data-abbr="LĐ"]').textContent()).toContain('lãnh đạo');
    expect(await list.locator('li[data-abbr="SXTDBV"]').textContent()).toContain('sản xuất và tiêu dùng bền vững');
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, 'glossary-03-profile-list');
    await list.getByRole('button', { name: 'Xóa LĐ khỏi bảng chữ viết tắt' }).click();
    await expect.poll(() => list.locator('li').count()).toBe(2);
    expect(await glossary()).toEqual({ ...SEED_GLOSSARY, TTKSBT: 'Trung tâm Kiểm soát bệnh tật' });
    expect(problems).toEqual([]);
    await page.close();
    await forget('TTKSBT', ...Object.keys(SEED_GLOSSARY));
  });
});

describe('the office glossary round trip in the chat', { timeout: 180_000 }, () => {
  it('asks after drafting with the meanings as buttons; the answer is saved and the section redrafted', async () => {
    // As in the page: the office's glossary already knows its own "SXTDBV", so the chat asks about LĐ only.
    await saveGlossary(served.ctx.request, SEED_GLOSSARY);
    const brief = briefWith('Tổ chức tập huấn cho LĐ 12 xã về phòng, chống thiên tai');
    const { page, problems } = await firstVisit(served.context, served.server.url);
    await interview(page, brief, `Báo cáo ${brief.header.subject.toLocaleLowerCase('vi')}`);
    await waitDrafted(page);
    expect(await paper(page)).toContain('cho LĐ 12 xã');
    const asked = page.locator('#messages .msg.assistant').last();
    await expect.poll(() => asked.textContent()).toContain('LĐ ở đây là lãnh đạo hay lao động?');
    // The words a clerk uses: "các ý chính", never "ý liệu", in the chat and beside the paragraph.
    expect(await page.locator('body').textContent()).not.toMatch(/[Ýý] liệu/);
    await screenshot(page, 'glossary-04-chat-question');

    await asked.getByRole('button', { name: 'lao động', exact: true }).click();
    await expect.poll(() => paper(page)).toContain('cho lao động 12 xã');
    await waitDrafted(page);
    const reply = page.locator('#messages .msg.assistant').last();
    expect(await reply.textContent()).toContain('LĐ là "lao động"');
    expect(await reply.textContent()).toContain('Đang soạn lại mục II');
    expect(await glossary()).toEqual({ ...SEED_GLOSSARY, 'LĐ': 'lao động' });
    await screenshot(page, 'glossary-05-chat-answered');
    expect(problems).toEqual([]);
    await page.close();
  });
});
