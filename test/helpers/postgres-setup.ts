import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: under SOANTHAO_TEST_DATABASE=postgres, a throwaway PostgreSQL cluster in a
 * temporary folder for the whole run (each test app then makes a schema of its own in it), stopped
 * and deleted afterwards. initdb refuses to run as root, so as root the cluster belongs to the
 * `postgres` user. SOANTHAO_TEST_PG_URL, when already set, names a server to use instead.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.SOANTHAO_TEST_DATABASE !== 'postgres' || process.env.SOANTHAO_TEST_PG_URL) return undefined;
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, uid('postgres'), gid('postgres'));
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, tool), asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const port = await freePort();
  try {
    run('initdb', ['-D', join(dir, 'db'), '-A', 'trust', '-U', 'soanthao', '--locale=C', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', [
      '-D', join(dir, 'db'), '-w', '-l', join(dir, 'log'),
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`,
      'start',
    ]);
  } catch (e) {
    const log = existsSync(join(dir, 'log')) ? execFileSync('cat', [join(dir, 'log')]).toString() : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start the test PostgreSQL (${bin}): ${(e as Error).message}\n${log}`);
  }
  process.env.SOANTHAO_TEST_PG_URL = `postgres://soanthao@127.0.0.1:${port}/postgres`;
  return () => {
    try {
      run('pg_ctl', ['-D', join(dir, 'db'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Debian puts each major version's tools in /usr/lib/postgresql/N/bin; the newest wins. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  try {
    return execFileSync('pg_config', ['--bindir']).toString().trim();
  } catch {
    throw new Error('PostgreSQL is not installed: run ./scripts/setup.sh (it installs Debian\'s postgresql)');
  }
}

const uid = (user: string) => Number(execFileSync('id', ['-u', user]).toString());
const gid = (user: string) => Number(execFileSync('id', ['-g', user]).toString());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
