import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Brief } from '../brief/schema.js';
import type { Finding } from '../checks/finding.js';
import type { Draft, DraftSummary, Paragraph, ParagraphText, Revision, RevisionMeta } from '../draft/model.js';
import { DraftError } from '../errors.js';
import { Database, type Queries, type StoreLocation } from './database.js';
import type { DraftTable, RevisionTable } from './schema.js';
import { type Page, type PageRequest, decodeCursor, encodeCursor } from './page.js';
import type { Actor } from '../auth/roles.js';
import { visibleTo } from './draft-office.js';

type RevisionRow = Selectable<RevisionTable>;

export interface NewRevision {
  text: string;
  meta: RevisionMeta;
  findings: Finding[];
  /** The sub-section it prints under; absent, the paragraph's current one. */
  part?: number | null;
}

/** The instruction on the first revision of a paragraph staff added by hand between others. */
export const ADDED_PARAGRAPH = 'Cán bộ thêm đoạn';

/** What a section's writer must not overwrite. */
export interface SectionGuard {
  /** Keep paragraphs whose current revision staff wrote. */
  keepStaff?: boolean;
  /**
   * The current revision of each paragraph when the writer read the section: a paragraph whose
   * current revision has changed since, or that did not exist then, keeps its text.
   */
  startedFrom?: Map<number, number>;
}

const notFound = () => new DraftError('not_found', 'Không tìm thấy bản thảo này: có thể đã bị xóa.');
const SUMMARY = ['id', 'title', 'template_id', 'created_at', 'updated_at'] as const;

function toRevision(r: RevisionRow): Revision {
  return {
    id: Number(r.id),
    paragraphId: Number(r.paragraph_id),
    seq: Number(r.seq),
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

type ParagraphRow = RevisionRow & { pid: number; section_key: string; position: number; revision_count: number | null };

function toParagraph(r: ParagraphRow): Paragraph {
  return {
    id: Number(r.pid),
    sectionKey: r.section_key,
    part: r.part,
    position: Number(r.position),
    current: toRevision(r),
    revisionCount: Number(r.revision_count),
  };
}

function toSummary(r: Pick<Selectable<DraftTable>, (typeof SUMMARY)[number]>): DraftSummary {
  return { id: r.id, title: r.title, templateId: r.template_id, createdAt: r.created_at, updatedAt: r.updated_at };
}

/**
 * Drafts in SQLite or PostgreSQL, through one set of queries. Revisions are append-only; "current"
 * is a pointer, so going back never deletes. Every write that touches several rows is one
 * transaction that first touches the draft's row: writers of one draft take turns (also across
 * server processes on PostgreSQL), and a failure leaves the previous revision current.
 */
export interface DraftLimits {
  /** Drafts one office may keep; 0 or absent: no limit. */
  maxDraftsPerOffice?: number;
}

/** Paragraphs with their current revision and how many revisions each has. */
function currentParagraphs(q: Queries) {
  return q
    .selectFrom('paragraphs as p')
    .innerJoin('revisions as r', 'r.id', 'p.current_revision_id')
    .selectAll('r')
    .select(['p.id as pid', 'p.section_key', 'p.position'])
    .select((eb) =>
      eb
        .selectFrom('revisions as c')
        .whereRef('c.paragraph_id', '=', 'p.id')
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .as('revision_count'),
    );
}

export class DraftStore {
  constructor(
    readonly db: Database,
    private readonly limits: DraftLimits = {},
  ) {}

  /** Opens (and migrates) the database at `location`; closing the store closes it. */
  static async open(location: StoreLocation, limits: DraftLimits = {}): Promise<DraftStore> {
    return new DraftStore(await Database.open(location), limits);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private get q(): Queries {
    return this.db.kysely;
  }

  private lastNow = 0;

  /** Strictly increasing within an instance, so "most recently changed" never ties between two quick writes. */
  private now(): string {
    this.lastNow = Math.max(Date.now(), this.lastNow + 1);
    return new Date(this.lastNow).toISOString();
  }

  /** Refuses a new draft past the office's quota; a deleted draft no longer counts. */
  private async checkQuota(q: Queries, office: string): Promise<void> {
    const max = this.limits.maxDraftsPerOffice ?? 0;
    if (max <= 0) return;
    const { n } = await q
      .selectFrom('drafts')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('office_id', '=', office)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(n) >= max) {
      throw new DraftError(
        'quota_exceeded',
        `Cơ quan đã có ${Number(n).toLocaleString('vi-VN')} bản thảo, bằng hạn mức ${max.toLocaleString('vi-VN')}: hãy xóa bớt bản thảo cũ không cần đến rồi tạo bản mới.`,
      );
    }
  }

  /** A new draft of the actor's office, written by the actor. */
  async createDraft(actor: Actor, title: string, brief: Brief, q: Queries = this.q): Promise<DraftSummary> {
    await this.checkQuota(q, actor.officeId);
    const id = randomUUID();
    const now = this.now();
    await q
      .insertInto('drafts')
      .values({
        id,
        title,
        template_id: brief.template,
        brief_json: JSON.stringify(brief),
        created_at: now,
        updated_at: now,
        office_id: actor.officeId,
        owner_id: actor.userId,
      })
      .execute();
    return { id, title, templateId: brief.template, createdAt: now, updatedAt: now };
  }

  /** The drafts the actor may read, most recently changed first, a page at a time; without their briefs. */
  async listDrafts(actor: Actor, page: PageRequest = {}): Promise<Page<DraftSummary>> {
    const after = decodeCursor(page.cursor, ['string', 'string']);
    let query = visibleTo(this.q.selectFrom('drafts').select(SUMMARY), actor).orderBy('updated_at', 'desc').orderBy('id', 'desc');
    if (after) query = query.where((eb) => eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(after[0] as string, after[1] as string)));
    if (page.limit !== undefined) query = query.limit(page.limit + 1);
    const rows = await query.execute();
    const more = page.limit !== undefined && rows.length > page.limit;
    const items = (more ? rows.slice(0, page.limit) : rows).map(toSummary);
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor([last.updatedAt, last.id]) : null };
  }

  async getDraft(office: string, id: string, q: Queries = this.q): Promise<Draft> {
    // Another office's draft, or a deleted one, is missing as far as the caller is concerned.
    const row = await q
      .selectFrom('drafts')
      .selectAll()
      .where('id', '=', id)
      .where('office_id', '=', office)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound();
    const rows = await currentParagraphs(q)
      .where('p.draft_id', '=', id)
      .orderBy('p.section_key')
      .orderBy('p.position')
      .execute();
    const paragraphs: Record<string, Paragraph[]> = {};
    for (const r of rows) (paragraphs[r.section_key] ??= []).push(toParagraph(r));
    return { ...toSummary(row), brief: JSON.parse(row.brief_json) as Brief, paragraphs };
  }

  async sectionFindings(draftId: string): Promise<Record<string, Finding[]>> {
    const rows = await this.q.selectFrom('sections').select(['key', 'findings_json']).where('draft_id', '=', draftId).execute();
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.findings_json) as Finding[]]));
  }

  /**
   * Runs a write of one draft. Once it is stored (or failed), whoever kept the draft's standing in
   * this process drops it; other instances hear of it from the database (change-feed.ts).
   */
  private async changing<T>(draftId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.db.changes.publish('draft', draftId);
    }
  }

  /** One transaction that changes a draft, told as `changing` tells it. */
  private changingIn<T>(draftId: string, work: (q: Queries) => Promise<T>): Promise<T> {
    return this.changing(draftId, () => this.db.transaction(work));
  }

  /** Marks the draft changed; in a transaction, also makes other writers of this draft wait their turn. */
  private async touch(q: Queries, draftId: string): Promise<void> {
    const result = await q
      .updateTable('drafts')
      .set((eb) => ({ updated_at: this.now(), version: eb('version', '+', 1) }))
      .where('id', '=', draftId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound();
  }

  /** Appends a revision; with `makeCurrent` false it is kept to look at, and the current text stays. */
  private async insertRevision(q: Queries, paragraphId: number, r: NewRevision, makeCurrent = true): Promise<Revision> {
    const last = await q
      .selectFrom('revisions')
      .select(sql<number>`cast(coalesce(max(seq), 0) as integer)`.as('seq'))
      .where('paragraph_id', '=', paragraphId)
      .executeTakeFirstOrThrow();
    const u = r.meta.usage;
    const part =
      r.part !== undefined
        ? r.part
        : ((
            await q
              .selectFrom('paragraphs as p')
              .innerJoin('revisions as r', 'r.id', 'p.current_revision_id')
              .select('r.part')
              .where('p.id', '=', paragraphId)
              .executeTakeFirst()
          )?.part ?? null);
    const row = await q
      .insertInto('revisions')
      .values({
        paragraph_id: paragraphId,
        seq: Number(last.seq) + 1,
        text: r.text,
        author: r.meta.author,
        provider: r.meta.provider,
        model: r.meta.model,
        prompt_version: r.meta.promptVersion,
        instruction: r.meta.instruction,
        prompt_tokens: u?.promptTokens ?? null,
        completion_tokens: u?.completionTokens ?? null,
        latency_ms: u?.latencyMs ?? null,
        findings_json: JSON.stringify(r.findings),
        created_at: this.now(),
        part,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (makeCurrent) await q.updateTable('paragraphs').set({ current_revision_id: row.id }).where('id', '=', paragraphId).execute();
    return toRevision(row);
  }

  private async newParagraph(q: Queries, draftId: string, sectionKey: string, part: number | null, position: number): Promise<number> {
    const row = await q
      .insertInto('paragraphs')
      .values({ draft_id: draftId, section_key: sectionKey, part, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /**
   * Stores a newly drafted section in one transaction: paragraph i gets a new revision (created if
   * new); paragraphs past the new count get an empty revision (withdrawn), so nothing is deleted.
   */
  async writeSection(
    draftId: string,
    sectionKey: string,
    paragraphs: (ParagraphText & { findings: Finding[] })[],
    meta: RevisionMeta,
    sectionFindings: Finding[],
    guard: SectionGuard = {},
  ): Promise<number[]> {
    return this.changingIn(draftId, async (q) => {
      await this.touch(q, draftId);
      const now = this.now();
      await q
        .insertInto('sections')
        .values({ draft_id: draftId, key: sectionKey, findings_json: JSON.stringify(sectionFindings), drafted_at: now })
        .onConflict((oc) =>
          oc.columns(['draft_id', 'key']).doUpdateSet((eb) => ({ findings_json: eb.ref('excluded.findings_json'), drafted_at: eb.ref('excluded.drafted_at') })),
        )
        .execute();
      const existing = await q
        .selectFrom('paragraphs as p')
        .leftJoin('revisions as r', 'r.id', 'p.current_revision_id')
        .select(['p.id', 'p.position', 'r.text', 'r.author', 'p.current_revision_id'])
        .select((eb) =>
          eb.selectFrom('revisions as f').select('f.instruction').whereRef('f.paragraph_id', '=', 'p.id').orderBy('f.seq').limit(1).as('first_instruction'),
        )
        .where('p.draft_id', '=', draftId)
        .where('p.section_key', '=', sectionKey)
        .orderBy('p.position')
        .execute();
      // A paragraph staff wrote, or one changed since the writer read it, keeps its current text.
      const kept = existing.filter(
        (e) =>
          e.text !== '' &&
          ((guard.keepStaff && e.author === 'staff') ||
            (guard.startedFrom?.has(Number(e.id)) === true && guard.startedFrom.get(Number(e.id)) !== Number(e.current_revision_id)) ||
            (guard.startedFrom !== undefined && !guard.startedFrom.has(Number(e.id)))),
      );
      const isKept = (id: number) => kept.some((e) => Number(e.id) === id);
      // A kept paragraph staff added between others holds no new text: the new paragraphs fill the
      // other places in order, so none of them is hidden behind it.
      const slots = existing.filter((e) => !(isKept(Number(e.id)) && e.first_instruction === ADDED_PARAGRAPH));
      let next = Math.max(-1, ...existing.map((e) => Number(e.position))) + 1;
      for (const [i, p] of paragraphs.entries()) {
        const slot = slots[i];
        const id = slot ? Number(slot.id) : await this.newParagraph(q, draftId, sectionKey, p.part, next++);
        await this.insertRevision(q, id, { text: p.text, meta, findings: p.findings, part: p.part }, !isKept(id));
      }
      for (const e of slots.slice(paragraphs.length)) {
        if (e.text !== '' && !isKept(Number(e.id))) await this.insertRevision(q, Number(e.id), { text: '', meta, findings: [] });
      }
      return kept.map((e) => Number(e.id));
    });
  }

  private async paragraphOf(q: Queries, draftId: string, paragraphId: number) {
    const p = await q
      .selectFrom('paragraphs')
      .select(['id', 'section_key', 'position', 'part'])
      .where('id', '=', paragraphId)
      .where('draft_id', '=', draftId)
      .executeTakeFirst();
    if (!p) throw new DraftError('not_found', 'Không tìm thấy đoạn văn này trong bản thảo.');
    return p;
  }

  async paragraph(draftId: string, paragraphId: number): Promise<Paragraph> {
    const r = await currentParagraphs(this.q)
      .where('p.id', '=', paragraphId)
      .where('p.draft_id', '=', draftId)
      .executeTakeFirst();
    if (!r) throw new DraftError('not_found', 'Không tìm thấy đoạn văn này trong bản thảo.');
    return toParagraph(r);
  }

  async appendRevision(draftId: string, paragraphId: number, revision: NewRevision): Promise<Revision> {
    return (await this.appendRevisionFrom(draftId, paragraphId, revision, null)).revision;
  }

  /**
   * Compare-and-set on the current pointer: the revision becomes current only if the paragraph's
   * current revision is still `startedFrom` (null: always). A writer that read an older text (a
   * redraft while staff edited) leaves its revision beside the current one, to look at.
   */
  async appendRevisionFrom(draftId: string, paragraphId: number, revision: NewRevision, startedFrom: number | null): Promise<{ revision: Revision; current: boolean }> {
    return this.changingIn(draftId, async (q) => {
      await this.paragraphOf(q, draftId, paragraphId);
      await this.touch(q, draftId);
      const now = await q.selectFrom('paragraphs').select('current_revision_id').where('id', '=', paragraphId).executeTakeFirstOrThrow();
      const current = startedFrom === null || Number(now.current_revision_id) === startedFrom;
      return { revision: await this.insertRevision(q, paragraphId, revision, current), current };
    });
  }

  /**
   * A new paragraph right after another of its section (same sub-section), its first revision
   * `revision`; the paragraphs after it move down one place.
   */
  async insertParagraphAfter(draftId: string, afterId: number, revision: NewRevision): Promise<Revision> {
    return this.changingIn(draftId, async (q) => {
      const after = await this.paragraphOf(q, draftId, afterId);
      await this.touch(q, draftId);
      const position = Number(after.position);
      await this.shiftDown(q, draftId, after.section_key, position);
      const current = await q.selectFrom('revisions').select('part').where('paragraph_id', '=', afterId).orderBy('seq', 'desc').executeTakeFirst();
      const part = revision.part !== undefined ? revision.part : (current?.part ?? null);
      const id = await this.newParagraph(q, draftId, after.section_key, part, position + 1);
      return this.insertRevision(q, id, { ...revision, part });
    });
  }

  /** Moves the paragraphs of a section after `position` one place down, in two steps so no two ever share a place. */
  private async shiftDown(q: Queries, draftId: string, sectionKey: string, position: number): Promise<void> {
    const steps = [sql<number>`-position - 2`, sql<number>`-position - 1`];
    for (const [i, to] of steps.entries()) {
      await q
        .updateTable('paragraphs')
        .set({ position: to })
        .where('draft_id', '=', draftId)
        .where('section_key', '=', sectionKey)
        .where('position', i === 0 ? '>' : '<', i === 0 ? position : 0)
        .execute();
    }
  }

  /**
   * Swaps a paragraph with the nearest shown paragraph above (-1) or below (+1) in its section, and
   * records the move as a revision of the moved paragraph (same text, the neighbour's sub-section).
   */
  async moveParagraph(draftId: string, paragraphId: number, direction: -1 | 1, meta: RevisionMeta): Promise<Revision | null> {
    return this.changingIn(draftId, async (q) => {
      const p = await this.paragraphOf(q, draftId, paragraphId);
      await this.touch(q, draftId);
      const rows = await q
        .selectFrom('paragraphs as p')
        .innerJoin('revisions as r', 'r.id', 'p.current_revision_id')
        .select(['p.id', 'p.position', 'r.text', 'r.part', 'r.findings_json'])
        .where('p.draft_id', '=', draftId)
        .where('p.section_key', '=', p.section_key)
        .orderBy('p.position')
        .execute();
      const shown = rows.filter((r) => r.text !== '' || Number(r.id) === paragraphId);
      const at = shown.findIndex((r) => Number(r.id) === paragraphId);
      const self = shown[at]!;
      const other = shown[at + direction];
      if (!other || self.text === '') return null;
      await q.updateTable('paragraphs').set({ position: -1 }).where('id', '=', paragraphId).execute();
      await q.updateTable('paragraphs').set({ position: Number(self.position) }).where('id', '=', Number(other.id)).execute();
      await q.updateTable('paragraphs').set({ position: Number(other.position) }).where('id', '=', paragraphId).execute();
      return this.insertRevision(q, paragraphId, { text: self.text, meta, findings: JSON.parse(self.findings_json) as Finding[], part: other.part });
    });
  }

  /** A paragraph's revisions, oldest first, a page at a time (all of them when no limit is asked). */
  async listRevisions(draftId: string, paragraphId: number, page: PageRequest = {}): Promise<Page<Revision>> {
    await this.paragraphOf(this.q, draftId, paragraphId);
    const after = decodeCursor(page.cursor, ['number']);
    let query = this.q.selectFrom('revisions').selectAll().where('paragraph_id', '=', paragraphId).orderBy('seq');
    if (after) query = query.where('seq', '>', after[0] as number);
    if (page.limit !== undefined) query = query.limit(page.limit + 1);
    const rows = await query.execute();
    const more = page.limit !== undefined && rows.length > page.limit;
    const items = (more ? rows.slice(0, page.limit) : rows).map(toRevision);
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor([last.seq]) : null };
  }

  async setCurrent(draftId: string, paragraphId: number, revisionId: number): Promise<Revision> {
    return this.changingIn(draftId, async (q) => {
      await this.paragraphOf(q, draftId, paragraphId);
      const r = await q.selectFrom('revisions').selectAll().where('id', '=', revisionId).where('paragraph_id', '=', paragraphId).executeTakeFirst();
      if (!r) throw new DraftError('not_found', 'Không tìm thấy bản sửa này của đoạn văn.');
      // An empty revision marks a paragraph a redraft dropped; only a redraft withdraws paragraphs.
      if (r.text === '') throw new DraftError('bad_input', 'Bản này trống (đoạn đã được bỏ khi soạn lại): hãy chọn một bản có nội dung.', [{ field: 'revisionId', message: 'Bản trống' }]);
      await this.touch(q, draftId);
      await q.updateTable('paragraphs').set({ current_revision_id: revisionId }).where('id', '=', paragraphId).execute();
      return toRevision(r);
    });
  }

  async setRevisionFindings(revisionId: number, findings: Finding[]): Promise<void> {
    const draft = await this.db.transaction(async (q) => {
      await q.updateTable('revisions').set({ findings_json: JSON.stringify(findings) }).where('id', '=', revisionId).execute();
      return q
        .updateTable('drafts')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', (eb) =>
          eb.selectFrom('revisions as r').innerJoin('paragraphs as p', 'p.id', 'r.paragraph_id').select('p.draft_id').where('r.id', '=', revisionId),
        )
        .returning('id')
        .executeTakeFirst();
    });
    if (draft) this.db.changes.publish('draft', draft.id);
  }

  async setSectionFindings(draftId: string, sectionKey: string, findings: Finding[]): Promise<void> {
    await this.changingIn(draftId, async (q) => {
      // The draft may have been deleted while a model was still writing for it.
      const bumped = await q
        .updateTable('drafts')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', draftId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(bumped.numUpdatedRows) === 0) throw notFound();
      await q
        .insertInto('sections')
        .values({ draft_id: draftId, key: sectionKey, findings_json: JSON.stringify(findings), drafted_at: null })
        .onConflict((oc) => oc.columns(['draft_id', 'key']).doUpdateSet((eb) => ({ findings_json: eb.ref('excluded.findings_json') })))
        .execute();
    });
  }

  /** Replaces the brief (facts, header); paragraphs and their revisions stay as they are. */
  async updateBrief(draftId: string, brief: Brief): Promise<void> {
    const result = await this.changing(draftId, () =>
      this.q
        .updateTable('drafts')
        .set((eb) => ({ brief_json: JSON.stringify(brief), template_id: brief.template, updated_at: this.now(), version: eb('version', '+', 1) }))
        .where('id', '=', draftId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst(),
    );
    if (Number(result.numUpdatedRows) === 0) throw notFound();
  }

  /**
   * A new draft from an earlier one (next month's report from this month's): the same brief, and each
   * paragraph's current text as its first revision, with who wrote it.
   */
  async duplicateDraft(actor: Actor, draftId: string, title: string): Promise<DraftSummary> {
    return this.db.transaction(async (q) => {
      const source = await this.getDraft(actor.officeId, draftId, q);
      const copy = await this.createDraft(actor, title, source.brief, q);
      for (const [key, paragraphs] of Object.entries(source.paragraphs)) {
        await q.insertInto('sections').values({ draft_id: copy.id, key, findings_json: '[]', drafted_at: this.now() }).execute();
        for (const p of paragraphs) {
          if (p.current.text === '') continue;
          const id = await this.newParagraph(q, copy.id, key, p.part, p.position);
          const { text, findings, ...meta } = p.current;
          await this.insertRevision(q, id, { text, findings, meta, part: p.part });
        }
      }
      return copy;
    });
  }

  async renameDraft(draftId: string, title: string): Promise<DraftSummary> {
    const row = await this.changing(draftId, () =>
      this.q
        .updateTable('drafts')
        .set((eb) => ({ title, updated_at: this.now(), version: eb('version', '+', 1) }))
        .where('id', '=', draftId)
        .where('deleted_at', 'is', null)
        .returning(SUMMARY)
        .executeTakeFirst(),
    );
    if (!row) throw notFound();
    return toSummary(row);
  }

  /** Hides the draft; the administrator may bring it back for 30 days (draft-office.ts), then it is purged. */
  async deleteDraft(actor: Actor, draftId: string): Promise<void> {
    const result = await this.q
      .updateTable('drafts')
      .set({ deleted_at: this.now(), deleted_by: actor.userId })
      .where('id', '=', draftId)
      .where('office_id', '=', actor.officeId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    this.db.changes.publish('draft', draftId);
    if (Number(result.numUpdatedRows) === 0) throw notFound();
  }

  /** Removes a draft for good, with its revisions and the conversation that made it. */
  async purgeDraft(draftId: string): Promise<void> {
    await this.changingIn(draftId, async (q) => {
      await q
        .deleteFrom('revisions')
        .where('paragraph_id', 'in', (eb) => eb.selectFrom('paragraphs').select('id').where('draft_id', '=', draftId))
        .execute();
      await q.deleteFrom('paragraphs').where('draft_id', '=', draftId).execute();
      await q.deleteFrom('sections').where('draft_id', '=', draftId).execute();
      // The conversation that made the draft goes with it (its messages cascade).
      await q.deleteFrom('conversations').where('draft_id', '=', draftId).execute();
      const result = await q.deleteFrom('drafts').where('id', '=', draftId).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound();
    });
  }
}
