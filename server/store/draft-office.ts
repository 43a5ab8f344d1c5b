import type { SelectQueryBuilder } from 'kysely';
import { can, type Actor, type DraftOwnership } from '../auth/roles.js';
import type { Database } from './database.js';
import type { Schema } from './schema.js';
import { preparedQuery } from './prepared.js';
import { KeptReads } from './kept-reads.js';

/** How long a deleted draft can be brought back before it is removed for good. */
export const RECOVERY_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The drafts an actor may see in lists: their office's, not deleted, and of those their own, the
 * ones shared with the office, or all of them for a role that reads every draft (roles.ts).
 */
export function visibleTo<O>(query: SelectQueryBuilder<Schema, 'drafts', O>, actor: Actor): SelectQueryBuilder<Schema, 'drafts', O> {
  const scoped = query.where('drafts.office_id', '=', actor.officeId).where('drafts.deleted_at', 'is', null);
  if (can(actor.role, 'draft.read-office')) return scoped;
  const shared = can(actor.role, 'draft.read-shared');
  return scoped.where((eb) => (shared ? eb.or([eb('drafts.owner_id', '=', actor.userId), eb('drafts.shared', '=', 1)]) : eb('drafts.owner_id', '=', actor.userId)));
}

export interface DraftStanding extends DraftOwnership {
  id: string;
  title: string;
  approvedAt: string | null;
  approvedBy: string | null;
  /** Grows with every change to the draft: a kept answer of the same version is still the draft's. */
  version: number;
  /** The conversation that made the draft, if any. */
  conversationId: string | null;
}

export interface DeletedDraft {
  id: string;
  title: string;
  deletedAt: string;
  deletedBy: string | null;
  /** After this the draft is removed for good. */
  recoverableUntil: string;
}

export interface Comment {
  id: number;
  username: string;
  text: string;
  createdAt: string;
}

/** A draft's standing: every request on a draft asks this first, so it is built once. */
function standingQuery(db: Database) {
  return preparedQuery(db, (kysely, p: { officeId: string; id: string }) =>
    kysely
      .selectFrom('drafts as d')
      .leftJoin('conversations as c', 'c.draft_id', 'd.id')
      .select(['d.id', 'd.title', 'd.office_id', 'd.owner_id', 'd.shared', 'd.approved_at', 'd.approved_by', 'd.version', 'c.id as conversation_id'])
      .where('d.id', '=', p.id)
      .where('d.office_id', '=', p.officeId)
      .where('d.deleted_at', 'is', null),
  );
}

/** Who a draft belongs to, who it is shared with, its approval, its deletion, its comments. */
export class DraftOffice {
  private readonly standingRow: ReturnType<typeof standingQuery>;
  private readonly kept: KeptReads<DraftStanding>;

  constructor(private readonly db: Database) {
    this.standingRow = standingQuery(db);
    this.kept = new KeptReads(db.changes, (kind, id, kept) => kind === 'draft' && kept.drop(id));
  }

  private get q() {
    return this.db.kysely;
  }

  /**
   * A draft of `officeId` that is not deleted; null for anything else, foreign or missing alike.
   * One query tells every request on a draft both whether it may go on and whether a kept answer
   * is still current (version, conversation). While every change is heard (change-feed.ts), a
   * standing read once is kept until the draft changes (kept-reads.ts).
   */
  async standing(officeId: string, id: string): Promise<DraftStanding | null> {
    const found = await this.kept.get(id, () => this.read(officeId, id));
    return found?.officeId === officeId ? found : null;
  }

  private async read(officeId: string, id: string): Promise<DraftStanding | null> {
    const [row] = await this.standingRow({ officeId, id });
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      officeId: row.office_id,
      ownerId: row.owner_id,
      shared: Number(row.shared) === 1,
      approvedAt: row.approved_at,
      approvedBy: row.approved_by,
      version: Number(row.version),
      conversationId: row.conversation_id,
    };
  }

  async setShared(id: string, shared: boolean): Promise<void> {
    await this.q.updateTable('drafts').set({ shared: shared ? 1 : 0 }).where('id', '=', id).execute();
    this.db.changes.publish('draft', id);
  }

  async approve(id: string, username: string): Promise<string> {
    const at = new Date().toISOString();
    await this.q.updateTable('drafts').set({ approved_at: at, approved_by: username }).where('id', '=', id).execute();
    this.db.changes.publish('draft', id);
    return at;
  }

  /** Deleted drafts of the office still recoverable, most recently deleted first. */
  async deleted(officeId: string, now = Date.now()): Promise<DeletedDraft[]> {
    const since = new Date(now - RECOVERY_MS).toISOString();
    const rows = await this.q
      .selectFrom('drafts as d')
      .leftJoin('users as u', 'u.id', 'd.deleted_by')
      .select(['d.id', 'd.title', 'd.deleted_at', 'u.username'])
      .where('d.office_id', '=', officeId)
      .where('d.deleted_at', '>=', since)
      .orderBy('d.deleted_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      deletedAt: r.deleted_at!,
      deletedBy: r.username ?? null,
      recoverableUntil: new Date(Date.parse(r.deleted_at!) + RECOVERY_MS).toISOString(),
    }));
  }

  /** Brings back a draft deleted less than 30 days ago; false when there is none such in the office. */
  async restore(officeId: string, id: string, now = Date.now()): Promise<boolean> {
    const result = await this.q
      .updateTable('drafts')
      .set({ deleted_at: null, deleted_by: null })
      .where('id', '=', id)
      .where('office_id', '=', officeId)
      .where('deleted_at', '>=', new Date(now - RECOVERY_MS).toISOString())
      .executeTakeFirst();
    this.db.changes.publish('draft', id);
    return Number(result.numUpdatedRows) > 0;
  }

  /** Drafts deleted more than 30 days ago, due to be removed for good. */
  async expired(now = Date.now()): Promise<string[]> {
    const rows = await this.q
      .selectFrom('drafts')
      .select('id')
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<', new Date(now - RECOVERY_MS).toISOString())
      .execute();
    return rows.map((r) => r.id);
  }

  async comments(draftId: string): Promise<Comment[]> {
    const rows = await this.q.selectFrom('draft_comments').selectAll().where('draft_id', '=', draftId).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), username: r.username, text: r.text, createdAt: r.created_at }));
  }

  async addComment(draftId: string, userId: string, username: string, text: string): Promise<Comment> {
    const createdAt = new Date().toISOString();
    const row = await this.q
      .insertInto('draft_comments')
      .values({ draft_id: draftId, user_id: userId, username, text, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), username, text, createdAt };
  }
}
