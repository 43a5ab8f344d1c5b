import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { serveApp } from '../helpers/serve.js';
import { rawBrief } from '../helpers/fixtures.js';
import { launchBrowser, openPage, ready } from './browser.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { Provider } from '../../server/provider/types.js';

const offline = new OfflineProvider();
/** The composer, except that a rewritten paragraph comes back as two, as a model may return it. */
const splitting: Provider = {
  name: 'offline',
  model: null,
  writeSection: (ask) => offline.writeSection(ask),
  rewriteParagraph: async (ask) => {
    const texts = ['Tăng cường kiểm tra, kiểm soát thị trường.', 'Xử lý vi phạm trong sản xuất, kinh doanh.'];
    return { texts, answer: texts.join('\n\n'), meta: { author: 'model', provider: 'openai', model: 'fake', promptVersion: null, instruction: null, usage: null } };
  },
};

/** What the drafting pipeline shows on the page, in Debian's chromium against the real server. */
let ctx: Awaited<ReturnType<typeof testApp>>;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  ctx = await testApp(splitting);
  server = await serveApp(ctx.app);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  ctx?.close();
});

describe('the page over the drafting pipeline', { timeout: 90_000 }, () => {
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

  it('shows a paragraph the model returned as two once, with both its parts', async () => {
    const { id } = await ctx.service.create(rawBrief());
    await ctx.service.draftAll(id);
    const target = (await ctx.service.detail(id)).sections.find((s) => s.key === 'phuong-huong')!.paragraphs[2]!;
    await ctx.service.redraftParagraph(id, target.id, null);

    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}/#draft=${id}`);
    await ready(page);
    const shown = page.locator(`[data-paragraph-id="${target.id}"] .para`);
    expect(await shown.count()).toBe(1);
    expect(await shown.textContent()).toBe('- Tăng cường kiểm tra, kiểm soát thị trường.\n\n- Xử lý vi phạm trong sản xuất, kinh doanh.');
    expect(problems).toEqual([]);
    await page.close();
  });
});
