import type { Database } from '../store/database.js';

/** How long a first answer stands for its key. */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** What a request with a key finds: it is the first, the first is still running, or the first answer. */
export type Claim = { kind: 'first' } | { kind: 'running' } | { kind: 'answered'; answer: StoredAnswer };

/** The first answers to changing requests, by Idempotency-Key and route. */
export class IdempotencyStore {
  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes the key for this route, or tells what the request that took it did. Expired keys are forgotten here. */
  async claim(key: string, route: string): Promise<Claim> {
    const q = this.db.kysely;
    const now = this.clock();
    await q.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now - KEY_LIFETIME_MS).toISOString()).execute();
    const inserted = await q
      .insertInto('idempotency_keys')
      .values({ key, route, status: null, content_type: null, body: null, created_at: new Date(now).toISOString() })
      .onConflict((oc) => oc.columns(['key', 'route']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return { kind: 'first' };
    const row = await q.selectFrom('idempotency_keys').selectAll().where('key', '=', key).where('route', '=', route).executeTakeFirst();
    // Expired and deleted between the two statements by another request: this one is as good as first.
    if (!row) return this.claim(key, route);
    if (row.status === null) return { kind: 'running' };
    return { kind: 'answered', answer: { status: Number(row.status), contentType: row.content_type, body: row.body ?? '' } };
  }

  async answer(key: string, route: string, answer: StoredAnswer): Promise<void> {
    await this.db.kysely
      .updateTable('idempotency_keys')
      .set({ status: answer.status, content_type: answer.contentType, body: answer.body })
      .where('key', '=', key)
      .where('route', '=', route)
      .execute();
  }

  /** Lets the key be used again: the first request failed in a way a retry may fix. */
  async release(key: string, route: string): Promise<void> {
    await this.db.kysely.deleteFrom('idempotency_keys').where('key', '=', key).where('route', '=', route).where('status', 'is', null).execute();
  }
}
