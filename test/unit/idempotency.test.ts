import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore } from '../helpers/store.js';
import { IdempotencyStore, KEY_LIFETIME_MS } from '../../server/idempotency/store.js';

let opened: Awaited<ReturnType<typeof openTestStore>> | undefined;
let dir = '';
afterEach(async () => {
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function store(clock: () => number) {
  dir = mkdtempSync(join(tmpdir(), 'soanthao-idem-'));
  opened = await openTestStore(dir);
  return new IdempotencyStore(opened.store.db, clock);
}

describe('idempotency keys', () => {
  it('a key is first once, running until answered, then answers with what was stored, per route', async () => {
    const keys = await store(() => Date.parse('2026-11-30T10:00:00Z'));
    expect(await keys.claim('k1', 'POST /api/drafts')).toEqual({ kind: 'first' });
    expect(await keys.claim('k1', 'POST /api/drafts')).toEqual({ kind: 'running' });
    expect(await keys.claim('k1', 'DELETE /api/drafts/x')).toEqual({ kind: 'first' });
    await keys.answer('k1', 'POST /api/drafts', { status: 201, contentType: 'application/json', body: '{"id":"a"}' });
    expect(await keys.claim('k1', 'POST /api/drafts')).toEqual({ kind: 'answered', answer: { status: 201, contentType: 'application/json', body: '{"id":"a"}' } });
  });

  it('a released key may be used again; an answer is forgotten after a day', async () => {
    let now = Date.parse('2026-11-30T10:00:00Z');
    const keys = await store(() => now);
    await keys.claim('k', 'POST /x');
    await keys.release('k', 'POST /x');
    expect(await keys.claim('k', 'POST /x')).toEqual({ kind: 'first' });
    await keys.answer('k', 'POST /x', { status: 200, contentType: null, body: '' });
    now += KEY_LIFETIME_MS - 1000;
    expect((await keys.claim('k', 'POST /x')).kind).toBe('answered');
    now += 2000;
    expect(await keys.claim('k', 'POST /x')).toEqual({ kind: 'first' });
  });
});
