import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Brief } from '../brief/schema.js';
import type { Finding } from '../checks/finding.js';
import type { Draft, DraftSummary, Paragraph, ParagraphText, Revision, RevisionMeta } from '../draft/model.js';
import { DraftError } from '../errors.js';
import { migrate } from './migrations.js';

interface RevisionRow {
  id: number;
  paragraph_id: number;
  seq: number;
  text: string;
  author: Revision['author'];
  provider: string;
  model: string | null;
  prompt_version: string | null;
  instruction: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number | null;
  findings_json: string;
  created_at: string;
  /** The numbered sub-section this revision prints under. */
  part: number | null;
}

interface DraftRow {
  id: string;
  title: string;
  template_id: string;
  brief_json: string;
  created_at: string;
  updated_at: string;
}

export interface NewRevision {
  text: string;
  meta: RevisionMeta;
  findings: Finding[];
  /** The sub-section it prints under; absent, the paragraph's current one. */
  part?: number | null;
}

const notFound = () => new DraftError('not_found', 'Không tìm thấy bản thảo này: có thể đã bị xóa.');

function toRevision(r: RevisionRow): Revision {
  return {
    id: r.id,
    paragraphId: r.paragraph_id,
    seq: r.seq,
    text: r.text,
    author: r.author,
    provider: r.provider,
    model: r.model,
    promptVersion: r.prompt_version,
    instruction: r.instruction,
    usage:
      r.prompt_tokens === null
        ? null
        : { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens ?? 0, latencyMs: r.latency_ms ?? 0 },
    findings: JSON.parse(r.findings_json) as Finding[],
    createdAt: r.created_at,
  };
}

function toSummary(r: DraftRow): DraftSummary {
  return { id: r.id, title: r.title, templateId: r.template_id, createdAt: r.created_at, updatedAt: r.updated_at };
}

/**
 * Drafts in one SQLite file (WAL). Revisions are append-only; "current" is a pointer, so going back
 * never deletes. Every write that touches several rows is one transaction: a failure leaves the
 * previous revision current.
 */
export class DraftStore {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
  }

  private now(): string {
    return new Date().toISOString();
  }

  createDraft(title: string, brief: Brief): DraftSummary {
    const id = randomUUID();
    const now = this.now();
    this.db
      .prepare('INSERT INTO drafts (id, title, template_id, brief_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, title, brief.template, JSON.stringify(brief), now, now);
    return { id, title, templateId: brief.template, createdAt: now, updatedAt: now };
  }

  listDrafts(): DraftSummary[] {
    return (this.db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC, rowid DESC').all() as DraftRow[]).map(toSummary);
  }

  getDraft(id: string): Draft {
    const row = this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    if (!row) throw notFound();
    const rows = this.db
      .prepare(
        `SELECT p.id AS pid, p.section_key, p.position,
                (SELECT COUNT(*) FROM revisions c WHERE c.paragraph_id = p.id) AS revision_count, r.*
           FROM paragraphs p JOIN revisions r ON r.id = p.current_revision_id
          WHERE p.draft_id = ? ORDER BY p.section_key, p.position`,
      )
      .all(id) as (RevisionRow & { pid: number; section_key: string; position: number; revision_count: number })[];
    const paragraphs: Record<string, Paragraph[]> = {};
    for (const r of rows) {
      (paragraphs[r.section_key] ??= []).push({
        id: r.pid,
        sectionKey: r.section_key,
        part: r.part,
        position: r.position,
        current: toRevision(r),
        revisionCount: r.revision_count,
      });
    }
    return { ...toSummary(row), brief: JSON.parse(row.brief_json) as Brief, paragraphs };
  }

  sectionFindings(draftId: string): Record<string, Finding[]> {
    const rows = this.db.prepare('SELECT key, findings_json FROM sections WHERE draft_id = ?').all(draftId) as { key: string; findings_json: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.findings_json) as Finding[]]));
  }

  private touch(draftId: string): void {
    const changed = this.db.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?').run(this.now(), draftId).changes;
    if (changed === 0) throw notFound();
  }

  private insertRevision(paragraphId: number, r: NewRevision): Revision {
    const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM revisions WHERE paragraph_id = ?').pluck().get(paragraphId) as number);
    const u = r.meta.usage;
    const part =
      r.part !== undefined
        ? r.part
        : ((this.db.prepare('SELECT r.part FROM paragraphs p JOIN revisions r ON r.id = p.current_revision_id WHERE p.id = ?').pluck().get(paragraphId) as
            | number
            | null
            | undefined) ?? null);
    const info = this.db
      .prepare(
        `INSERT INTO revisions (paragraph_id, seq, text, author, provider, model, prompt_version, instruction,
                                prompt_tokens, completion_tokens, latency_ms, findings_json, created_at, part)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        paragraphId, seq, r.text, r.meta.author, r.meta.provider, r.meta.model, r.meta.promptVersion, r.meta.instruction,
        u?.promptTokens ?? null, u?.completionTokens ?? null, u?.latencyMs ?? null, JSON.stringify(r.findings), this.now(), part,
      );
    const id = Number(info.lastInsertRowid);
    this.db.prepare('UPDATE paragraphs SET current_revision_id = ? WHERE id = ?').run(id, paragraphId);
    return this.revision(id);
  }

  private revision(id: number): Revision {
    return toRevision(this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow);
  }

  /**
   * Stores a newly drafted section in one transaction: paragraph i gets a new revision (created if
   * new); paragraphs past the new count get an empty revision (withdrawn), so nothing is deleted.
   */
  writeSection(
    draftId: string,
    sectionKey: string,
    paragraphs: (ParagraphText & { findings: Finding[] })[],
    meta: RevisionMeta,
    sectionFindings: Finding[],
  ): void {
    this.db.transaction(() => {
      this.touch(draftId);
      const now = this.now();
      this.db
        .prepare(
          `INSERT INTO sections (draft_id, key, findings_json, drafted_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (draft_id, key) DO UPDATE SET findings_json = excluded.findings_json, drafted_at = excluded.drafted_at`,
        )
        .run(draftId, sectionKey, JSON.stringify(sectionFindings), now);
      const existing = this.db
        .prepare('SELECT p.id, p.position, r.text FROM paragraphs p LEFT JOIN revisions r ON r.id = p.current_revision_id WHERE p.draft_id = ? AND p.section_key = ? ORDER BY p.position')
        .all(draftId, sectionKey) as { id: number; position: number; text: string | null }[];
      paragraphs.forEach((p, position) => {
        let id = existing.find((e) => e.position === position)?.id;
        if (id === undefined) {
          id = Number(
            this.db.prepare('INSERT INTO paragraphs (draft_id, section_key, part, position) VALUES (?, ?, ?, ?)').run(draftId, sectionKey, p.part, position).lastInsertRowid,
          );
        }
        this.insertRevision(id, { text: p.text, meta, findings: p.findings, part: p.part });
      });
      for (const e of existing) {
        if (e.position >= paragraphs.length && e.text !== '') this.insertRevision(e.id, { text: '', meta, findings: [] });
      }
    })();
  }

  private paragraphOf(draftId: string, paragraphId: number): { id: number; section_key: string; position: number; part: number | null } {
    const p = this.db.prepare('SELECT id, section_key, position, part FROM paragraphs WHERE id = ? AND draft_id = ?').get(paragraphId, draftId) as
      | { id: number; section_key: string; position: number; part: number | null }
      | undefined;
    if (!p) throw new DraftError('not_found', 'Không tìm thấy đoạn văn này trong bản thảo.');
    return p;
  }

  paragraph(draftId: string, paragraphId: number): Paragraph {
    const p = this.paragraphOf(draftId, paragraphId);
    const draft = this.getDraft(draftId);
    return draft.paragraphs[p.section_key]!.find((x) => x.id === p.id)!;
  }

  appendRevision(draftId: string, paragraphId: number, revision: NewRevision): Revision {
    return this.db.transaction(() => {
      this.paragraphOf(draftId, paragraphId);
      this.touch(draftId);
      return this.insertRevision(paragraphId, revision);
    })();
  }

  listRevisions(draftId: string, paragraphId: number): Revision[] {
    this.paragraphOf(draftId, paragraphId);
    return (this.db.prepare('SELECT * FROM revisions WHERE paragraph_id = ? ORDER BY seq').all(paragraphId) as RevisionRow[]).map(toRevision);
  }

  setCurrent(draftId: string, paragraphId: number, revisionId: number): Revision {
    return this.db.transaction(() => {
      this.paragraphOf(draftId, paragraphId);
      const r = this.db.prepare('SELECT id, text FROM revisions WHERE id = ? AND paragraph_id = ?').get(revisionId, paragraphId) as { text: string } | undefined;
      if (!r) throw new DraftError('not_found', 'Không tìm thấy bản sửa này của đoạn văn.');
      // An empty revision marks a paragraph a redraft dropped; only a redraft withdraws paragraphs.
      if (r.text === '') throw new DraftError('bad_input', 'Bản này trống (đoạn đã được bỏ khi soạn lại): hãy chọn một bản có nội dung.', [{ field: 'revisionId', message: 'Bản trống' }]);
      this.db.prepare('UPDATE paragraphs SET current_revision_id = ? WHERE id = ?').run(revisionId, paragraphId);
      this.touch(draftId);
      return this.revision(revisionId);
    })();
  }

  setRevisionFindings(revisionId: number, findings: Finding[]): void {
    this.db.prepare('UPDATE revisions SET findings_json = ? WHERE id = ?').run(JSON.stringify(findings), revisionId);
  }

  setSectionFindings(draftId: string, sectionKey: string, findings: Finding[]): void {
    // The draft may have been deleted while a model was still writing for it.
    if (!this.db.prepare('SELECT 1 FROM drafts WHERE id = ?').get(draftId)) throw notFound();
    this.db
      .prepare(
        `INSERT INTO sections (draft_id, key, findings_json) VALUES (?, ?, ?)
         ON CONFLICT (draft_id, key) DO UPDATE SET findings_json = excluded.findings_json`,
      )
      .run(draftId, sectionKey, JSON.stringify(findings));
  }

  /** Replaces the brief (facts, header); paragraphs and their revisions stay as they are. */
  updateBrief(draftId: string, brief: Brief): void {
    const changed = this.db
      .prepare('UPDATE drafts SET brief_json = ?, template_id = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(brief), brief.template, this.now(), draftId).changes;
    if (changed === 0) throw notFound();
  }

  /**
   * A new draft from an earlier one (next month's report from this month's): the same brief, and each
   * paragraph's current text as its first revision, with who wrote it.
   */
  duplicateDraft(draftId: string, title: string): DraftSummary {
    return this.db.transaction(() => {
      const source = this.getDraft(draftId);
      const copy = this.createDraft(title, source.brief);
      for (const [key, paragraphs] of Object.entries(source.paragraphs)) {
        this.db.prepare('INSERT INTO sections (draft_id, key, findings_json, drafted_at) VALUES (?, ?, ?, ?)').run(copy.id, key, '[]', this.now());
        for (const p of paragraphs) {
          if (p.current.text === '') continue;
          const id = Number(
            this.db.prepare('INSERT INTO paragraphs (draft_id, section_key, part, position) VALUES (?, ?, ?, ?)').run(copy.id, key, p.part, p.position).lastInsertRowid,
          );
          const { text, findings, ...meta } = p.current;
          this.insertRevision(id, { text, findings, meta, part: p.part });
        }
      }
      return copy;
    })();
  }

  renameDraft(draftId: string, title: string): DraftSummary {
    if (this.db.prepare('UPDATE drafts SET title = ?, updated_at = ? WHERE id = ?').run(title, this.now(), draftId).changes === 0) {
      throw notFound();
    }
    return toSummary(this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(draftId) as DraftRow);
  }

  deleteDraft(draftId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM revisions WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE draft_id = ?)').run(draftId);
      this.db.prepare('DELETE FROM paragraphs WHERE draft_id = ?').run(draftId);
      this.db.prepare('DELETE FROM sections WHERE draft_id = ?').run(draftId);
      // The conversation that made the draft goes with it (its messages cascade).
      this.db.prepare('DELETE FROM conversations WHERE draft_id = ?').run(draftId);
      if (this.db.prepare('DELETE FROM drafts WHERE id = ?').run(draftId).changes === 0) throw notFound();
    })();
  }
}
