import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DraftStore, type DraftLimits } from '../../server/store/draft-store.js';
import type { StoreLocation } from '../../server/store/database.js';

/**
 * Which store the suite runs on: SQLite unless SOANTHAO_TEST_DATABASE=postgres, when the global
 * setup (test/helpers/postgres-setup.ts) has started a throwaway cluster and put its URL in
 * SOANTHAO_TEST_PG_URL.
 */
export const testDialect: 'sqlite' | 'postgres' = process.env.SOANTHAO_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestLocation {
  location: StoreLocation;
  /** The same place as a DATABASE_URL / SOANTHAO_DATA_DIR pair, for a server started as a process. */
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

function clusterUrl(): string {
  const url = process.env.SOANTHAO_TEST_PG_URL;
  if (!url) throw new Error('SOANTHAO_TEST_DATABASE=postgres but no cluster: run through vitest, whose global setup starts one');
  return url;
}

/** A fresh place for one app's data: a file in `dir`, or a schema of its own in the test cluster. */
export async function testLocation(dir: string): Promise<TestLocation> {
  if (testDialect === 'sqlite') {
    return { location: { file: join(dir, 'soanthao.db') }, env: { SOANTHAO_DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => undefined };
  }
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: clusterUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = `${clusterUrl()}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    location: { url, maxConnections: 4 },
    env: { SOANTHAO_DATA_DIR: dir, DATABASE_URL: url },
    async drop() {
      const c = new pg.Client({ connectionString: clusterUrl() });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A migrated store in a fresh place; `close` also removes the place (the schema on PostgreSQL). */
export async function openTestStore(dir: string, limits: DraftLimits = {}) {
  const place = await testLocation(dir);
  const store = await DraftStore.open(place.location, limits);
  let closing: Promise<void> | null = null;
  return {
    store,
    place,
    /** Safe to call twice: suites close their last app again after tests that made none. */
    close() {
      closing ??= store.close().then(() => place.drop());
      return closing;
    },
  };
}

/** A migrated store in a fresh temporary folder; `cleanups` (run after each test) closes and removes both. */
export async function openTempStore(cleanups: (() => Promise<void> | void)[], prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const opened = await openTestStore(join(dir, 'data'));
  cleanups.push(() => opened.close());
  return opened;
}
