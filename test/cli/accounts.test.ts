import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-script.js';
import { testDialect, testLocation } from '../helpers/store.js';

const PASSWORD = 'mùa lúa năm nay được mùa';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function admin(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/admin.ts'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** `server/main.ts` bound to every address, as an office would run it on its network. */
function serveOnNetwork(env: NodeJS.ProcessEnv): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/main.ts')], { cwd: ROOT, env: { ...env, HOST: '0.0.0.0', PORT: '0' } });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill();
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/0\.0\.0\.0:(\d+)\//.exec(out);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe(`accounts from the command line to the network (${testDialect})`, () => {
  it('creates an administrator with npm run admin, lists it, and then the server starts on the network and lets only them in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soanthao-accounts-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const place = await testLocation(join(dir, 'data'));
    cleanups.push(() => place.drop());
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|SOANTHAO_(?!TEST)|HOST$|PORT$)/.test(k)));
    const env = { ...clean, ...place.env };

    const created = await admin(['--', 'create', 'QuanTri', '--office', 'ubnd-xuanan', '--role', 'quan-tri', '--password-stdin'], env, `${PASSWORD}\n`);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('Đã tạo tài khoản quantri (Quản trị) thuộc cơ quan mới UBND-XUANAN.');
    const clerk = await admin(['create', 'nhanvien', '--office', 'UBND-XUANAN', '--role', 'chuyen-vien', '--password-stdin'], env, PASSWORD);
    expect(clerk.stdout).toContain('thuộc cơ quan UBND-XUANAN.');
    expect((await admin(['create', 'quantri', '--office', 'UBND-KHAC', '--role', 'quan-tri', '--password-stdin'], env, PASSWORD)).status).toBe(1);
    const list = await admin(['list'], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/nhanvien\s+UBND-XUANAN\s+Chuyên viên\s+đang dùng/);
    expect(list.stdout).toMatch(/quantri\s+UBND-XUANAN\s+Quản trị\s+đang dùng/);
    expect(list.stdout).not.toContain(PASSWORD);

    const { port } = await serveOnNetwork(env);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/drafts`)).status).toBe(401);
    const page = await fetch(`${base}/`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect((await fetch(`${base}/dang-nhap`)).status).toBe(200);
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'quantri', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const drafts = await fetch(`${base}/api/drafts`, { headers: { Cookie: cookie } });
    expect(drafts.status).toBe(200);
    const csv = await (await fetch(`${base}/api/audit.csv`, { headers: { Cookie: cookie } })).text();
    // Over a real socket the trail knows where the login came from.
    expect(csv).toMatch(/"quantri","(::ffff:)?127\.0\.0\.1","Đăng nhập"/);
  });
});
