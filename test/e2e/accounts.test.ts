import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { testApp } from '../helpers/app.js';
import { serveApp } from '../helpers/serve.js';
import { SEED_BRIEF_PATH } from '../helpers/fixtures.js';
import { PASSWORD } from '../helpers/accounts.js';
import { AccountStore } from '../../server/store/account-store.js';
import { hashPassword } from '../../server/auth/password.js';
import { launchBrowser, openPage, ready, screenshot } from './browser.js';
import { importBrief } from './flows.js';

/** The page of a server on the network: logging in and out, the users panel, a draft's history. */
let ctx: Awaited<ReturnType<typeof testApp>>;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
  ctx = await testApp(undefined, { requireLogin: true });
  const accounts = new AccountStore(ctx.store.db);
  for (const [username, role] of [
    ['quantri', 'quan-tri'],
    ['chuyenvien', 'chuyen-vien'],
    ['nguoisoan', 'chuyen-vien'],
    ['vanthu', 'van-thu'],
  ] as const) {
    await accounts.create({ username, officeCode: 'UBND-XUANAN', role, passwordHash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }) });
  }
  server = await serveApp(ctx.app);
  browser = await launchBrowser();
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

/** A tab that records Content-Security-Policy violations. */
async function tab() {
  const opened = await openPage(context);
  await opened.page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`));
  });
  return opened;
}

/** Hashing a password at full cost takes a moment on a busy machine: the page's answers are awaited that long. */
const WAIT = { timeout: 30_000 };

async function logIn(page: Page, username: string, password: string) {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#login-submit');
}

describe('accounts in the page', { timeout: 120_000 }, () => {
  it('sends a visitor to the login page, refuses a wrong password, logs in and out', async () => {
    const { page, problems } = await tab();
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await ready(page);
    await screenshot(page, 'accounts-login');
    await logIn(page, 'quantri', 'không phải mật khẩu này');
    await expect.poll(() => page.locator('#login-error').textContent(), WAIT).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await page.inputValue('#password')).toBe('');
    await logIn(page, 'QuanTri', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await expect.poll(() => page.locator('#whoami').textContent(), WAIT).toBe('quantri · Quản trị · UBND-XUANAN');
    await screenshot(page, 'accounts-logged-in');

    await page.click('#logout');
    await page.waitForURL(`${server.url}/dang-nhap`);
    // The session is over on the server: the app sends the browser back to the login page.
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('lets the administrator list, create, lock users and reset a password in the "Người dùng" panel', async () => {
    const { page, problems } = await tab();
    await page.goto(`${server.url}/dang-nhap`);
    await ready(page);
    await logIn(page, 'quantri', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await page.click('#open-users');
    const rows = page.locator('.users-table tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(4);

    await page.fill('#new-username', 'lanhdao');
    await page.selectOption('#new-role', 'lanh-dao');
    await page.fill('#new-password', 'ngắn');
    await page.click('.new-user button[type="submit"]');
    await expect.poll(() => page.locator('#new-password-error').textContent(), WAIT).toContain('ít nhất 15 ký tự');
    await page.fill('#new-password', PASSWORD);
    await page.click('.new-user button[type="submit"]');
    await expect.poll(() => rows.count(), WAIT).toBe(5);
    expect(await page.locator('.admin-panel [role="status"]').textContent()).toBe('Đã tạo tài khoản lanhdao (Lãnh đạo).');

    const clerk = page.locator('tr[data-username="chuyenvien"]');
    await clerk.getByRole('button', { name: 'Khóa' }).click();
    await expect.poll(() => clerk.locator('td').nth(2).textContent(), WAIT).toBe('Đã khóa');
    await clerk.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.fill('.reset-row input[type="password"]', 'ngắn');
    await page.click('.reset-row button[type="submit"]');
    await expect.poll(() => page.locator('.admin-panel [role="alert"]').first().textContent(), WAIT).toContain('ít nhất 15 ký tự');
    await page.fill('.reset-row input[type="password"]', 'một mật khẩu mới cho chuyên viên');
    await page.click('.reset-row button[type="submit"]');
    await expect.poll(() => page.locator('.admin-panel [role="status"]').textContent(), WAIT).toBe('Đã đặt lại mật khẩu cho chuyenvien.');
    await screenshot(page, 'accounts-users-panel');
    // The clerk, unlocked, logs in with the new password.
    await clerk.getByRole('button', { name: 'Mở khóa' }).click();
    await expect.poll(() => clerk.locator('td').nth(2).textContent(), WAIT).toBe('Đang dùng');
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'chuyenvien', password: 'một mật khẩu mới cho chuyên viên' }) });
    expect(res.status).toBe(200);
    // The administrator's own row offers no way to lock themselves out.
    expect(await page.locator('tr[data-username="quantri"]').getByRole('button', { name: 'Khóa' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows who changed a draft in "Lịch sử"', async () => {
    const { page, problems } = await tab();
    await page.goto(`${server.url}/dang-nhap`);
    await ready(page);
    await logIn(page, 'lanhdao', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await page.evaluate(() => localStorage.clear());
    await importBrief(page, SEED_BRIEF_PATH);
    await page.click('#history');
    const entries = page.locator('.history-list li');
    await expect.poll(() => entries.count(), WAIT).toBeGreaterThanOrEqual(2);
    const texts = await entries.allTextContents();
    expect(texts[0]).toContain('lanhdao · Tạo bản thảo');
    expect(texts.some((t) => t.includes('lanhdao · Soạn mục'))).toBe(true);
    expect(texts.every((t) => / từ (::ffff:)?127\.0\.0\.1/.test(t))).toBe(true);
    await screenshot(page, 'accounts-history', true);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets the author share a draft, and a văn thư comment on it and approve it', async () => {
    const { page, problems } = await tab();
    await page.goto(`${server.url}/dang-nhap`);
    await ready(page);
    await logIn(page, 'nguoisoan', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await page.evaluate(() => localStorage.clear());
    await importBrief(page, SEED_BRIEF_PATH);
    const id = decodeURIComponent(new URL(page.url()).hash).replace('#draft=', '');
    await page.click('#share');
    await expect.poll(() => page.locator('#share').getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(await page.locator('#approve').count()).toBe(0);
    await page.click('#logout');
    await page.waitForURL(`${server.url}/dang-nhap`);

    await logIn(page, 'vanthu', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await page.goto(`${server.url}/#draft=${id}`);
    await ready(page);
    await page.locator('#comment-text').waitFor(WAIT);
    expect(await page.locator('#share').count()).toBe(0);
    await page.fill('#comment-text', 'Đề nghị bổ sung số liệu quý IV.');
    await page.click('.comment-form button[type="submit"]');
    await expect.poll(() => page.locator('.comments li').allTextContents(), WAIT).toEqual([expect.stringContaining('vanthu')]);
    await page.click('#approve');
    await expect.poll(() => page.locator('#approved').textContent(), WAIT).toContain('Đã duyệt: vanthu');
    await screenshot(page, 'accounts-review');
    await page.click('#history');
    await expect.poll(async () => (await page.locator('.history-list li').allTextContents()).slice(-3).map((t) => t.split(' · ')[0]!.split(' ').at(-1) + ' · ' + t.split(' · ')[1]), WAIT).toEqual([
      'nguoisoan · Chia sẻ với cơ quan',
      'vanthu · Góp ý',
      'vanthu · Duyệt',
    ]);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets a user change their own password, then log in again with it', async () => {
    const { page, problems } = await tab();
    await page.goto(`${server.url}/dang-nhap`);
    await ready(page);
    await logIn(page, 'chuyenvien', 'một mật khẩu mới cho chuyên viên');
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await page.click('#change-password');
    await page.fill('#current-password', 'không phải mật khẩu này');
    await page.fill('#changed-password', 'mật khẩu tự chọn của chuyên viên');
    await page.click('.admin-panel button[type="submit"]');
    await expect.poll(() => page.locator('#current-password-error').textContent(), WAIT).toBe('Không đúng');
    await page.fill('#current-password', 'một mật khẩu mới cho chuyên viên');
    await page.click('.admin-panel button[type="submit"]');
    await page.waitForURL(`${server.url}/dang-nhap`);
    await ready(page);
    await logIn(page, 'chuyenvien', 'mật khẩu tự chọn của chuyên viên');
    await page.waitForURL(`${server.url}/`);
    await ready(page);
    await expect.poll(() => page.locator('#whoami').textContent(), WAIT).toBe('chuyenvien · Chuyên viên · UBND-XUANAN');
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
