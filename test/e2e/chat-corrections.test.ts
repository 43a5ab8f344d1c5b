import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstVisit, screenshot, servedPage } from './browser.js';
import { importBrief, say, waitDrafted, paperText } from './flows.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawBrief } from '../helpers/fixtures.js';

/** A clerk drafting a công văn by chat in Debian's chromium, making and correcting the usual mistakes. */
const served = servedPage();

const lastAnswer = (page: Page) => page.locator('#messages .msg.assistant').last();
const status = (page: Page) => page.locator('#interview-status').textContent();

describe('the chat page corrects a clerk’s usual mistakes', { timeout: 120_000 }, () => {
  it('drafts a công văn after a wrong type, an unaccented địa danh, a one-line signer and a step back', async () => {
    const { page, problems } = await firstVisit(served.context, served.server.url);

    // The wrong type, with the routing words in the trích yếu.
    await say(page, 'báo cáo đề nghị hướng dẫn thủ tục đăng ký khai sinh quá hạn của UBND huyện Nghi Xuân gửi Sở Tư pháp tỉnh Hà Tĩnh');
    expect(await lastAnswer(page).textContent()).toContain('Trích yếu: «Đề nghị hướng dẫn thủ tục đăng ký khai sinh quá hạn»');
    await screenshot(page, 'chat-01-subject-proposed');
    await say(page, 'đúng');
    expect(await lastAnswer(page).textContent()).toContain('Kính gửi: «Sở Tư pháp tỉnh Hà Tĩnh»?');
    await say(page, 'đúng');
    expect(await lastAnswer(page).textContent()).toContain('Cơ quan ban hành: «ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN»?');
    await say(page, 'đúng');
    await expect.poll(() => status(page)).toContain('Đang chuẩn bị báo cáo');

    await say(page, 'à nhầm, tôi cần soạn công văn');
    expect(await lastAnswer(page).textContent()).toContain('Đã đổi sang công văn');
    await expect.poll(() => status(page)).toContain('Đang chuẩn bị công văn. Đang hỏi: địa danh');

    // An unaccented địa danh, confirmed to its accented form by the offered button.
    await say(page, 'nghi xuan');
    expect(await lastAnswer(page).textContent()).toContain('Ý anh/chị là «Nghi Xuân»?');
    await expect.poll(() => status(page)).toContain('Đang hỏi: xác nhận');
    await screenshot(page, 'chat-02-accents');
    await lastAnswer(page).getByRole('button', { name: 'đúng' }).click();
    await page.waitForFunction(() => !document.querySelector('#messages .typing'));
    await expect.poll(() => status(page)).toContain('Đang hỏi: ký hiệu');

    // A ký hiệu, then a step back to correct it.
    await say(page, 'UBND-TP');
    await expect.poll(() => status(page)).toContain('Đang hỏi: ngày ban hành');
    await say(page, 'quay lai');
    expect(await lastAnswer(page).textContent()).toContain('Quay lại: số, ký hiệu (đang có: «UBND-TP»)');
    await expect.poll(() => status(page)).toContain('Đang hỏi: ký hiệu');
    await say(page, '15/UBND-TP');
    await say(page, '05/12/2024');

    // The signer on one line.
    await say(page, 'Phó Chủ tịch Nguyễn Viết Hưng');
    await expect.poll(() => status(page)).toContain('Đang hỏi: nơi nhận');
    await say(page, 'bỏ qua');
    await say(page, '- thực hiện Thông tư số 04/2020/TT-BTP của Bộ Tư pháp');
    expect(await lastAnswer(page).textContent()).toContain('Đã ghi 1 ý vào phần mở đầu');
    await say(page, 'xong');
    await say(page, '- 12 trường hợp đăng ký khai sinh quá hạn chưa có giấy chứng sinh\n- người dân đi làm ăn xa, không về được');
    expect(await lastAnswer(page).textContent()).toContain('Đã ghi 2 ý');
    await say(page, 'xong');
    await say(page, 'bỏ qua');
    await say(page, 'bỏ qua');

    // The summary of every header field, to confirm.
    const summary = (await lastAnswer(page).textContent())!;
    for (const row of [
      'Loại văn bản: Công văn',
      'Cơ quan ban hành: ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
      'Số, ký hiệu: 15/UBND-TP',
      'Địa danh, ngày: Nghi Xuân, 05/12/2024',
      'Trích yếu: V/v Đề nghị hướng dẫn thủ tục đăng ký khai sinh quá hạn',
      'Kính gửi: Sở Tư pháp tỉnh Hà Tĩnh',
      'Người ký: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Viết Hưng',
    ]) {
      expect(summary).toContain(row);
    }
    await screenshot(page, 'chat-03-summary');
    await say(page, 'đúng');
    await waitDrafted(page);
    await screenshot(page, 'chat-04-drafted');

    const paper = await paperText(page);
    for (const printed of ['ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN', '15/UBND-TP', 'Nghi Xuân', 'Kính gửi: Sở Tư pháp tỉnh Hà Tĩnh', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Viết Hưng']) {
      expect(paper).toContain(printed);
    }
    expect(paper).not.toMatch(/Nghi Xuan|HUYEN|Ý liệu/);
    expect(paper).not.toContain('Sở Tư pháp tỉnh Hà Tĩnh gửi');
    // The words a clerk uses: "Các ý chính", never "Ý liệu".
    expect(await page.locator('body').textContent()).not.toMatch(/[Ýý] liệu/);
    expect(await page.locator('[data-section="noi-dung"]').getByRole('button', { name: /^Các ý chính \(2\)/ }).count()).toBe(1);

    // The offline composer does not follow a rewrite request: the chat says so and opens the edit box.
    await say(page, 'viết lại đoạn 1 mục nội dung ngắn gọn hơn');
    const honest = (await lastAnswer(page).textContent())!;
    expect(honest).toContain('Bộ soạn ngoại tuyến không làm theo yêu cầu viết lại');
    expect(honest).not.toContain('Đang viết lại');
    const edited = page.locator('[data-section="noi-dung"] .paragraph').first();
    await edited.locator('textarea').waitFor();
    await expect.poll(() => edited.getByRole('button', { name: 'Lưu đoạn này' }).isVisible()).toBe(true);
    await screenshot(page, 'chat-05-edit-box');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists text typed without accents, never confirmed, before the .docx is downloaded', async () => {
    const { page, problems } = await firstVisit(served.context, served.server.url);
    const brief = rawBrief();
    brief.header.org = 'UBND HUYEN NGHI XUAN';
    const file = join(mkdtempSync(join(tmpdir(), 'soanthao-brief-')), 'khong-dau.json');
    writeFileSync(file, JSON.stringify(brief));
    await importBrief(page, file);
    await page.click('#export');
    await page.locator('#download-docx').waitFor();
    const listed = page.locator('#export-panel li', { hasText: 'có vẻ gõ không dấu' });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.textContent()).toContain('Cơ quan ban hành');
    expect(await listed.textContent()).toContain('«HUYỆN NGHI XUÂN»');
    await screenshot(page, 'chat-06-export-unaccented');
    expect(problems).toEqual([]);
    await page.close();
  });
});
