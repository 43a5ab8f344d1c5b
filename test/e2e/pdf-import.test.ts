import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../helpers/app.js';
import { serveApp } from '../helpers/serve.js';
import { SEED_BRIEF_PATH } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/poppler.js';
import { firstVisit, screenshot, servedPage } from './browser.js';
import { importBrief, paperText } from './flows.js';
import { wordReport } from '../import/word-docx.js';

/** PDF export with the printed first page, and a draft from last month's Word file, in Debian's chromium. */
const served = servedPage();

describe('PDF and import from the page', { timeout: 90_000 }, () => {
  it('shows the first page as printed in the export panel, and downloads the PDF', async () => {
    const { page, problems } = await firstVisit(served.context, served.server.url);
    await importBrief(page, SEED_BRIEF_PATH);
    await page.click('#export');
    const preview = page.locator('#print-preview img');
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(400);
    const size = await preview.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    expect(size.h / size.w).toBeCloseTo(297 / 210, 1);
    await screenshot(page, 'pdf-01-export-preview');

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
    expect(file.suggestedFilename()).toBe('bc-ubnd-kết-quả-thực-hiện-chương-trình-sản-xuất-tiêu-dùng-bền-vững-năm-2021.pdf');
    const pdf = readFileSync((await file.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('Nguyễn Viết Hưng');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('imports last month’s Word report as next month’s draft, figures marked for update', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-import-'));
    const path = join(dir, 'bao-cao-thang-10.docx');
    writeFileSync(path, await wordReport());
    const { page, problems } = await firstVisit(served.context, served.server.url);
    await page.click('#toggle-drafts');
    await page.check('#docx-next-period');
    await screenshot(page, 'import-01-drafts-panel');
    await page.setInputFiles('#docx-file', path);
    await expect.poll(() => page.locator('#docx-import-status').textContent()).toContain('Đã nhập “bao-cao-thang-10.docx”');
    expect(await page.locator('#docx-import-status').textContent()).toContain('Kỳ sau: “tháng 10 năm 2026” thành “tháng 11 năm 2026”');
    await expect.poll(() => paperText(page)).toContain('Tình hình hoạt động thương mại tháng 11 năm 2026');
    const paper = await paperText(page);
    expect(paper).toContain('Tổng mức bán lẻ hàng hóa tháng 10 ước đạt 5.230 tỷ đồng');
    expect(paper).toContain('Trần Văn Bình');
    const marked = await page.locator('#paper mark[data-rule="import.figure-to-update"]').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['5.230 tỷ', '12,5']));
    await expect.poll(() => page.locator('#draft-list').textContent()).toContain('tháng 11 năm 2026');
    await screenshot(page, 'import-02-next-month', true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without LibreOffice, the export panel says why there is no preview and offers no PDF', async () => {
    const { createApp } = await import('../../server/app.js');
    const { TemplateRegistry } = await import('../../server/template/load.js');
    const { OfflineProvider } = await import('../../server/provider/offline.js');
    const { PdfConverter } = await import('../../server/pdf/converter.js');
    const bare = await testApp();
    const { app } = createApp({
      store: bare.store,
      templates: TemplateRegistry.load(),
      provider: new OfflineProvider(),
      concurrency: 2,
      maxBodyBytes: 1 << 20,
      pdf: new PdfConverter({ soffice: join(tmpdir(), 'khong-co-libreoffice', 'soffice') }),
    });
    const other = await serveApp(app);
    try {
      const { page } = await firstVisit(served.context, other.url);
      await importBrief(page, SEED_BRIEF_PATH);
      await page.click('#export');
      await expect.poll(() => page.locator('#print-preview').textContent()).toMatch(/Chưa xem trước được trang in: Máy chủ chưa cài LibreOffice/);
      expect(await page.locator('#download-pdf').count()).toBe(0);
      expect(await page.locator('#download-docx').count()).toBe(1);
      await screenshot(page, 'pdf-02-no-libreoffice');
      await page.close();
    } finally {
      await other.close();
      bare.close();
    }
  });

  it('says in Vietnamese why a file that is not a .docx cannot be imported', async () => {
    const { page } = await firstVisit(served.context, served.server.url);
    await page.click('#toggle-drafts');
    await page.setInputFiles('#docx-file', { name: 'ghi-chu.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải Word') });
    await expect.poll(() => page.locator('#docx-import-error').textContent()).toMatch(/không phải văn bản Word/);
    await page.close();
  });
});
