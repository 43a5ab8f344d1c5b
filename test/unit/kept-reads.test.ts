import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DraftOffice } from '../../server/store/draft-office.js';
import { DraftStore } from '../../server/store/draft-store.js';
import { CHANGE_CHANNEL, ChangeFeed, PostgresChangeFeed } from '../../server/store/change-feed.js';
import { KeptReads } from '../../server/store/kept-reads.js';
import { LOCAL_OFFICE, LOCAL_SCOPE } from '../../server/auth/scope.js';
import { rawBrief } from '../helpers/fixtures.js';
import { parseBrief } from '../../server/brief/load.js';
import { openTempStore, testDialect } from '../helpers/store.js';
import type { RevisionMeta } from '../../server/draft/model.js';
import { AccountStore } from '../../server/store/account-store.js';
import { Sessions } from '../../server/auth/sessions.js';
import { hashPassword } from '../../server/auth/password.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const STAFF: RevisionMeta = { author: 'staff', provider: 'staff', model: null, promptVersion: null, instruction: null, usage: null };

/** Two instances of the server on one database, each with its own connections, as behind a load balancer. */
async function twoInstances() {
  const first = await openTempStore(cleanups, 'standing-');
  const second = await DraftStore.open(first.place.location);
  cleanups.push(() => second.close());
  const office = new DraftOffice(first.store.db);
  await first.store.db.changes.ready();
  // Count what the first instance asks its database for a draft's standing.
  let asked = 0;
  const run = first.store.db.runPrepared.bind(first.store.db);
  first.store.db.runPrepared = (...args) => {
    asked++;
    return run(...args);
  };
  return { store: first.store, other: second, office, asked: () => asked };
}

/** Waits for what another instance did to reach this one (a notification on PostgreSQL, at once on SQLite); fails after 10 s. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let tries = 0; ; tries++) {
    const value = await read();
    if (ok(value) || tries > 1000) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe(`what every request reads, while several instances share the database (${testDialect})`, () => {
  it("sees every change another instance makes: title, sharing, approval, a paragraph's edit, deletion", async () => {
    const { store, other, office } = await twoInstances();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Bản A', parseBrief(rawBrief()));
    const standing = () => office.standing(LOCAL_OFFICE, d.id);
    const first = (await standing())!;

    await other.renameDraft(d.id, 'Bản A, sửa tên');
    expect((await until(standing, (s) => s?.title === 'Bản A, sửa tên'))!.title).toBe('Bản A, sửa tên');

    await new DraftOffice(other.db).setShared(d.id, true);
    expect((await until(standing, (s) => s?.shared === true))!.shared).toBe(true);

    await new DraftOffice(other.db).approve(d.id, 'lanhdao');
    expect((await until(standing, (s) => s?.approvedBy === 'lanhdao'))!.approvedBy).toBe('lanhdao');

    const before = (await standing())!.version;
    await other.writeSection(d.id, 'tinh-hinh', [{ part: null, text: 'Đoạn văn do máy khác ghi.', findings: [] }], STAFF, []);
    expect((await until(standing, (s) => (s?.version ?? 0) > before))!.version).toBeGreaterThan(first.version);

    await other.deleteDraft(LOCAL_SCOPE.actor, d.id);
    expect(await until(standing, (s) => s === null)).toBeNull();
  });

  it('answers at once with what this instance itself just changed, without waiting for any notification', async () => {
    const { store, office } = await twoInstances();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Bản B', parseBrief(rawBrief()));
    const before = (await office.standing(LOCAL_OFFICE, d.id))!;
    await store.renameDraft(d.id, 'Bản B mới');
    expect((await office.standing(LOCAL_OFFICE, d.id))!.title).toBe('Bản B mới');
    await store.writeSection(d.id, 'tinh-hinh', [{ part: null, text: 'Một đoạn.', findings: [] }], STAFF, []);
    expect((await office.standing(LOCAL_OFFICE, d.id))!.version).toBeGreaterThan(before.version + 1);
    await office.setShared(d.id, true);
    expect((await office.standing(LOCAL_OFFICE, d.id))!.shared).toBe(true);
  });

  it("never lends one office's draft to another", async () => {
    const { store, office } = await twoInstances();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Bản C', parseBrief(rawBrief()));
    expect(await office.standing(LOCAL_OFFICE, d.id)).not.toBeNull();
    expect(await office.standing('KHAC', d.id)).toBeNull();
  });

  it('asks the database nothing when the draft has not changed', async () => {
    const { store, office, asked } = await twoInstances();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Bản D', parseBrief(rawBrief()));
    await office.standing(LOCAL_OFFICE, d.id);
    const once = asked();
    for (let i = 0; i < 5; i++) await office.standing(LOCAL_OFFICE, d.id);
    expect(asked()).toBe(once);
  });

  it.runIf(testDialect === 'postgres')('with the notifications lost reads the database, and keeps again once they are back', async () => {
    const { store, other, office, asked } = await twoInstances();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Bản F', parseBrief(rawBrief()));
    await office.standing(LOCAL_OFFICE, d.id);
    const feed = store.db.changes as PostgresChangeFeed;
    const pid = feed.listenerPid!;
    expect(pid).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: process.env.SOANTHAO_TEST_PG_URL });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await until(async () => feed.listenerPid, (p) => p !== pid);
    // Whether or not listening again yet, a change made meanwhile is seen.
    await other.renameDraft(d.id, 'Bản F trong lúc mất kết nối');
    expect((await until(() => office.standing(LOCAL_OFFICE, d.id), (s) => s?.title === 'Bản F trong lúc mất kết nối'))!.title).toBe('Bản F trong lúc mất kết nối');
    await store.db.changes.ready();
    await office.standing(LOCAL_OFFICE, d.id);
    const once = asked();
    await office.standing(LOCAL_OFFICE, d.id);
    expect(asked()).toBe(once);
    await other.renameDraft(d.id, 'Bản F sau khi nối lại');
    expect((await until(() => office.standing(LOCAL_OFFICE, d.id), (s) => s?.title === 'Bản F sau khi nối lại'))!.title).toBe('Bản F sau khi nối lại');
  });

  it("ends a session everywhere: logged out, its user disabled, or the user's password changed, here or on another instance", async () => {
    const { store, other } = await twoInstances();
    const hereAccounts = new AccountStore(store.db);
    const here = new Sessions(hereAccounts);
    const there = new AccountStore(other.db);
    const password = 'mùa lúa năm nay được mùa';
    for (const username of ['chuyenvien', 'dongnghiep', 'lanhdao', 'vanthu']) {
      await there.create({ username, officeCode: 'UBND-A', role: 'chuyen-vien', passwordHash: await hashPassword(password, { ln: 10, r: 8, p: 1 }) });
    }
    const tokenOf = async (username: string) => ((await here.login(username, password, '')) as { token: string }).token;
    const [a, b, c, d] = [await tokenOf('chuyenvien'), await tokenOf('dongnghiep'), await tokenOf('lanhdao'), await tokenOf('vanthu')];
    for (const token of [a, b, c, d]) expect(await here.resolve(token)).not.toBeNull();
    const idOf = async (username: string) => (await there.accountRow(username))!.account.id;

    await new Sessions(there).logout(b);
    expect(await until(() => here.resolve(b), (s) => s === null)).toBeNull();
    await there.update(await idOf('lanhdao'), { active: false });
    expect(await until(() => here.resolve(c), (s) => s === null)).toBeNull();
    await there.setPassword(await idOf('chuyenvien'), 'x');
    expect(await until(() => here.resolve(a), (s) => s === null)).toBeNull();
    // Disabled on this instance: refused at the next request, without waiting for anything.
    await hereAccounts.update(await idOf('vanthu'), { active: false });
    expect(await here.resolve(d)).toBeNull();
  });
});

/** A feed that hears another process's write only when asked whether it is live, as SQLite's does. */
class AskedFeed extends ChangeFeed {
  writtenElsewhere = false;
  override get live(): boolean {
    if (this.writtenElsewhere) {
      this.writtenElsewhere = false;
      this.dropAll();
    }
    return true;
  }
}

describe('a kept read', () => {
  it('is not kept when a change is heard right after it was read', async () => {
    const feed = new AskedFeed();
    const kept = new KeptReads<{ title: string }>(feed, (_kind, id, reads) => reads.drop(id));
    let title = 'Bản cũ';
    const read = async () => {
      const row = { title };
      // Another process commits just after this read, before anything asks the feed again.
      feed.writtenElsewhere = true;
      title = 'Bản mới';
      return row;
    };
    expect((await kept.get('d1', read))!.title).toBe('Bản cũ');
    expect((await kept.get('d1', async () => ({ title })))!.title).toBe('Bản mới');
  });
});

describe.runIf(testDialect === 'postgres')('the PostgreSQL change feed', () => {
  const cluster = () => process.env.SOANTHAO_TEST_PG_URL!;
  /** A pool on the test database or on another one of the cluster, whose notifications never reach a listener elsewhere. */
  function poolOn(database: 'postgres' | 'template1') {
    const pool = new pg.Pool({ connectionString: cluster().replace(/\/postgres$/, `/${database}`), max: 1 });
    cleanups.push(() => pool.end());
    return (payload: string) => pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
  }
  const timing = { probeMs: 300, heartbeatMs: 200 };

  it('keeps nothing while its connection cannot hear what the pool sends (a pooler in transaction mode, another database)', async () => {
    const feed = new PostgresChangeFeed(cluster(), poolOn('template1'), timing);
    cleanups.push(() => feed.close());
    let reads = 0;
    const kept = new KeptReads<{ n: number }>(feed, () => undefined);
    await new Promise((r) => setTimeout(r, 1_000));
    for (let i = 0; i < 3; i++) await kept.get('d1', async () => ({ n: ++reads }));
    expect(feed.live).toBe(false);
    expect(reads).toBe(3);
  });

  it('stops keeping once its probes are no longer heard, and keeps again when they are', async () => {
    let deaf = false;
    const heard = poolOn('postgres');
    const elsewhere = poolOn('template1');
    const feed = new PostgresChangeFeed(cluster(), (payload) => (deaf ? elsewhere : heard)(payload), timing);
    cleanups.push(() => feed.close());
    const kept = new KeptReads<{ n: number }>(feed, () => undefined);
    await feed.ready();
    let reads = 0;
    await kept.get('d1', async () => ({ n: ++reads }));
    await kept.get('d1', async () => ({ n: ++reads }));
    expect(reads).toBe(1);
    deaf = true;
    await until(async () => feed.live, (live) => !live);
    expect(feed.live).toBe(false);
    expect((await kept.get('d1', async () => ({ n: ++reads })))!.n).toBe(2);
    deaf = false;
    await feed.ready();
    await kept.get('d1', async () => ({ n: ++reads }));
    await kept.get('d1', async () => ({ n: ++reads }));
    expect(reads).toBe(3);
  });
});
