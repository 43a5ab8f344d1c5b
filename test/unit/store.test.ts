import { describe, expect, it, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { DraftStore, type DraftLimits } from '../../server/store/draft-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../server/store/migrations.js';
import { parseBrief } from '../../server/brief/load.js';
import type { RevisionMeta } from '../../server/draft/model.js';
import { rawBrief } from '../helpers/fixtures.js';
import { openTestStore, testDialect } from '../helpers/store.js';
import { LOCAL_OFFICE, LOCAL_SCOPE } from '../../server/auth/scope.js';

const offline: RevisionMeta = { author: 'offline', provider: 'offline', model: null, promptVersion: 'composer-1', instruction: null, usage: null };
const staff: RevisionMeta = { ...offline, author: 'staff', provider: 'staff', promptVersion: null };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshStore(limits: DraftLimits = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const opened = await openTestStore(join(dir, 'data'), limits);
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await opened.close();
  });
  return {
    store: opened.store,
    place: opened.place,
    dir,
    /** Closes the store but keeps its data, to open it again. */
    async closeOnly() {
      closed = true;
      await opened.store.close();
      cleanups.push(() => opened.place.drop());
    },
  };
}

const versions = async (store: DraftStore) =>
  (await store.db.kysely.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map((r) => Number(r.version));

describe(`draft store (${testDialect})`, () => {
  it('creates its tables once and records each migration once', async () => {
    const { store, place, closeOnly } = await freshStore();
    if (testDialect === 'sqlite') {
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(store.db.kysely);
      expect(mode.rows[0]!.journal_mode).toBe('wal');
    }
    await closeOnly();
    const again = await DraftStore.open(place.location);
    try {
      expect(await versions(again)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await again.close();
    }
  });

  it('keeps every revision; going back moves the pointer and deletes nothing', async () => {
    const { store } = await freshStore();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo', parseBrief(rawBrief()));
    await store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Bản một.', findings: [] }], offline, []);
    const [p] = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']!;
    const second = await store.appendRevision(d.id, p!.id, { text: 'Bản hai.', meta: staff, findings: [] });
    expect(second.seq).toBe(2);
    expect((await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![0]!.current.text).toBe('Bản hai.');
    const first = (await store.listRevisions(d.id, p!.id)).items[0]!;
    await store.setCurrent(d.id, p!.id, first.id);
    const now = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![0]!;
    expect(now.current.text).toBe('Bản một.');
    expect(now.revisionCount).toBe(2);
    expect((await store.listRevisions(d.id, p!.id)).items.map((r) => r.text)).toEqual(['Bản một.', 'Bản hai.']);
  });

  it('withdraws paragraphs a shorter redraft no longer has, without deleting them', async () => {
    const { store } = await freshStore();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo', parseBrief(rawBrief()));
    await store.writeSection(d.id, 'phuong-huong', ['- A.', '- B.', '- C.'].map((text) => ({ part: null, text, findings: [] })), offline, []);
    await store.writeSection(d.id, 'phuong-huong', [{ part: null, text: '- D.', findings: [] }], offline, []);
    const ps = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['phuong-huong']!;
    expect(ps.map((p) => p.current.text)).toEqual(['- D.', '', '']);
    expect((await store.listRevisions(d.id, ps[2]!.id)).items.map((r) => r.text)).toEqual(['- C.', '']);
    await expect(store.setCurrent(d.id, ps[0]!.id, (await store.listRevisions(d.id, ps[0]!.id)).items[0]!.id)).resolves.toBeDefined();
    const blank = (await store.listRevisions(d.id, ps[2]!.id)).items[1]!;
    await expect(store.setCurrent(d.id, ps[2]!.id, blank.id)).rejects.toThrow(/Bản này trống/);
  });

  it('brings back the sub-section of an older revision when it is made current again', async () => {
    const { store } = await freshStore();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo', parseBrief(rawBrief()));
    await store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Một.', findings: [] }, { part: 1, text: 'Hai.', findings: [] }], offline, []);
    // A brief change puts a second paragraph in part 0: position 1 now holds part 0's text.
    await store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Một.', findings: [] }, { part: 0, text: 'Một bis.', findings: [] }, { part: 1, text: 'Hai.', findings: [] }], offline, []);
    const p1 = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![1]!;
    expect(p1.part).toBe(0);
    await store.setCurrent(d.id, p1.id, (await store.listRevisions(d.id, p1.id)).items[0]!.id);
    expect((await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![1]).toMatchObject({ part: 1, current: { text: 'Hai.' } });
    const edited = await store.appendRevision(d.id, p1.id, { text: 'Hai, sửa.', meta: staff, findings: [] });
    expect(edited.seq).toBe(3);
    expect((await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![1]!.part).toBe(1);
  });

  it('leaves the previous revision current when a section write fails halfway', async () => {
    const { store } = await freshStore();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo', parseBrief(rawBrief()));
    await store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Giữ nguyên.', findings: [] }], offline, []);
    const bad = { ...offline, author: 'robot' as never };
    await expect(store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Nửa chừng.', findings: [] }], bad, [])).rejects.toThrow();
    const [p] = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']!;
    expect(p!.current.text).toBe('Giữ nguyên.');
    expect(p!.revisionCount).toBe(1);
  });

  it('records provider, model, prompt version, instruction and usage per revision', async () => {
    const { store } = await freshStore();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo', parseBrief(rawBrief()));
    const meta: RevisionMeta = {
      author: 'model', provider: 'openai', model: 'qwen2.5', promptVersion: 'section-3', instruction: 'ngắn gọn hơn',
      usage: { promptTokens: 812, completionTokens: 240, latencyMs: 1530 },
    };
    await store.writeSection(d.id, 'ket-qua', [{ part: null, text: 'Văn bản.', findings: [] }], meta, []);
    const r = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![0]!.current;
    expect(r).toMatchObject({ author: 'model', provider: 'openai', model: 'qwen2.5', promptVersion: 'section-3', instruction: 'ngắn gọn hơn', usage: meta.usage });
  });

  it("refuses a revision of another draft's paragraph", async () => {
    const { store } = await freshStore();
    const a = await store.createDraft(LOCAL_SCOPE.actor, 'A', parseBrief(rawBrief()));
    const b = await store.createDraft(LOCAL_SCOPE.actor, 'B', parseBrief(rawBrief()));
    await store.writeSection(a.id, 'ket-qua', [{ part: null, text: 'A.', findings: [] }], offline, []);
    const pid = (await store.getDraft(LOCAL_OFFICE, a.id)).paragraphs['ket-qua']![0]!.id;
    await expect(store.appendRevision(b.id, pid, { text: 'B.', meta: staff, findings: [] })).rejects.toThrow(/Không tìm thấy đoạn văn/);
  });

  it('keeps every one of many revisions written to one paragraph at once', async () => {
    const { store } = await freshStore();
    const d = await store.createDraft(LOCAL_SCOPE.actor, 'Báo cáo', parseBrief(rawBrief()));
    await store.writeSection(d.id, 'ket-qua', [{ part: null, text: 'Bản đầu.', findings: [] }], offline, []);
    const pid = (await store.getDraft(LOCAL_OFFICE, d.id)).paragraphs['ket-qua']![0]!.id;
    const texts = Array.from({ length: 12 }, (_, i) => `Bản sửa ${i + 1}.`);
    await Promise.all(texts.map((text) => store.appendRevision(d.id, pid, { text, meta: staff, findings: [] })));
    const revisions = (await store.listRevisions(d.id, pid)).items;
    expect(revisions.map((r) => r.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(revisions.map((r) => r.text).sort()).toEqual(['Bản đầu.', ...texts].sort());
  });

  it('pages drafts newest first and revisions oldest first, without repeats or gaps', async () => {
    const { store } = await freshStore();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await store.createDraft(LOCAL_SCOPE.actor, `Bản ${i}`, parseBrief(rawBrief()))).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await store.listDrafts(LOCAL_SCOPE.actor, { limit: 3, cursor });
      seen.push(...page.items.map((d) => d.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const all = (await store.listDrafts(LOCAL_SCOPE.actor)).items.map((d) => d.id);
    expect(seen).toEqual(all);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Changing a draft brings it to the front.
    await store.renameDraft(ids[0]!, 'Bản đầu, đổi tên');
    expect((await store.listDrafts(LOCAL_SCOPE.actor, { limit: 1 })).items[0]!.id).toBe(ids[0]);

    await store.writeSection(ids[1]!, 'ket-qua', [{ part: null, text: 'R1.', findings: [] }], offline, []);
    const pid = (await store.getDraft(LOCAL_OFFICE, ids[1]!)).paragraphs['ket-qua']![0]!.id;
    for (const text of ['R2.', 'R3.', 'R4.']) await store.appendRevision(ids[1]!, pid, { text, meta: staff, findings: [] });
    const first = await store.listRevisions(ids[1]!, pid, { limit: 3 });
    expect(first.items.map((r) => r.text)).toEqual(['R1.', 'R2.', 'R3.']);
    const second = await store.listRevisions(ids[1]!, pid, { limit: 3, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ text: 'R4.' }], nextCursor: null });
    await expect(store.listDrafts(LOCAL_SCOPE.actor, { limit: 3, cursor: 'không-phải-con-trỏ' })).rejects.toThrow(/Con trỏ trang/);
  });

  it("refuses a draft past the office's quota, and takes one again after a deletion", async () => {
    const { store } = await freshStore({ maxDraftsPerOffice: 2 });
    const a = await store.createDraft(LOCAL_SCOPE.actor, 'A', parseBrief(rawBrief()));
    await store.createDraft(LOCAL_SCOPE.actor, 'B', parseBrief(rawBrief()));
    await expect(store.createDraft(LOCAL_SCOPE.actor, 'C', parseBrief(rawBrief()))).rejects.toThrow(/hạn mức 2/);
    await expect(store.duplicateDraft(LOCAL_SCOPE.actor, a.id, 'A (bản sao)')).rejects.toThrow(/hạn mức/);
    await store.deleteDraft(LOCAL_SCOPE.actor, a.id);
    await expect(store.createDraft(LOCAL_SCOPE.actor, 'C', parseBrief(rawBrief()))).resolves.toMatchObject({ title: 'C' });
  });

  it('refuses to open a database a newer version has written, and changes nothing in it', async () => {
    const { store, place, closeOnly } = await freshStore();
    await store.db.kysely.insertInto('schema_migrations').values({ version: SCHEMA_VERSION + 1, name: 'from the future', applied_at: 'x' }).execute();
    await closeOnly();
    await expect(DraftStore.open(place.location)).rejects.toThrow(/phiên bản soanthao mới hơn[\s\S]*newer soanthao/);
    const again = await DraftStore.open(place.location).catch(() => null);
    expect(again).toBeNull();
  });
});

describe.runIf(testDialect === 'sqlite')('an SQLite file from an earlier version', () => {
  it('is brought up to date with its drafts kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'soanthao.db');
    // The database as version 4 left it, written the way that version wrote it.
    const old = new BetterSqlite3(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) {
      for (const s of m.sqlite) old.exec(s);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01T00:00:00.000Z');
    }
    old.prepare("INSERT INTO drafts VALUES ('d1', 'Báo cáo cũ', 'bao-cao', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(
      JSON.stringify(parseBrief(rawBrief())),
    );
    old.close();
    const store = await DraftStore.open({ file });
    try {
      expect(await versions(store)).toEqual(MIGRATIONS.map((m) => m.version));
      expect((await store.listDrafts(LOCAL_SCOPE.actor)).items).toMatchObject([{ id: 'd1', title: 'Báo cáo cũ' }]);
      expect((await store.getDraft(LOCAL_OFFICE, 'd1')).brief.header).toEqual(parseBrief(rawBrief()).header);
    } finally {
      await store.close();
    }
  });
});
