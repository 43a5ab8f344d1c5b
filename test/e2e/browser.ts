import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Debian's chromium in a fresh profile folder, deleted on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'soanthao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    locale: 'vi-VN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab of the given size that fails the test on any script error or failed request to the app. */
export async function openPage(context: BrowserContext, size: { width: number; height: number } = { width: 1366, height: 768 }) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

export async function screenshot(page: Page, name: string, fullPage = false) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Waits until the page's scripts have started (app.js marks the body). */
export async function ready(page: Page) {
  await page.waitForSelector('body[data-ready="true"]');
}

/** A new tab on the app as at a first visit: what an earlier test left open is not reopened. */
export async function firstVisit(context: BrowserContext, url: string, size?: { width: number; height: number }) {
  const { page, problems } = await openPage(context, size);
  await page.goto(`${url}/`);
  await ready(page);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${url}/`);
  await ready(page);
  return { page, problems };
}
