import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftStore } from '../../server/store/draft-store.js';
import type { RevisionMeta } from '../../server/draft/model.js';
import { parseBrief } from '../../server/brief/load.js';
import { rawBrief } from '../helpers/fixtures.js';
import { AuditLog } from '../../server/audit/audit-log.js';
import { LOCAL_OFFICE, LOCAL_SCOPE } from '../../server/auth/scope.js';
import { runTsx } from '../helpers/run-script.js';
import { testDialect, testLocation } from '../helpers/store.js';

const staff: RevisionMeta = { author: 'staff', provider: 'staff', model: null, promptVersion: null, instruction: null, usage: null };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function revisionIds(store: DraftStore): Promise<number[]> {
  return (await store.db.kysely.selectFrom('revisions').select('id').orderBy('id').execute()).map((r) => Number(r.id));
}

describe(`npm run backup / restore (${testDialect})`, () => {
  it('copies the database while drafts are being written, and brings back every revision committed before the copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soanthao-backup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const place = await testLocation(join(dir, 'data'));
    cleanups.push(() => place.drop());
    const env = { ...process.env, ...place.env };
    let store = await DraftStore.open(place.location);
    cleanups.push(() => store.close());

    const draft = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo sao lưu', parseBrief(rawBrief()));
    await new AuditLog(store.db).record({ action: 'create', draftId: draft.id }, LOCAL_SCOPE);
    await store.writeSection(draft.id, 'ket-qua', [0, 1, 2].map((i) => ({ part: null, text: `Đoạn ${i}.`, findings: [] })), staff, []);
    const paragraphs = (await store.getDraft(LOCAL_OFFICE, draft.id)).paragraphs['ket-qua']!.map((p) => p.id);

    // A clerk keeps editing while the backup runs: each revision counts once its write returned.
    const committed: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const r = await store.appendRevision(draft.id, paragraphs[n % 3]!, { text: `Bản sửa số ${n}.`, meta: staff, findings: [] });
        committed.push(r.id);
        // better-sqlite3 answers without a turn of the event loop: give the child process's output one.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (committed.length < 20) await new Promise((r) => setTimeout(r, 5));

    const before = [...committed];
    const made = await runTsx('scripts/backup.ts', ['--', join(dir, 'sao-luu')], env);
    const during = [...committed];
    expect(made.status, made.stderr).toBe(0);
    const file = made.stdout.trim();
    expect(existsSync(file)).toBe(true);
    expect(made.stderr).toContain('Đã sao lưu vào');
    // Writing went on during the copy and after it.
    const afterBackup = committed.length;
    while (committed.length < afterBackup + 10) await new Promise((r) => setTimeout(r, 5));
    writing = false;
    await writer;
    const later = committed.slice(afterBackup);
    expect(during.length).toBeGreaterThan(before.length);
    await store.close();

    const restored = await runTsx('scripts/restore.ts', ['--', file], env);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Đã khôi phục');
    if (testDialect === 'sqlite') expect(readdirSync(join(dir, 'data')).some((f) => f.startsWith('soanthao.db.truoc-khoi-phuc-'))).toBe(true);

    store = await DraftStore.open(place.location);
    const ids = await revisionIds(store);
    // Every revision committed before the backup began is back; none written after it ended is.
    for (const id of before) expect(ids).toContain(id);
    for (const id of later) expect(ids).not.toContain(id);
    // One consistent moment: no gap, and each paragraph points at its newest revision in the copy.
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0]! + i));
    const restoredDraft = await store.getDraft(LOCAL_OFFICE, draft.id);
    for (const p of restoredDraft.paragraphs['ket-qua']!) {
      const newest = await store.db.kysely
        .selectFrom('revisions')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('paragraph_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(p.current.id).toBe(Number(newest.id));
    }
    // The audit trail came back with its guard.
    expect(await store.db.kysely.selectFrom('audit_events').select('action').execute()).toEqual([{ action: 'create' }]);
    await expect(store.db.kysely.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soanthao-backup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const place = await testLocation(join(dir, 'data'));
    cleanups.push(() => place.drop());
    const env = { ...process.env, ...place.env };
    const store = await DraftStore.open(place.location);
    await store.createDraft(LOCAL_SCOPE.actor, 'Còn nguyên', parseBrief(rawBrief()));
    await store.close();
    const missing = await runTsx('scripts/restore.ts', ['--', join(dir, 'khong-co.db')], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Không có tệp sao lưu');
    const usage = await runTsx('scripts/backup.ts', [], env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Cách dùng: npm run backup');
    const again = await DraftStore.open(place.location);
    cleanups.push(() => again.close());
    expect((await again.listDrafts(LOCAL_SCOPE.actor)).items.map((d) => d.title)).toEqual(['Còn nguyên']);
  });
});
