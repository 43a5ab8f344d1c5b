import { describe, expect, it, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DraftStore } from '../../server/store/draft-store.js';
import { MIGRATIONS } from '../../server/store/migrations.js';
import { parseBrief } from '../../server/brief/load.js';
import type { RevisionMeta } from '../../server/draft/model.js';
import { rawBrief } from '../helpers/fixtures.js';

const offline: RevisionMeta = { author: 'offline', provider: 'offline', model: null, promptVersion: 'composer-1', instruction: null, usage: null };
const staff: RevisionMeta = { ...offline, author: 'staff', provider: 'staff', promptVersion: null };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  dirs.push(dir);
  return { file: join(dir, 'data', 'soanthao.db'), store: new DraftStore(join(dir, 'data', 'soanthao.db')) };
}

describe('draft store', () => {
  it('creates the data folder, uses WAL and records each migration once', () => {
    const { file, store } = fileStore();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
    const again = new DraftStore(file);
    const versions = again.db.prepare('SELECT version FROM schema_migrations').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    again.close();
  });

  it('keeps every revision; going back moves the pointer and deletes nothing', () => {
    const { store } = fileStore();
    const d = store.createDraft('Báo cáo', parseBrief(rawBrief()));
    store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Bản một.', findings: [] }], offline, []);
    const [p] = store.getDraft(d.id).paragraphs['ket-qua']!;
    const second = store.appendRevision(d.id, p!.id, { text: 'Bản hai.', meta: staff, findings: [] });
    expect(second.seq).toBe(2);
    expect(store.getDraft(d.id).paragraphs['ket-qua']![0]!.current.text).toBe('Bản hai.');
    const first = store.listRevisions(d.id, p!.id)[0]!;
    store.setCurrent(d.id, p!.id, first.id);
    const now = store.getDraft(d.id).paragraphs['ket-qua']![0]!;
    expect(now.current.text).toBe('Bản một.');
    expect(now.revisionCount).toBe(2);
    expect(store.listRevisions(d.id, p!.id).map((r) => r.text)).toEqual(['Bản một.', 'Bản hai.']);
  });

  it('withdraws paragraphs a shorter redraft no longer has, without deleting them', () => {
    const { store } = fileStore();
    const d = store.createDraft('Báo cáo', parseBrief(rawBrief()));
    store.writeSection(d.id, 'phuong-huong', ['- A.', '- B.', '- C.'].map((text) => ({ part: null, text, findings: [] })), offline, []);
    store.writeSection(d.id, 'phuong-huong', [{ part: null, text: '- D.', findings: [] }], offline, []);
    const ps = store.getDraft(d.id).paragraphs['phuong-huong']!;
    expect(ps.map((p) => p.current.text)).toEqual(['- D.', '', '']);
    expect(store.listRevisions(d.id, ps[2]!.id).map((r) => r.text)).toEqual(['- C.', '']);
    expect(() => store.setCurrent(d.id, ps[0]!.id, store.listRevisions(d.id, ps[0]!.id)[0]!.id)).not.toThrow();
    const blank = store.listRevisions(d.id, ps[2]!.id)[1]!;
    expect(() => store.setCurrent(d.id, ps[2]!.id, blank.id)).toThrow(/Bản này trống/);
  });

  it('brings back the sub-section of an older revision when it is made current again', () => {
    const { store } = fileStore();
    const d = store.createDraft('Báo cáo', parseBrief(rawBrief()));
    store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Một.', findings: [] }, { part: 1, text: 'Hai.', findings: [] }], offline, []);
    // A brief change puts a second paragraph in part 0: position 1 now holds part 0's text.
    store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Một.', findings: [] }, { part: 0, text: 'Một bis.', findings: [] }, { part: 1, text: 'Hai.', findings: [] }], offline, []);
    const p1 = store.getDraft(d.id).paragraphs['ket-qua']![1]!;
    expect(p1.part).toBe(0);
    store.setCurrent(d.id, p1.id, store.listRevisions(d.id, p1.id)[0]!.id);
    expect(store.getDraft(d.id).paragraphs['ket-qua']![1]).toMatchObject({ part: 1, current: { text: 'Hai.' } });
    const edited = store.appendRevision(d.id, p1.id, { text: 'Hai, sửa.', meta: staff, findings: [] });
    expect(edited.seq).toBe(3);
    expect(store.getDraft(d.id).paragraphs['ket-qua']![1]!.part).toBe(1);
  });

  it('leaves the previous revision current when a section write fails halfway', () => {
    const { store } = fileStore();
    const d = store.createDraft('Báo cáo', parseBrief(rawBrief()));
    store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Giữ nguyên.', findings: [] }], offline, []);
    const bad = { ...offline, author: 'robot' as never };
    expect(() => store.writeSection(d.id, 'ket-qua', [{ part: 0, text: 'Nửa chừng.', findings: [] }], bad, [])).toThrow();
    const [p] = store.getDraft(d.id).paragraphs['ket-qua']!;
    expect(p!.current.text).toBe('Giữ nguyên.');
    expect(p!.revisionCount).toBe(1);
  });

  it('records provider, model, prompt version, instruction and usage per revision', () => {
    const { store } = fileStore();
    const d = store.createDraft('Báo cáo', parseBrief(rawBrief()));
    const meta: RevisionMeta = {
      author: 'model', provider: 'openai', model: 'qwen2.5', promptVersion: 'section-3', instruction: 'ngắn gọn hơn',
      usage: { promptTokens: 812, completionTokens: 240, latencyMs: 1530 },
    };
    store.writeSection(d.id, 'ket-qua', [{ part: null, text: 'Văn bản.', findings: [] }], meta, []);
    const r = store.getDraft(d.id).paragraphs['ket-qua']![0]!.current;
    expect(r).toMatchObject({ author: 'model', provider: 'openai', model: 'qwen2.5', promptVersion: 'section-3', instruction: 'ngắn gọn hơn', usage: meta.usage });
  });

  it('refuses a revision of another draft\'s paragraph', () => {
    const { store } = fileStore();
    const a = store.createDraft('A', parseBrief(rawBrief()));
    const b = store.createDraft('B', parseBrief(rawBrief()));
    store.writeSection(a.id, 'ket-qua', [{ part: null, text: 'A.', findings: [] }], offline, []);
    const pid = store.getDraft(a.id).paragraphs['ket-qua']![0]!.id;
    expect(() => store.appendRevision(b.id, pid, { text: 'B.', meta: staff, findings: [] })).toThrow(/Không tìm thấy đoạn văn/);
  });

  it('opens a database a file with an unknown later migration leaves alone', () => {
    const { file, store } = fileStore();
    store.close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    db.close();
    expect(() => new DraftStore(file).close()).not.toThrow();
  });
});
