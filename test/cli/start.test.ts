import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runTsx } from '../helpers/run-script.js';

let dir: string;
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill();
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function env(host: string, port: number): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|SOANTHAO_|HOST$|PORT$)/.test(k)));
  return { ...clean, HOST: host, PORT: String(port), SOANTHAO_DATA_DIR: join(dir, 'data') };
}

describe('npm start: the start rule', () => {
  it('refuses to listen on a network address while no administrator exists, and says how to create one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'soanthao-start-'));
    const port = await freePort();
    for (const host of ['0.0.0.0', '::']) {
      const run = await runTsx('server/main.ts', [], env(host, port));
      expect(run.status, host).toBe(1);
      expect(run.stderr).toContain(`HOST=${host}`);
      expect(run.stderr).toContain('npm run admin -- create <tên đăng nhập> --office <mã cơ quan> --role quan-tri');
      expect(run.stdout).not.toContain('soanthao: http://');
    }
    // Refused before opening anything: no data folder was created.
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('starts on loopback without any account, as today', async () => {
    dir = mkdtempSync(join(tmpdir(), 'soanthao-start-'));
    const port = await freePort();
    child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/main.ts')], { cwd: ROOT, env: env('127.0.0.1', port) });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (d) => {
        stdout += d;
        if (stdout.includes('soanthao: http://')) resolve();
      });
      child!.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
