import { describe, expect, it } from 'vitest';
import { SEED_BRIEF_PATH } from '../helpers/fixtures.js';
import { openPage, ready, servedPage } from './browser.js';
import { importBrief, paragraph } from './flows.js';

/** The page in Debian's chromium under the server's Content-Security-Policy: nothing it does is refused. */
const served = servedPage();

describe('the page under the Content-Security-Policy', { timeout: 90_000 }, () => {
  it('drafts, streams and redrafts without a single policy violation, while an injected inline script is refused', async () => {
    const { page, problems } = await openPage(served.context);
    // Installed through the DevTools protocol, so the policy does not apply to this listener itself.
    await page.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} ${e.sample}`));
    });
    const response = await page.goto(`${served.server.url}/`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await ready(page);
    await page.evaluate(() => localStorage.clear());

    // Drafting streams each section into placeholders sized through the DOM, then a paragraph is redrafted.
    await importBrief(page, SEED_BRIEF_PATH);
    const target = paragraph(page, 'phuong-huong', 0);
    await target.getByRole('button', { name: 'Soạn lại' }).click();
    await target.getByRole('button', { name: 'Soạn lại đoạn này' }).click();
    await target.locator('.revisions').waitFor();
    expect(await target.locator('.rev-position').textContent()).toBe('Bản 2/2');
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(problems).toEqual([]);

    // The control: the policy is in force, an inline script injected into the page does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
      const d = document.createElement('div');
      d.setAttribute('style', 'color: red');
      document.body.append(d);
    });
    await expect.poll(() => page.evaluate(() => (window as any).__violations.length)).toBe(2);
    expect(await page.evaluate(() => (window as any).__inline)).toBeUndefined();
    await page.close();
  });
});
