import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { AccountSummary, CreateResult, NewAccount } from '../auth/directory.js';
import type { Role } from '../auth/roles.js';
import type { Database } from './database.js';
import { preparedQuery } from './prepared.js';
import { KeptReads } from './kept-reads.js';
import type { UserTable } from './schema.js';

export interface Account extends AccountSummary {
  id: string;
  officeId: string;
}

type AccountRow = Selectable<UserTable>;

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  user: Account;
}

function toAccount(r: AccountRow): Account {
  return { id: r.id, username: r.username, officeCode: r.office_id, officeId: r.office_id, role: r.role as Role, createdAt: r.created_at, active: Number(r.active) === 1 };
}

/** A session with its user: every request with a session cookie asks this first, so it is built once. */
function sessionQuery(db: Database) {
  return preparedQuery(db, (kysely, p: { id: string }) =>
    kysely
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select(['s.id as session_id', 's.created_at as session_created', 's.last_seen_at'])
      .where('s.id', '=', p.id),
  );
}

/**
 * Offices, users and their sessions. Users are never deleted, only disabled, so the audit trail
 * always names someone who existed. A session row is keyed by the SHA-256 of its token.
 */
export class AccountStore {
  private readonly sessionRow: ReturnType<typeof sessionQuery>;
  /**
   * While every change is heard (change-feed.ts), a session read once is kept until it changes
   * (kept-reads.ts). What changes its user's standing (disabled, a new role or password) deletes it.
   */
  private readonly kept: KeptReads<SessionRow>;

  constructor(private readonly db: Database) {
    this.sessionRow = sessionQuery(db);
    this.kept = new KeptReads(db.changes, (kind, id, kept) => kind === 'session' && kept.drop(id));
  }

  private get q() {
    return this.db.kysely;
  }

  async create(account: NewAccount): Promise<CreateResult> {
    const now = new Date().toISOString();
    return this.db.transaction(async (q) => {
      const taken = await q.selectFrom('users').select('id').where('username', '=', account.username).executeTakeFirst();
      if (taken) return { taken: true as const };
      const office = await q.selectFrom('offices').select('id').where('id', '=', account.officeCode).executeTakeFirst();
      if (!office) await q.insertInto('offices').values({ id: account.officeCode, created_at: now }).execute();
      const id = randomUUID();
      await q
        .insertInto('users')
        .values({ id, username: account.username, office_id: account.officeCode, role: account.role, password_hash: account.passwordHash, created_at: now, password_changed_at: now })
        .execute();
      const created: AccountSummary = { username: account.username, officeCode: account.officeCode, role: account.role, createdAt: now, active: true };
      return { created, officeCreated: !office };
    });
  }

  /** Every account, or those of one office, by office then name. */
  async list(officeId?: string): Promise<Account[]> {
    let query = this.q.selectFrom('users').selectAll().orderBy('office_id').orderBy('username');
    if (officeId !== undefined) query = query.where('office_id', '=', officeId);
    return (await query.execute()).map(toAccount);
  }

  async countAdministrators(): Promise<number> {
    const row = await this.q
      .selectFrom('users')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('role', '=', 'quan-tri')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The account of a login name with its password hash, which only logging in reads. */
  async accountRow(username: string): Promise<{ account: Account; password_hash: string } | null> {
    const row = await this.q.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? { account: toAccount(row), password_hash: row.password_hash } : null;
  }

  /** A user of the given office; null for another office's, exactly as for a missing one. */
  async inOffice(officeId: string, userId: string): Promise<Account | null> {
    const row = await this.q.selectFrom('users').selectAll().where('id', '=', userId).where('office_id', '=', officeId).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  /** A new password ends every session of the user: whoever knew the old one is logged out. */
  setPassword(userId: string, passwordHash: string): Promise<void> {
    return this.changeAndLogOut(userId, { password_hash: passwordHash, password_changed_at: new Date().toISOString() });
  }

  /** Replaces a hash after login without ending sessions (same password, stronger cost). */
  async rehash(userId: string, passwordHash: string): Promise<void> {
    await this.q.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  /** A disabled account, or one whose role changed, logs in again to get what it may now do. */
  update(userId: string, change: { active?: boolean; role?: Role }): Promise<void> {
    const set: Updateable<UserTable> = {};
    if (change.active !== undefined) set.active = change.active ? 1 : 0;
    if (change.role !== undefined) set.role = change.role;
    return this.changeAndLogOut(userId, set);
  }

  /** Changes a user and ends every session of theirs in one transaction; readers that kept one drop it. */
  private async changeAndLogOut(userId: string, set: Updateable<UserTable>): Promise<void> {
    const ended = await this.db.transaction(async (q) => {
      await q.updateTable('users').set(set).where('id', '=', userId).execute();
      return q.deleteFrom('sessions').where('user_id', '=', userId).returning('id').execute();
    });
    for (const { id } of ended) this.db.changes.publish('session', id);
  }

  async createSession(id: string, userId: string, at: string): Promise<void> {
    await this.q.insertInto('sessions').values({ id, user_id: userId, created_at: at, last_seen_at: at }).execute();
  }

  async session(id: string): Promise<SessionRow | null> {
    return this.kept.get(id, () => this.readSession(id));
  }

  private async readSession(id: string): Promise<SessionRow | null> {
    const [row] = await this.sessionRow({ id });
    if (!row) return null;
    return { id: row.session_id, createdAt: row.session_created, lastSeenAt: row.last_seen_at, user: toAccount(row) };
  }

  async touchSession(id: string, at: string): Promise<void> {
    await this.q.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    this.db.changes.publish('session', id);
  }

  async endSession(id: string): Promise<void> {
    await this.q.deleteFrom('sessions').where('id', '=', id).execute();
    this.db.changes.publish('session', id);
  }

  async sessionCount(userId: string): Promise<number> {
    const row = await this.q.selectFrom('sessions').select(sql<number>`cast(count(*) as integer)`.as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Forgets sessions that can no longer be used, so the table does not grow with every login. */
  async purgeSessions(idleBefore: string, createdBefore: string): Promise<void> {
    await this.q
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
      .execute();
  }
}
