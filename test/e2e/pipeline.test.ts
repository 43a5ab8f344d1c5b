import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { openPage, ready, servedPage } from './browser.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { Provider } from '../../server/provider/types.js';
import { LOCAL_SCOPE } from '../../server/auth/scope.js';

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
const served = servedPage(() => testApp(splitting));

describe('the page over the drafting pipeline', { timeout: 90_000 }, () => {
  it('lists the open errors and downloads only once staff confirm they have read them', async () => {
    const { id } = await served.ctx.service.create(LOCAL_SCOPE, rawBrief());
    await served.ctx.service.draftAll(LOCAL_SCOPE, id);
    const paragraph = (await served.ctx.service.detail(LOCAL_SCOPE, id)).sections.find((s) => s.key === 'phuong-huong')!.paragraphs[0]!;
    await served.ctx.service.editParagraph(LOCAL_SCOPE, id, paragraph.id, `${paragraph.current.text.replace(/\.$/u, '')} tại 17 xã.`);

    const { page, problems } = await openPage(served.context);
    await page.goto(`${served.server.url}/#draft=${id}`);
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
    const { id } = await served.ctx.service.create(LOCAL_SCOPE, rawBrief());
    await served.ctx.service.draftAll(LOCAL_SCOPE, id);
    const target = (await served.ctx.service.detail(LOCAL_SCOPE, id)).sections.find((s) => s.key === 'phuong-huong')!.paragraphs[2]!;
    await served.ctx.service.redraftParagraph(LOCAL_SCOPE, id, target.id, null);

    const { page, problems } = await openPage(served.context);
    await page.goto(`${served.server.url}/#draft=${id}`);
    await ready(page);
    const shown = page.locator(`[data-paragraph-id="${target.id}"] .para`);
    expect(await shown.count()).toBe(1);
    expect(await shown.textContent()).toBe('- Tăng cường kiểm tra, kiểm soát thị trường.\n\n- Xử lý vi phạm trong sản xuất, kinh doanh.');
    expect(problems).toEqual([]);
    await page.close();
  });
});
