import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { llmApp } from '../helpers/llm-app.js';
import { answerByHeading, goodSectionJson, requestedHeading } from '../helpers/model-answers.js';
import type { ReceivedRequest, Reply } from '../helpers/fake-openai.js';
import { docxParagraphs } from '../helpers/docx.js';
import { SEED_BRIEF_PATH, rawBrief } from '../helpers/fixtures.js';
import { firstVisit, ready, screenshot, servedPage } from './browser.js';
import { importBrief, interview, paragraph, say, sectionTexts, waitDrafted, paperText } from './flows.js';

/** The chat page in Debian's chromium against the real server, drafting with the OpenAI provider talking to a scripted server. */
const brief = rawBrief();
const served = servedPage(() => llmApp(answerByHeading(brief)));

const SHORTER = 'Tăng cường kiểm tra, kiểm soát thị trường và xử lý nghiêm vi phạm trong sản xuất, kinh doanh.';
const FORMAL = 'Tăng cường công tác kiểm tra, kiểm soát thị trường; xử lý vi phạm trong sản xuất, kinh doanh.';

/**
 * A good answer for each section, found by the brief's own title or, for a draft made through the
 * interview (which keeps the template's headings), by the template's heading.
 */
function answerAnyHeading() {
  const byBrief = answerByHeading(brief);
  const template = JSON.parse(readFileSync(new URL('../../templates/bao-cao.json', import.meta.url), 'utf8'));
  return (request: ReceivedRequest): Reply => {
    const reply = byBrief(request);
    if (reply.kind !== 'error') return reply;
    const section = template.sections.find((s: any) => s.heading && s.heading === requestedHeading(request));
    return section ? { kind: 'stream', content: goodSectionJson(brief, section.key) } : reply;
  };
}

function fresh() {
  return firstVisit(served.context, served.server.url);
}

function importSeed(page: Page) {
  return importBrief(page, SEED_BRIEF_PATH);
}

describe('the chat page, drafting with a model', { timeout: 90_000 }, () => {
  it('names the model in use, and turns the seed’s notes into the Báo cáo through the conversation', async () => {
    served.ctx.fake.script(answerAnyHeading());
    const { page, problems } = await fresh();
    expect(await page.locator('#provider').textContent()).toContain('mô hình fake-section-model');
    await interview(page, brief, `Báo cáo ${brief.header.subject.toLocaleLowerCase('vi')}`);
    await waitDrafted(page);
    expect(await page.locator('[data-section="ket-qua"] .rev-label').first().textContent()).toBe('bản 1/1 · mô hình fake-section-model');
    expect(await paperText(page)).toContain('phát 29 đĩa tuyên truyền');
    await page.click('#export');
    const download = page.locator('#download-docx');
    await download.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const text = await docxParagraphs(readFileSync((await file.path())!));
    expect(text.join('\n')).toContain('phát 29 đĩa tuyên truyền');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('streams each section into the document with its progress; one section can be stopped and drafted later', async () => {
    served.ctx.fake.script(answerByHeading(brief, (key) => ({ kind: 'stream', content: goodSectionJson(brief, key), chunkSize: 12, delayMs: 40 })));
    const { page, problems } = await fresh();
    await page.setInputFiles('#brief-file', SEED_BRIEF_PATH);
    await page.waitForFunction(() => (document.querySelector('[data-stream="ket-qua"]')?.textContent ?? '').length > 40);
    expect(await page.locator('[data-section="ket-qua"] .status').textContent()).toMatch(/^Đang soạn… \d+ ký tự$/);
    expect(await page.locator('[data-stream="ket-qua"]').textContent()).not.toContain('"parts"');
    expect(await page.locator('#draft-progress').textContent()).toMatch(/^Đang soạn: xong \d\/4 mục$/);
    await screenshot(page, '10-streaming');

    await page.getByRole('button', { name: 'Dừng soạn KẾT QUẢ THỰC HIỆN' }).click();
    const aborted = await served.ctx.fake.waitForAbort();
    expect(aborted.aborted).toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-section="ket-qua"] .status')?.textContent === 'Đã dừng');
    expect(await page.locator('[data-section-error="ket-qua"]').textContent()).toContain('Đã dừng soạn mục này');
    await page.waitForFunction(() => !document.querySelector('.status.streaming, .status.queued'));
    expect(await page.locator('[data-section="ket-qua"] .paragraph').count()).toBe(0);
    expect(await page.locator('[data-section="ket-thuc"] .paragraph').count()).toBeGreaterThan(0);

    served.ctx.fake.script(answerByHeading(brief));
    await expect.poll(() => page.locator('#missing-text').textContent()).toBe('Còn 1 mục chưa soạn.');
    await page.getByRole('button', { name: 'Soạn các mục còn thiếu' }).click();
    await waitDrafted(page);
    expect((await sectionTexts(page, 'ket-qua')).join(' ')).toContain('phát 29 đĩa tuyên truyền');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a reload mid-draft loses nothing: what was written stays, and the rest is offered again', async () => {
    served.ctx.fake.script(answerByHeading(brief, (key) => ({ kind: 'stream', content: goodSectionJson(brief, key), chunkSize: 12, delayMs: key === 'ket-qua' ? 60 : 5 })));
    const { page, problems } = await fresh();
    await page.setInputFiles('#brief-file', SEED_BRIEF_PATH);
    await page.waitForFunction(() => (document.querySelector('[data-stream="ket-qua"]')?.textContent ?? '').length > 40);
    await page.waitForFunction(() => !!document.querySelector('[data-section="phuong-huong"] .paragraph'));
    const url = page.url();
    await page.reload();
    await ready(page);
    expect(page.url()).toBe(url);
    await page.locator('#paper .paragraph').first().waitFor();
    await served.ctx.fake.waitForAbort();
    expect(await sectionTexts(page, 'phuong-huong')).toHaveLength(4);
    expect(await page.locator('[data-section="ket-qua"] .paragraph').count()).toBe(0);
    await screenshot(page, '14-reloaded-mid-draft');
    served.ctx.fake.script(answerByHeading(brief));
    await page.getByRole('button', { name: 'Soạn các mục còn thiếu' }).click();
    await waitDrafted(page);
    expect((await sectionTexts(page, 'ket-qua')).join(' ')).toContain('phát 29 đĩa tuyên truyền');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('regenerates a paragraph with an instruction, shows the word diff, and goes back to the earlier revision', async () => {
    served.ctx.fake.script(answerByHeading(brief));
    const { page, problems } = await fresh();
    await importSeed(page);
    const target = paragraph(page, 'phuong-huong', 2);
    const original = (await target.locator('.para').textContent())!;
    expect(original).toContain('Tăng cường kiểm tra, kiểm soát thị trường');

    served.ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: SHORTER }), chunkSize: 6, delayMs: 40 }]);
    await target.getByRole('button', { name: 'Soạn lại' }).click();
    await target.getByLabel('Yêu cầu cho đoạn mới (không bắt buộc)').fill('ngắn gọn hơn');
    await target.getByRole('button', { name: 'Soạn lại đoạn này' }).click();
    await page.waitForFunction(() => (document.querySelector('[data-para-stream]')?.textContent ?? '').length > 10);
    expect(await target.locator('.para').first().textContent()).toBe(original);
    await target.locator('.revisions').waitFor();
    expect(await target.locator('.rev-position').textContent()).toBe('Bản 2/2');
    expect(await target.locator('.rev-meta').textContent()).toMatch(/^mô hình fake-paragraph-model · yêu cầu: “ngắn gọn hơn”/);
    expect((await target.locator('.diff ins').allTextContents()).map((t) => t.trim())).toEqual(['và', 'nghiêm']);
    expect(await target.locator('.para').textContent()).toBe(`- ${SHORTER}`);
    expect(await target.locator('.rev-label').textContent()).toBe('bản 2/2 · mô hình fake-paragraph-model');
    await screenshot(page, '11-diff');

    // The same through the conversation: "viết lại đoạn 3 mục II …".
    served.ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: FORMAL }) }]);
    await say(page, 'viết lại đoạn 3 mục II trang trọng hơn');
    await page.waitForFunction(() => document.querySelector('[data-section="phuong-huong"] .paragraph:nth-of-type(3) .rev-position')?.textContent === 'Bản 3/3');
    expect(await target.locator('.para').textContent()).toBe(`- ${FORMAL}`);
    expect(await target.locator('.rev-meta').textContent()).toContain('yêu cầu: “trang trọng hơn”');

    await target.getByRole('button', { name: '‹ Bản trước' }).click();
    await target.getByRole('button', { name: '‹ Bản trước' }).click();
    await expect.poll(() => target.locator('.rev-position').textContent()).toBe('Bản 1/3');
    expect(await target.locator('.diff').textContent()).toBe(original);
    await target.getByRole('button', { name: 'Dùng bản này' }).click();
    await page.waitForFunction(() => document.querySelector('[data-section="phuong-huong"] .paragraph:nth-of-type(3) .rev-label')?.textContent?.startsWith('bản 1/3'));
    expect(await target.locator('.para').textContent()).toBe(original);
    await screenshot(page, '12-back-to-first');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('highlights a finding in the paragraph’s text, with the reason in Vietnamese', async () => {
    served.ctx.fake.script(answerByHeading(brief));
    const { page, problems } = await fresh();
    await importSeed(page);
    const target = paragraph(page, 'phuong-huong', 2);
    const invented = 'Tăng cường kiểm tra, kiểm soát thị trường, xử lý 35 vụ vi phạm trong sản xuất, kinh doanh.';
    served.ctx.fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: invented }) }]);
    await target.getByRole('button', { name: 'Soạn lại' }).click();
    await target.getByRole('button', { name: 'Soạn lại đoạn này' }).click();
    const mark = target.locator('.para mark.finding');
    await mark.waitFor();
    expect(await mark.textContent()).toContain('35');
    expect(await mark.getAttribute('title')).toMatch(/^(Lỗi|Lưu ý): .*[ạảãàáâầấậẫẩăằắặẵẳêềếệễểôồốộỗổơờớợỡởưừứựữửđ]/);
    expect(await target.locator('ul.findings li').first().textContent()).toContain('“35');
    await screenshot(page, '15-finding');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a model error mid-stream is told in Vietnamese where it happened, and the old text stays', async () => {
    served.ctx.fake.script(answerByHeading(brief));
    const { page, problems } = await fresh();
    await importSeed(page);
    const before = await sectionTexts(page, 'phuong-huong');

    served.ctx.fake.script([{ kind: 'stream', content: goodSectionJson(brief, 'phuong-huong'), chunkSize: 10, delayMs: 30, cutAfter: 6 }]);
    await page.getByRole('button', { name: 'Soạn lại KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI' }).click();
    const alert = page.locator('[data-section-error="phuong-huong"]');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toMatch(/[ạảãàáâầấậẫẩăằắặẵẳêềếệễểôồốộỗổơờớợỡởưừứựữửđ]/);
    expect(await sectionTexts(page, 'phuong-huong')).toEqual(before);
    await screenshot(page, '13-model-error');

    served.ctx.fake.script([{ kind: 'error', status: 500 }]);
    const target = paragraph(page, 'phuong-huong', 1);
    await target.getByRole('button', { name: 'Soạn lại' }).click();
    await target.getByRole('button', { name: 'Soạn lại đoạn này' }).click();
    const paragraphAlert = target.locator('[data-paragraph-error]');
    await paragraphAlert.waitFor();
    expect(await paragraphAlert.textContent()).toContain('(500)');
    expect(await sectionTexts(page, 'phuong-huong')).toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
  });
});
