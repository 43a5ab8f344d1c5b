import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { DraftStore } from '../../server/store/draft-store.js';
import { MIGRATIONS } from '../../server/store/migrations.js';
import { AccountStore } from '../../server/store/account-store.js';
import { ProfileStore } from '../../server/store/profile-store.js';
import { Sessions } from '../../server/auth/sessions.js';
import { hashPassword } from '../../server/auth/password.js';
import { LoginThrottle } from '../../server/auth/login-throttle.js';
import { LOCAL_OFFICE, LOCAL_SCOPE } from '../../server/auth/scope.js';
import { parseBrief } from '../../server/brief/load.js';
import { rawBrief } from '../helpers/fixtures.js';
import { openTempStore, testDialect, testLocation } from '../helpers/store.js';

const PASSWORD = 'mùa lúa năm nay được mùa';
const CHEAP = { ln: 10, r: 8, p: 1 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fresh() {
  const opened = await openTempStore(cleanups, 'accounts-');
  return { store: opened.store, accounts: new AccountStore(opened.store.db) };
}

async function user(accounts: AccountStore, username: string, role: 'chuyen-vien' | 'quan-tri' = 'chuyen-vien', office = 'UBND-A') {
  await accounts.create({ username, officeCode: office, role, passwordHash: await hashPassword(PASSWORD, CHEAP) });
  return (await accounts.accountRow(username))!.account;
}

describe(`accounts store (${testDialect})`, () => {
  it('creates an office with its first user, refuses a taken name, and counts only active administrators', async () => {
    const { accounts } = await fresh();
    const first = await accounts.create({ username: 'quantri', officeCode: 'UBND-A', role: 'quan-tri', passwordHash: await hashPassword(PASSWORD, CHEAP) });
    expect(first).toMatchObject({ officeCreated: true, created: { username: 'quantri', officeCode: 'UBND-A', role: 'quan-tri', active: true } });
    const second = await accounts.create({ username: 'nhanvien', officeCode: 'UBND-A', role: 'chuyen-vien', passwordHash: 'x' });
    expect(second).toMatchObject({ officeCreated: false });
    expect(await accounts.create({ username: 'quantri', officeCode: 'UBND-B', role: 'chuyen-vien', passwordHash: 'x' })).toEqual({ taken: true });
    expect(await accounts.countAdministrators()).toBe(1);
    const admin = (await accounts.accountRow('quantri'))!.account;
    await accounts.update(admin.id, { active: false });
    expect(await accounts.countAdministrators()).toBe(0);
    expect((await accounts.list('UBND-A')).map((a) => [a.username, a.active])).toEqual([
      ['nhanvien', true],
      ['quantri', false],
    ]);
    expect(await accounts.inOffice('UBND-B', admin.id)).toBeNull();
  });

  it('keeps only the SHA-256 of a session token, and ends a session after an idle stretch or its absolute lifetime', async () => {
    const { accounts, store } = await fresh();
    await user(accounts, 'chuyenvien');
    let now = Date.parse('2026-11-30T08:00:00Z');
    const sessions = new Sessions(accounts, new LoginThrottle(() => now), { idleMs: 60_000, absoluteMs: 300_000, touchEveryMs: 10_000 }, () => now);
    const login = await sessions.login('chuyenvien', PASSWORD, '10.0.0.1');
    expect(login.ok).toBe(true);
    const token = (login as { token: string }).token;
    const rows = await store.db.kysely.selectFrom('sessions').selectAll().execute();
    expect(rows.map((r) => r.id)).toEqual([createHash('sha256').update(token).digest('hex')]);
    expect(JSON.stringify(rows)).not.toContain(token);

    // Active every 50 s: idle never reached, but five minutes after login the session ends anyway.
    for (let t = 50_000; t < 300_000; t += 50_000) {
      now += 50_000;
      expect(await sessions.resolve(token), `after ${t} ms`).not.toBeNull();
    }
    now += 50_001;
    expect(await sessions.resolve(token)).toBeNull();
    expect(await accounts.sessionCount((await accounts.accountRow('chuyenvien'))!.account.id)).toBe(0);

    // Idle past a minute: ended, and gone from the store.
    const again = (await sessions.login('chuyenvien', PASSWORD, '10.0.0.1')) as { token: string };
    now += 61_000;
    expect(await sessions.resolve(again.token)).toBeNull();
    expect(await sessions.resolve('not-a-token')).toBeNull();
  });

  it('ends every session of a user when the password changes, and only theirs', async () => {
    const { accounts } = await fresh();
    const a = await user(accounts, 'chuyenvien');
    await user(accounts, 'dongnghiep');
    const sessions = new Sessions(accounts);
    const tokens = await Promise.all([sessions.login('chuyenvien', PASSWORD, ''), sessions.login('chuyenvien', PASSWORD, ''), sessions.login('dongnghiep', PASSWORD, '')]);
    expect(tokens.every((t) => t.ok)).toBe(true);
    await accounts.setPassword(a.id, await hashPassword('một mật khẩu mới khác hẳn', CHEAP));
    const [one, two, other] = tokens as { token: string }[];
    expect(await sessions.resolve(one!.token)).toBeNull();
    expect(await sessions.resolve(two!.token)).toBeNull();
    expect((await sessions.resolve(other!.token))?.account.username).toBe('dongnghiep');
    expect((await sessions.login('chuyenvien', PASSWORD, '')).ok).toBe(false);
    expect((await sessions.login('chuyenvien', 'một mật khẩu mới khác hẳn', '')).ok).toBe(true);
  });

  it('replaces a hash weaker than today’s cost at the next login', async () => {
    const { accounts } = await fresh();
    await user(accounts, 'chuyenvien');
    const before = (await accounts.accountRow('chuyenvien'))!.password_hash;
    expect(before).toContain('ln=10');
    expect((await new Sessions(accounts).login('chuyenvien', PASSWORD, '')).ok).toBe(true);
    expect((await accounts.accountRow('chuyenvien'))!.password_hash).toContain('ln=17');
  });

  it('keeps each office its own profile', async () => {
    const { store } = await fresh();
    const profiles = new ProfileStore(store.db);
    const profile = { org: 'ỦY BAN NHÂN DÂN XÃ A', place: 'A', symbolSuffix: 'UBND', signers: [], copies: [] } as never;
    await profiles.put('UBND-A', profile);
    expect(await profiles.get('UBND-B')).toBeNull();
    expect((await profiles.get('UBND-A'))?.profile).toEqual(profile);
  });
});

/** Runs the statements of the migrations up to `version` on a fresh place, as that version left it. */
async function databaseAtVersion(dir: string, version: number, rows: string[]) {
  const place = await testLocation(dir);
  const statements = [
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    ...MIGRATIONS.filter((m) => m.version <= version).flatMap((m) => [
      ...m[testDialect],
      `INSERT INTO schema_migrations VALUES (${m.version}, '${m.name.replace(/'/g, "''")}', '2026-01-01T00:00:00.000Z')`,
    ]),
    ...rows,
  ];
  if ('file' in place.location) {
    const db = new BetterSqlite3(place.location.file);
    for (const s of statements) db.exec(s);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: place.location.url });
    await client.connect();
    for (const s of statements) await client.query(s);
    await client.end();
  }
  return place;
}

describe(`a database from before accounts (${testDialect})`, () => {
  it('keeps every draft, conversation and the profile, in the local office of the local user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accounts-old-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const brief = JSON.stringify(parseBrief(rawBrief())).replace(/'/g, "''");
    const place = await databaseAtVersion(dir, 5, [
      `INSERT INTO drafts VALUES ('d1', 'Báo cáo cũ', 'bao-cao', '${brief}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      `INSERT INTO office_profile VALUES (1, '{"org":"ỦY BAN NHÂN DÂN XÃ CŨ","signers":[],"copies":[]}', '2026-01-01T00:00:00.000Z')`,
      `INSERT INTO conversations (id, draft_id, template_id, intake_json, created_at, updated_at) VALUES ('c1', 'd1', 'bao-cao', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ]);
    cleanups.push(() => place.drop());
    const store = await DraftStore.open(place.location);
    cleanups.push(() => store.close());
    const row = await store.db.kysely.selectFrom('drafts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: 'd1', office_id: 'LOCAL', owner_id: 'local', deleted_at: null });
    // The one local user of a loopback server (the local scope) sees all of it as before.
    expect((await store.listDrafts(LOCAL_SCOPE.actor)).items.map((d) => d.id)).toEqual(['d1']);
    expect((await new ProfileStore(store.db).get(LOCAL_OFFICE))?.profile).toMatchObject({ org: 'ỦY BAN NHÂN DÂN XÃ CŨ' });
    expect(await store.db.kysely.selectFrom('conversations').select(['office_id', 'owner_id']).execute()).toEqual([{ office_id: 'LOCAL', owner_id: 'local' }]);
    expect(await store.db.kysely.selectFrom('offices').select('id').execute()).toEqual([{ id: 'LOCAL' }]);
  });
});
