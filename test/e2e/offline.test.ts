import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { docxParagraphs } from '../helpers/docx.js';
import { BRIEFS_DIR, SEED_BRIEF_PATH, rawBrief } from '../helpers/fixtures.js';
import { firstVisit, ready, screenshot, servedPage } from './browser.js';
import { importBrief, interview, paragraph, say, sectionTexts, waitDrafted, paperText } from './flows.js';

/** The chat page in Debian's chromium against the real server with the offline composer. */
const served = servedPage();

function fresh(size?: { width: number; height: number }) {
  return firstVisit(served.context, served.server.url, size);
}

function importSeed(page: Page) {
  return importBrief(page, SEED_BRIEF_PATH);
}

describe('the chat page, offline composer', { timeout: 90_000 }, () => {
  it('turns the seed’s notes into the Báo cáo through the conversation, and downloads the .docx', async () => {
    const { page, problems } = await fresh();
    await expect.poll(() => page.locator('#provider').textContent()).toContain('bộ soạn ngoại tuyến');
    await screenshot(page, '01-start');
    const brief = rawBrief();
    let shotInterview = false;
    await interview(page, brief, `Báo cáo ${brief.header.subject.toLocaleLowerCase('vi')}`, async (asking) => {
      if (asking === 'signer' && !shotInterview) {
        shotInterview = true;
        await screenshot(page, '02-interview');
      }
    });
    await waitDrafted(page);
    await screenshot(page, '03-drafted');

    const paper = await paperText(page);
    expect(paper).toContain('ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN');
    expect(paper).toContain('Kính gửi: Sở Công Thương tỉnh Hà Tĩnh');
    expect(paper).toContain('7664/UBND-KT');
    expect(paper).toContain('Nguyễn Viết Hưng');
    expect(await page.locator('[data-section="ket-qua"] h3').first().textContent()).toMatch(/^I\. /);
    expect(page.url()).toMatch(/#draft=/);

    await page.click('#export');
    const download = page.locator('#download-docx');
    await download.waitFor();
    await expect.poll(() => page.locator('#export-panel').textContent()).toMatch(/còn \d+ (lỗi|lưu ý)|Không còn lỗi/i);
    // A count of nothing is not said: no "Còn 0 lỗi".
    expect(await page.locator('#export-panel').textContent()).not.toMatch(/\b0 (lỗi|lưu ý)/);
    await screenshot(page, '04-export');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const text = await docxParagraphs(readFileSync((await file.path())!));
    expect(text).toContain('BÁO CÁO');
    expect(text.join('\n')).toContain('Nguyễn Viết Hưng');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('imports a brief file, drafts it, copies its text, and a reload reopens it as it was', async () => {
    const { page, problems } = await fresh();
    await importSeed(page);
    const printed = () => page.locator('#paper .doc-header, #paper .doc-title, #paper h3, #paper h4, #paper .para, #paper .doc-signature').allTextContents();
    const before = await printed();
    await served.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.url });
    await page.click('#copy-text');
    await expect.poll(() => page.locator('#doc-status').textContent()).toBe('Đã sao chép toàn văn vào bộ nhớ tạm.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('BÁO CÁO\nKết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021');
    expect(copied).toContain('II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI');
    expect(copied).toContain('Nơi nhận:\n- Như trên;');
    const title = await page.locator('#draft-title').textContent();
    await page.reload();
    await ready(page);
    await page.locator('#paper .paragraph').first().waitFor();
    expect(await page.locator('#draft-title').textContent()).toBe(title);
    expect(await printed()).toEqual(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('edits a paragraph in place; text with <script> shows as text; steps back through revisions', async () => {
    const { page, problems } = await fresh();
    await importSeed(page);
    const target = paragraph(page, 'phuong-huong', 0);
    const original = (await target.locator('.para').textContent())!;
    const typed = 'Tiếp tục tuyên truyền <script>window.__pwned = true</script><b>đậm</b> cho tổ chức, doanh nghiệp.';
    await target.getByRole('button', { name: /^Sửa/ }).click();
    const area = target.locator('textarea');
    await expect.poll(() => area.inputValue()).toBe(original);
    await area.fill(typed);
    await target.getByRole('button', { name: 'Lưu đoạn này' }).click();
    await page.waitForFunction(() => document.querySelector('[data-section="phuong-huong"] .paragraph .para')?.textContent?.includes('<script>'));
    expect(await target.locator('.para').textContent()).toBe(typed);
    expect(await target.locator('.para script, .para b').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await target.locator('.rev-label').textContent()).toBe('bản 2/2 · cán bộ sửa tay');

    // Regenerate (the composer writes the original again), then look at what changed.
    await target.getByRole('button', { name: 'Soạn lại' }).click();
    await target.getByLabel('Yêu cầu cho đoạn mới (không bắt buộc)').fill('trang trọng hơn');
    await expect.poll(() => target.locator('.redraft-form .note').textContent()).toContain('không theo yêu cầu viết lại');
    await target.getByRole('button', { name: 'Soạn lại đoạn này' }).click();
    await target.locator('.revisions').waitFor();
    expect(await target.locator('.rev-position').textContent()).toBe('Bản 3/3');
    expect(await target.locator('.diff del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('<script>')]));
    // The composer cannot follow the request, and its revision does not claim to.
    expect(await target.locator('.rev-meta').textContent()).not.toContain('yêu cầu');
    await screenshot(page, '05-revisions-offline');

    // Back to the staff revision, and make it current again.
    await target.getByRole('button', { name: '‹ Bản trước' }).click();
    await expect.poll(() => target.locator('.rev-position').textContent()).toBe('Bản 2/3');
    await target.getByRole('button', { name: 'Dùng bản này' }).click();
    await page.waitForFunction(() => document.querySelector('[data-section="phuong-huong"] .rev-label')?.textContent?.startsWith('bản 2/3'));
    expect(await target.locator('.para').textContent()).toBe(typed);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows each section’s facts beside its prose; adding a fact redrafts the section', async () => {
    const { page, problems } = await fresh();
    await importSeed(page);
    const section = page.locator('[data-section="phuong-huong"]');
    await expect.poll(() => section.locator('aside.facts').isVisible()).toBe(true);
    expect(await section.locator('aside.facts li').count()).toBe(4);
    await section.getByRole('button', { name: 'Các ý chính (4)' }).click();
    const area = section.locator('.facts-editor textarea');
    await area.fill(`${await area.inputValue()}\ntổ chức 3 đợt kiểm tra liên ngành`);
    await screenshot(page, '06-facts-editor');
    await section.getByRole('button', { name: 'Lưu và soạn lại mục' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-section="phuong-huong"] .para')].some((p) => p.textContent!.includes('03 đợt kiểm tra')));
    expect(await section.locator('aside.facts li').count()).toBe(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('changes header fields; a bad value is told beside its field in Vietnamese', async () => {
    const { page, problems } = await fresh();
    await importSeed(page);
    await page.click('#edit-header');
    const date = page.locator('#hf-header-date');
    // The form shows the date as staff write it, day left blank for văn thư.
    expect(await date.inputValue()).toBe('12/2021');
    await date.fill('40/13/2021');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    const error = page.locator('#hf-header-date-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Ngày ban hành không hợp lệ');
    await screenshot(page, '07-header-error');
    await date.fill('5/12/2021');
    await page.locator('#hf-header-number').fill('84');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.waitForFunction(() => document.querySelector('#paper .date-line')?.textContent?.includes('ngày 05 tháng 12 năm 2021'));
    expect(await page.locator('#paper .number-line').textContent()).toBe('Số: 84/BC-UBND');
    expect(await sectionTexts(page, 'ket-qua')).not.toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists drafts: rename, duplicate, delete after confirming', async () => {
    const { page, problems } = await fresh();
    await importSeed(page);
    const id = /draft=([\w-]+)/.exec(page.url())![1]!;
    await page.click('#toggle-drafts');
    const item = page.locator(`#draft-list li[data-draft-id="${id}"]`);
    await item.getByRole('button', { name: 'Đổi tên' }).click();
    await item.getByLabel('Tên mới của bản thảo').fill('Báo cáo SXTDBV tháng 12');
    await item.getByRole('button', { name: 'Lưu tên' }).click();
    await page.waitForFunction(() => document.querySelector('#draft-title')?.textContent === 'Báo cáo SXTDBV tháng 12');

    await item.getByRole('button', { name: 'Nhân bản' }).click();
    await page.waitForFunction((old) => !location.hash.includes(old), id);
    await page.locator('#paper .paragraph').first().waitFor();
    expect(await page.locator('#draft-title').textContent()).toContain('Báo cáo SXTDBV tháng 12');
    const copyId = /draft=([\w-]+)/.exec(page.url())![1]!;
    await screenshot(page, '08-drafts-list');

    const copy = page.locator(`#draft-list li[data-draft-id="${copyId}"]`);
    await copy.getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => copy.locator('.confirm').textContent()).toContain('Xóa hẳn bản thảo này');
    await copy.getByRole('button', { name: 'Không xóa' }).click();
    await copy.getByRole('button', { name: 'Xóa' }).click();
    await copy.locator('.confirm').getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.waitForFunction((gone) => !document.querySelector(`[data-draft-open="${gone}"]`), copyId);
    expect((await served.ctx.request(`/api/drafts/${copyId}`)).status).toBe(404);
    expect((await served.ctx.request(`/api/drafts/${id}`)).status).toBe(200);
    expect(await page.locator('#doc').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints a công văn (no tên loại) and a thông báo (no Kính gửi) with nothing stray in their place', async () => {
    const { page, problems } = await fresh();
    for (const file of ['cv-haugiang-454-2011.json', 'thong-bao-phong-chong-lut-example.json']) {
      await importBrief(page, join(BRIEFS_DIR, file));
      const paper = await paperText(page);
      expect(paper).not.toMatch(/null|undefined/);
      expect(paper).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a bad brief file is refused with a Vietnamese message next to the import button', async () => {
    const { page } = await fresh();
    await page.setInputFiles('#brief-file', { name: 'y-lieu.json', mimeType: 'application/json', buffer: Buffer.from('{"template": "bao-cao", "header": {}') });
    await expect.poll(() => page.locator('#chat-error').textContent()).toContain('không phải JSON hợp lệ');
    const brief = rawBrief();
    brief.header.date = '2021-13';
    await page.setInputFiles('#brief-file', { name: 'y-lieu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(brief)) });
    await page.waitForFunction(() => document.querySelector('#chat-error')?.textContent?.includes('Ngày ban hành'));
    expect(await page.locator('#chat-error').getAttribute('role')).toBe('alert');
    await page.close();
  });

  it('works at phone width: the panes stack and nothing runs off the screen', async () => {
    const { page, problems } = await fresh({ width: 390, height: 844 });
    await importSeed(page);
    await screenshot(page, '09-phone-full', true);
    await page.locator('.doc-section[data-section="ket-qua"]').scrollIntoViewIfNeeded();
    await screenshot(page, '09-phone-document');
    const chat = (await page.locator('.chat-pane').boundingBox())!;
    const doc = (await page.locator('.doc-pane').boundingBox())!;
    expect(doc.y).toBeGreaterThanOrEqual(chat.y + chat.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('remembers the office’s usual values and offers them in the interview', async () => {
    const { page, problems } = await fresh();
    await page.click('#toggle-profile');
    await page.getByLabel(/^Cơ quan ban hành/).fill('Ủy ban nhân dân huyện Nghi Xuân');
    await page.getByLabel(/^Địa danh/).fill('Nghi Xuân');
    await page.getByLabel(/^Ký hiệu viết tắt/).fill('UBND');
    await page.getByLabel(/^Người ký/).fill('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Viết Hưng');
    await page.getByLabel(/^Nơi nhận/).fill('UBND tỉnh (B/c)\nPhòng Kinh tế và Hạ tầng');
    await screenshot(page, '16-profile');
    await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
    await expect.poll(() => page.locator('#chat-status').textContent()).toContain('Đã lưu thông tin cơ quan');

    await say(page, 'báo cáo kết quả công tác cải cách hành chính năm 2024');
    await say(page, 'đúng');
    const offered = page.locator('#messages .suggestion').first();
    expect(await offered.textContent()).toBe('Ủy ban nhân dân huyện Nghi Xuân');
    await offered.click();
    await page.waitForFunction(() => !document.querySelector('#messages .typing'));
    expect(await page.locator('#messages .msg.user').last().textContent()).toContain('Ủy ban nhân dân huyện Nghi Xuân');
    expect(await page.locator('#interview-status').textContent()).toContain('Đang hỏi: nơi gửi (Kính gửi)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a reload mid-interview keeps the conversation and what it is asking', async () => {
    const { page, problems } = await fresh();
    await say(page, 'thông báo lịch tiếp công dân tháng 12 năm 2024');
    await say(page, 'đúng');
    await say(page, 'Ủy ban nhân dân xã Xuân Hội');
    const messages = await page.locator('#messages .msg').allTextContents();
    expect(page.url()).toMatch(/#conv=/);
    await page.reload();
    await ready(page);
    await page.waitForFunction((n) => document.querySelectorAll('#messages .msg').length === n, messages.length);
    expect(await page.locator('#messages .msg').allTextContents()).toEqual(messages);
    expect(await page.locator('#interview-status').textContent()).toContain('Đang chuẩn bị thông báo');
    // Closing the tab and opening soanthao again, without the address, resumes the interview too.
    await page.goto(served.server.url);
    await ready(page);
    await page.waitForFunction((n) => document.querySelectorAll('#messages .msg').length === n, messages.length);
    expect(page.url()).toMatch(/#conv=/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is reachable by keyboard: Tab reaches the controls, Enter sends a message', async () => {
    const { page } = await fresh();
    const reached: string[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    expect(reached).toEqual(expect.arrayContaining(['new-document', 'toggle-drafts', 'message', 'send', 'import-brief']));
    await page.focus('#message');
    await say(page, 'báo cáo kết quả công tác cải cách hành chính năm 2024');
    await expect.poll(() => page.locator('#messages .msg.assistant').last().textContent()).toContain('Trích yếu: «Kết quả công tác cải cách hành chính năm 2024»');
    await page.close();
  });
});
