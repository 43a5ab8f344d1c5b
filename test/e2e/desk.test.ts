import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rawBrief } from '../helpers/fixtures.js';
import { firstVisit, ready, screenshot, servedPage } from './browser.js';
import { paragraph, sectionTexts, waitDrafted } from './flows.js';

/** The review desk in Debian's chromium: header edits, honest export, kept edits, safe clicks, navigation, paragraph tools. */
const served = servedPage();

async function createDraft(title: string, drafted = true): Promise<string> {
  const res = await served.ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief(), title } });
  const { id } = (await res.json()) as { id: string };
  if (drafted) await served.ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' });
  return id;
}

async function openAt(id: string, size?: { width: number; height: number }) {
  const { page, problems } = await firstVisit(served.context, served.server.url, size);
  await page.goto(`${served.server.url}/#draft=${id}`);
  await ready(page);
  await expect.poll(() => page.locator('#doc').isVisible()).toBe(true);
  return { page, problems };
}

async function editParagraph(page: Page, key: string, index: number, text: string) {
  const p = paragraph(page, key, index);
  const id = await p.getAttribute('data-paragraph-id');
  await page.click(`[data-focus="p${id}-edit"]`);
  await page.fill(`[data-focus="p${id}-text"]`, text);
  await page.click(`[data-focus="p${id}-save"]`);
  await expect.poll(() => sectionTexts(page, key).then((t) => t[index])).toContain(text);
  return id!;
}

/** Two new drafts, opened from the list one after the other: two entries in the browser's history. */
async function openOneThenAnother(first: string, second: string) {
  const a = await createDraft(first);
  const b = await createDraft(second);
  const { page, problems } = await firstVisit(served.context, served.server.url);
  await page.click('#toggle-drafts');
  for (const [id, title] of [[a, first], [b, second]] as const) {
    await page.click(`[data-draft-open="${id}"]`);
    await expect.poll(() => page.locator('#draft-title').textContent()).toBe(title);
  }
  return { page, problems, a, b };
}

async function draftCount(): Promise<number> {
  return ((await (await served.ctx.request('/api/drafts')).json()) as { drafts: unknown[] }).drafts.length;
}

describe('the review desk', { timeout: 90_000 }, () => {
  it('a header edit re-writes the opening at once and marks a hand-written closing stale, in the page and the export', async () => {
    const { page, problems } = await openAt(await createDraft('Sửa thông tin'));
    await editParagraph(page, 'ket-thuc', 0, 'Trên đây là báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021 của huyện.');
    await page.click('#edit-header');
    await page.fill('#hf-header-org', 'ỦY BAN NHÂN DÂN HUYỆN CAN LỘC');
    await page.fill('#hf-header-subject', 'Kết quả phát triển thương mại điện tử năm 2021');
    await page.click('#header-panel button[type="submit"]');
    await expect.poll(() => sectionTexts(page, 'mo-dau').then((t) => t.join(' '))).toContain('Ủy ban nhân dân huyện Can Lộc báo cáo');
    await expect.poll(() => paragraph(page, 'ket-thuc', 0).textContent()).toContain('Mục này viết theo thông tin cũ: cơ quan ban hành');
    expect(await page.locator('#doc-status').textContent()).toContain('đoạn viết theo thông tin cũ');
    expect(await page.locator('[data-section="ket-thuc"] .status').textContent()).toBe('Viết theo thông tin cũ');
    expect(await page.locator('[data-section="mo-dau"] .status').textContent()).toBe('');
    await screenshot(page, 'desk-01-header-stale');
    await page.click('#export');
    await expect.poll(() => page.locator('#export-readiness').textContent()).toMatch(/^Chưa sẵn sàng: còn \d+ lỗi/);
    expect(await page.locator('#export-panel').textContent()).toContain('Mục này viết theo thông tin cũ');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the export panel lists an undrafted section and does not call the document ready', async () => {
    const id = await createDraft('Chưa soạn hết', false);
    await served.ctx.request(`/api/drafts/${id}/sections/mo-dau/draft`, { method: 'POST' });
    await served.ctx.request(`/api/drafts/${id}/sections/ket-thuc/draft`, { method: 'POST' });
    await served.ctx.request(`/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST' });
    const { page, problems } = await openAt(id);
    await page.click('#export');
    await expect.poll(() => page.locator('#export-readiness').textContent()).toMatch(/^Chưa sẵn sàng: còn 1 mục chưa soạn/);
    expect(await page.locator('#export-undrafted').textContent()).toContain('chưa được soạn');
    expect(await page.locator('#export-undrafted li').count()).toBe(1);
    await screenshot(page, 'desk-02-export-undrafted');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('"Soạn toàn bộ" asks before writing over a hand-edited paragraph, keeps it, and overwrites only when confirmed', async () => {
    const { page, problems } = await openAt(await createDraft('Giữ bản sửa tay'));
    const composed = (await sectionTexts(page, 'ket-qua'))[0]!;
    await editParagraph(page, 'ket-qua', 0, 'Cán bộ viết lại đoạn này bằng tay.');
    // The two toolbar buttons never swap places under the cursor.
    const box = (await page.locator('#draft-all').boundingBox())!;
    await page.click('#draft-all');
    await expect.poll(() => page.locator('#staff-confirm').textContent()).toContain('Có 1 đoạn anh/chị đã sửa tay — giữ nguyên hay soạn lại?');
    await screenshot(page, 'desk-03-keep-or-redraft');
    await page.click('#staff-keep');
    await waitDrafted(page);
    expect((await sectionTexts(page, 'ket-qua'))[0]).toBe('Cán bộ viết lại đoạn này bằng tay.');
    expect(await page.locator('#doc-status').textContent()).toContain('Đã giữ nguyên 1 đoạn anh/chị đã sửa tay');
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.id, { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe('draft-all');
    await page.click('#draft-all');
    await page.click('#staff-overwrite');
    await waitDrafted(page);
    await expect.poll(() => sectionTexts(page, 'ket-qua').then((t) => t[0])).toBe(composed);
    expect(await page.locator('#doc-status').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a double click on "Nhân bản" makes one copy', async () => {
    const { page, problems } = await openAt(await createDraft('Nhấp đúp'));
    const before = await draftCount();
    const keys: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/')) keys.push(r.headers()['idempotency-key']);
    });
    await page.dblclick('#duplicate');
    await expect.poll(() => page.locator('#doc-status').textContent()).toContain('Đã nhân bản');
    await expect.poll(() => page.locator('#draft-title').textContent()).toBe('Nhấp đúp (bản sao)');
    expect(await draftCount()).toBe(before + 1);
    // Every changing request the page sent carried a key of its own.
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => typeof k === 'string' && /^[0-9a-f]{32}$/.test(k))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Back and Forward move between drafts and the list; a reload opens the same draft', async () => {
    const { page, problems, b } = await openOneThenAnother('Bản A', 'Bản B');
    expect(page.url()).toContain(`#draft=${b}`);
    await page.goBack();
    await expect.poll(() => page.locator('#draft-title').textContent()).toBe('Bản A');
    await page.goBack();
    await expect.poll(() => page.locator('#doc').isVisible()).toBe(false);
    expect(await page.locator('#drafts-panel').isVisible()).toBe(true);
    await page.goForward();
    await expect.poll(() => page.locator('#draft-title').textContent()).toBe('Bản A');
    await page.reload();
    await ready(page);
    await expect.poll(() => page.locator('#draft-title').textContent()).toBe('Bản A');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('two quick Backs land on the list even when the draft in between answers late', async () => {
    const { page, problems, a } = await openOneThenAnother('Chậm A', 'Nhanh B');
    // Draft A's answer is held until both Backs have happened, as on a slow office network.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(`**/api/drafts/${a}`, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goBack();
    await expect.poll(() => asked).toBe(true);
    await page.goBack();
    await expect.poll(() => page.locator('#drafts-panel').isVisible()).toBe(true);
    release();
    await page.waitForResponse((r) => r.url().endsWith(`/api/drafts/${a}`));
    // The late answer must not reopen A over the list nor rewrite the address.
    await page.waitForTimeout(300);
    expect(await page.locator('#doc').isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the preview wraps the issuer between word groups, never inside a place name', async () => {
    const id = await createDraft('Tên cơ quan', false);
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const { page, problems } = await openAt(id, size);
      // The line top of each word of the issuer as rendered, wherever the column made it wrap.
      const tops = await page.evaluate(() => {
        const line = document.querySelector('.doc-header .org')!;
        const node = line.firstChild as Text;
        const at: Record<string, number> = {};
        for (const m of node.data.matchAll(/[^\s\u00a0]+/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          at[m[0]] = Math.round(range.getBoundingClientRect().top);
        }
        return at;
      });
      expect(Object.keys(tops)).toEqual(['ỦY', 'BAN', 'NHÂN', 'DÂN', 'HUYỆN', 'NGHI', 'XUÂN']);
      expect(new Set([tops['HUYỆN'], tops['NGHI'], tops['XUÂN']]).size).toBe(1);
      expect(new Set([tops['ỦY'], tops['BAN'], tops['NHÂN'], tops['DÂN']]).size).toBe(1);
      if (size.width === 390) expect(tops['HUYỆN']).toBeGreaterThan(tops['DÂN']!);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('on a 390 px phone, opening a draft from the list shows it', async () => {
    const id = await createDraft('Trên điện thoại');
    const { page, problems } = await firstVisit(served.context, served.server.url, { width: 390, height: 844 });
    await page.click('#toggle-drafts');
    await page.click(`[data-draft-open="${id}"]`);
    await expect.poll(() => page.locator('#draft-title').textContent()).toBe('Trên điện thoại');
    await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('doc')!.getBoundingClientRect().top))).toBeLessThan(100);
    await screenshot(page, 'desk-04-phone-open');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds a paragraph after another, moves it up, deletes it and brings it back', async () => {
    const { page, problems } = await openAt(await createDraft('Công cụ đoạn'));
    const [first, second] = await sectionTexts(page, 'phuong-huong');
    const id = await paragraph(page, 'phuong-huong', 0).getAttribute('data-paragraph-id');
    await page.click(`[data-focus="p${id}-add"]`);
    await page.fill(`[data-focus="p${id}-add-text"]`, 'Đoạn cán bộ thêm vào giữa.');
    await page.click(`[data-focus="p${id}-add-go"]`);
    await expect.poll(() => sectionTexts(page, 'phuong-huong').then((t) => t.slice(0, 3))).toEqual([first, 'Đoạn cán bộ thêm vào giữa.', second]);
    await screenshot(page, 'desk-05-paragraph-added');
    const added = await paragraph(page, 'phuong-huong', 1).getAttribute('data-paragraph-id');
    await page.click(`[data-focus="p${added}-up"]`);
    await expect.poll(() => sectionTexts(page, 'phuong-huong').then((t) => t.slice(0, 2))).toEqual(['Đoạn cán bộ thêm vào giữa.', first]);
    expect(await page.locator(`[data-focus="p${added}-up"]`).isDisabled()).toBe(true);
    await page.click(`[data-focus="p${added}-delete"]`);
    await expect.poll(() => sectionTexts(page, 'phuong-huong').then((t) => t[0])).toBe(first);
    expect(await page.locator('#doc-status').textContent()).toContain('Đã xóa một đoạn');
    expect(await page.locator('#status-action').textContent()).toBe('Hoàn tác');
    // The deleted paragraph stays listed in its section, with a way back.
    await page.click(`[data-focus="p${added}-restore"]`);
    await expect.poll(() => sectionTexts(page, 'phuong-huong').then((t) => t[0])).toBe('Đoạn cán bộ thêm vào giữa.');
    await page.click(`[data-focus="p${added}-revisions"]`);
    await expect.poll(() => page.locator(`[data-paragraph-id="${added}"] .rev-position`).textContent()).toBe('Bản 2/3');
    expect(problems).toEqual([]);
    await page.close();
  });
});
