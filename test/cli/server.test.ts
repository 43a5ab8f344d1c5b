import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftStore } from '../../server/store/draft-store.js';
import { SCHEMA_VERSION } from '../../server/store/migrations.js';
import { testDialect, testLocation } from '../helpers/store.js';
import { startServer } from '../helpers/server-process.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function place() {
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-server-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const p = await testLocation(dir);
  cleanups.push(() => p.drop());
  return p;
}

async function started(env: NodeJS.ProcessEnv) {
  const server = await startServer({ ...(await place()).env, ...env });
  cleanups.push(() => server.stop());
  return server;
}

/** A raw connection to the server, and everything it answered until it closed. */
function rawSocket(url: string): { socket: Socket; closed: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  socket.on('data', (d) => (answer += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(answer)));
  cleanups.push(() => void socket.destroy());
  return { socket, closed };
}

describe(`the server process (${testDialect})`, () => {
  it('refuses to start on a database a newer version wrote, saying why in Vietnamese and English', async () => {
    const p = await place();
    const store = await DraftStore.open(p.location);
    await store.db.kysely.insertInto('schema_migrations').values({ version: SCHEMA_VERSION + 1, name: 'later', applied_at: 'x' }).execute();
    await store.close();
    const refused = await startServer(p.env).then(
      (s) => s.stop().then(() => 'it started'),
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/phiên bản soanthao mới hơn/);
    expect(refused).toMatch(/newer soanthao/);
  });

  it('cuts off a client that never finishes sending its request headers', async () => {
    const server = await started({ SOANTHAO_HEADERS_TIMEOUT_MS: '1000' });
    const slow = rawSocket(server.url);
    slow.socket.write('GET /api/health HTTP/1.1\r\nHost: soanthao\r\n');
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('refuses connections past its cap, and takes them again once others leave', async () => {
    const server = await started({ SOANTHAO_MAX_CONNECTIONS: '10' });
    const held = Array.from({ length: 10 }, () => rawSocket(server.url));
    await Promise.all(held.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    // The server counts a connection once it has accepted it: ask on each that it is there.
    for (const { socket } of held) socket.write('GET /api/health HTTP/1.1\r\nHost: soanthao\r\n\r\n');
    await Promise.all(held.map(({ socket }) => new Promise((resolve) => socket.once('data', resolve))));
    const extra = rawSocket(server.url);
    extra.socket.write('GET /api/health HTTP/1.1\r\nHost: soanthao\r\n\r\n');
    expect(await extra.closed).toBe('');
    // Closed from our side, a connection leaves the server's count a moment later, as it sees it.
    for (const { socket } of held) socket.end();
    await Promise.all(held.map(({ closed }) => closed));
    const health = () => fetch(`${server.url}/api/health`).then((r) => r.status, () => 0);
    await expect.poll(health, { timeout: 15_000, interval: 100 }).toBe(200);
  });
});
