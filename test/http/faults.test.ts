import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { testDialect } from '../helpers/store.js';
import { isStorageFull } from '../../server/store/faults.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

describe('a per-office quota on drafts', () => {
  it('refuses the draft past the quota in Vietnamese, keeping the others, and takes one after a deletion', async () => {
    ctx = await testApp(undefined, { maxDrafts: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push(((await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as any).id);
    const refused = await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error).toMatchObject({ code: 'quota_exceeded', message: expect.stringContaining('hạn mức 2') });
    expect((await ctx.request(`/api/drafts/${ids[0]}/duplicate`, { method: 'POST', json: {} })).status).toBe(403);
    expect(((await (await ctx.request('/api/drafts')).json()) as any).drafts).toHaveLength(2);
    expect((await ctx.request(`/api/drafts/${ids[0]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).status).toBe(201);
  });
});

describe('a full disk', () => {
  it('is recognised from SQLite, the operating system and PostgreSQL alike', () => {
    expect(isStorageFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe(true);
    expect(isStorageFull(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'SQLITE_FULL' }) }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(false);
  });

  it.runIf(testDialect === 'sqlite')('answers 507 in Vietnamese, keeps what was saved, and health reports it', async () => {
    ctx = await testApp();
    const created = await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief(), title: 'Đã lưu trước' } });
    expect(created.status).toBe(201);
    // The file may not grow by a single page more: SQLite answers as on a full disk.
    const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(ctx.store.db.kysely);
    await sql.raw(`PRAGMA max_page_count = ${rows[0]!.page_count}`).execute(ctx.store.db.kysely);
    const big = rawBrief();
    big.sections[0].facts.push(...Array.from({ length: 40 }, (_, i) => `ý liệu bổ sung số ${i} ${'nội dung dài '.repeat(100)}`));
    const full = await ctx.request('/api/drafts', { method: 'POST', json: { brief: big } });
    expect(full.status).toBe(507);
    expect(((await full.json()) as any).error).toMatchObject({ code: 'storage_full', message: expect.stringContaining('hết chỗ lưu trữ') });
    const health = await ctx.request('/api/health');
    expect(health.status).toBe(503);
    expect(((await health.json()) as any)).toMatchObject({ ok: false, storage: { full: true, message: expect.stringContaining('đầy') } });
    const list = (await (await ctx.request('/api/drafts')).json()) as any;
    expect(list.drafts.map((d: any) => d.title)).toEqual(['Đã lưu trước']);
  });
});
