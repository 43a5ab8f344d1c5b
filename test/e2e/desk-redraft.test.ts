import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { ParagraphAsk, RewrittenParagraph } from '../../server/provider/types.js';
import { openPage, ready, screenshot, servedPage } from './browser.js';
import { paragraph, sectionTexts } from './flows.js';

/** A provider whose paragraph rewrites wait until the test lets them finish. */
class GatedProvider extends OfflineProvider {
  started: Promise<void> = Promise.resolve();
  private release: () => void = () => {};
  private begin: () => void = () => {};
  private gate: Promise<void> = Promise.resolve();

  hold() {
    this.started = new Promise((r) => (this.begin = r));
    this.gate = new Promise((r) => (this.release = r));
  }

  open() {
    this.release();
  }

  override async rewriteParagraph(ask: ParagraphAsk): Promise<RewrittenParagraph> {
    this.begin();
    await this.gate;
    return { ...(await super.rewriteParagraph(ask)), texts: ['Đoạn mô hình soạn lại trong lúc cán bộ sửa.'], answer: '' };
  }
}

const provider = new GatedProvider();
const served = servedPage(() => testApp(provider));

describe('an edit made while its paragraph is redrafted', { timeout: 90_000 }, () => {
  it('keeps the hand edit current and shows the new text among the revisions', async () => {
    const res = await served.ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief(), title: 'Sửa trong lúc soạn lại' } });
    const { id } = (await res.json()) as { id: string };
    await served.ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' });
    const tabs = await Promise.all([openPage(served.context), openPage(served.context)]);
    for (const { page } of tabs) {
      await page.goto(`${served.server.url}/#draft=${id}`);
      await ready(page);
    }
    const [redrafting, editing] = tabs.map((t) => t.page);
    const pid = await paragraph(redrafting!, 'phuong-huong', 0).getAttribute('data-paragraph-id');

    provider.hold();
    await redrafting!.click(`[data-focus="p${pid}-redraft"]`);
    await redrafting!.click(`[data-focus="p${pid}-redraft-go"]`);
    await provider.started;

    await editing!.click(`[data-focus="p${pid}-edit"]`);
    await editing!.fill(`[data-focus="p${pid}-text"]`, 'Cán bộ sửa tay đoạn này trong lúc máy đang soạn.');
    await editing!.click(`[data-focus="p${pid}-save"]`);
    await expect.poll(() => sectionTexts(editing!, 'phuong-huong').then((t) => t[0])).toBe('Cán bộ sửa tay đoạn này trong lúc máy đang soạn.');

    provider.open();
    await expect.poll(() => redrafting!.locator(`[data-paragraph-id="${pid}"] .notice`).textContent()).toContain('bản sửa tay được giữ');
    expect((await sectionTexts(redrafting!, 'phuong-huong'))[0]).toBe('Cán bộ sửa tay đoạn này trong lúc máy đang soạn.');
    // The newest revision is the model's, shown against the hand edit before it, and not in use.
    expect(await redrafting!.locator(`[data-paragraph-id="${pid}"] .rev-position`).textContent()).toBe('Bản 3/3');
    expect(await redrafting!.locator(`[data-paragraph-id="${pid}"] .rev-meta`).textContent()).toContain('bộ soạn ngoại tuyến');
    expect(await redrafting!.locator(`[data-paragraph-id="${pid}"] [data-focus="p${pid}-use"]`).isVisible()).toBe(true);
    await screenshot(redrafting!, 'desk-06-edit-kept-during-redraft');
    for (const t of tabs) {
      expect(t.problems).toEqual([]);
      await t.page.close();
    }
  });
});
