import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { serveApp } from '../helpers/serve.js';
import { rawBrief } from '../helpers/fixtures.js';
import { launchBrowser, openPage, ready } from './browser.js';

/** Exporting a draft that still has errors, in Debian's chromium against the real server. */
let ctx: ReturnType<typeof testApp>;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  ctx = testApp();
  server = await serveApp(ctx.app);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  ctx?.close();
});

describe('exporting a flagged draft', { timeout: 90_000 }, () => {
  it('lists the open errors and downloads only once staff confirm they have read them', async () => {
    const { id } = await ctx.service.create(rawBrief());
    await ctx.service.draftAll(id);
    const paragraph = (await ctx.service.detail(id)).sections.find((s) => s.key === 'phuong-huong')!.paragraphs[0]!;
    await ctx.service.editParagraph(id, paragraph.id, `${paragraph.current.text.replace(/\.$/u, '')} tại 17 xã.`);

    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}/#draft=${id}`);
    await ready(page);
    await page.click('#export');
    const box = page.locator('#confirm-export');
    await box.waitFor();
    expect(await page.locator('#export-panel').textContent()).toContain('Số liệu "17" không có trong ý liệu');
    const download = page.locator('#download-docx');
    expect(await download.getAttribute('aria-disabled')).toBe('true');

    let downloaded = false;
    page.on('download', () => (downloaded = true));
    // Assistive technology and Playwright alike see the link as disabled; a forced click still does nothing.
    await download.click({ force: true });
    expect(await box.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(downloaded).toBe(false);

    await box.check();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
