import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { testApp } from '../helpers/app.js';
import { serveApp } from '../helpers/serve.js';

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

/** What a browser test runs against: an app, served on 127.0.0.1, with closing of its own. */
export interface ServedApp {
  app: Parameters<typeof serveApp>[0];
  close(): unknown;
}

/**
 * Registers the file's beforeAll and afterAll: the app made by makeApp (the offline composer by
 * default), served, and Debian's chromium. The returned object's ctx, server and context are
 * filled in by beforeAll; afterAll closes the browser, the server and the app in that order.
 */
export function servedPage<C extends ServedApp = Awaited<ReturnType<typeof testApp>>>(
  makeApp: () => Promise<C> = () => testApp() as Promise<ServedApp> as Promise<C>,
) {
  const served = {} as {
    ctx: C;
    server: Awaited<ReturnType<typeof serveApp>>;
    browser: Awaited<ReturnType<typeof launchBrowser>>;
    context: BrowserContext;
  };
  beforeAll(async () => {
    served.ctx = await makeApp();
    served.server = await serveApp(served.ctx.app);
    served.browser = await launchBrowser();
    served.context = served.browser.context;
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
    await served.ctx?.close();
  });
  return served;
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
