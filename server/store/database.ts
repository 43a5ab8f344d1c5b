import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Schema } from './schema.js';
import { migrate } from './migrations.js';
import { CHANGE_CHANNEL, ChangeFeed, PostgresChangeFeed, SqliteChangeFeed } from './change-feed.js';

export type Dialect = 'sqlite' | 'postgres';

/** Where the data lives: a PostgreSQL URL (several instances share it) or one SQLite file. */
export type StoreLocation = { url: string; maxConnections?: number } | { file: string };

/** Anything queries run on: the database itself, or a transaction in progress. */
export type Queries = Kysely<Schema>;

/**
 * One open database of either dialect, migrated to this version's schema. Every store (drafts,
 * profile, conversations) shares it, and so every query goes through one builder.
 */
export class Database {
  private constructor(
    readonly kysely: Kysely<Schema>,
    readonly dialect: Dialect,
    /** PostgreSQL's pool, the same Kysely uses: for statements prepared on the server. */
    private readonly pool: pg.Pool | null = null,
    /** Who hears that a draft or a session changed: in this process and, on PostgreSQL, in every other instance. */
    readonly changes: ChangeFeed = new ChangeFeed(),
  ) {}

  static async open(location: StoreLocation): Promise<Database> {
    const db = 'url' in location ? Database.postgres(location.url, location.maxConnections) : Database.sqlite(location.file);
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
    return db;
  }

  private static sqlite(file: string): Database {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // A second instance on the same file waits this long for the write lock instead of failing.
    const raw = new BetterSqlite3(file, { timeout: 15_000 });
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = NORMAL');
    // The same few queries run all day: prepare each once (SQLite's prepare costs more than most of them).
    const statements = new Map<string, BetterSqlite3.Statement>();
    const database = {
      prepare(text: string) {
        let statement = statements.get(text);
        if (!statement) {
          statement = raw.prepare(text);
          if (statements.size < 500) statements.set(text, statement);
        }
        return statement;
      },
      close: () => raw.close(),
    };
    // Moves when another connection (a second process) commits to the file.
    const dataVersion = raw.prepare('PRAGMA data_version').pluck();
    const changes = new SqliteChangeFeed(() => dataVersion.get() as number);
    return new Database(new Kysely<Schema>({ dialect: new SqliteDialect({ database }) }), 'sqlite', null, changes);
  }

  private static postgres(url: string, max = 10): Database {
    const pool = new pg.Pool({ connectionString: url, max });
    // An idle client whose server went away must not take the process down.
    pool.on('error', (e) => console.error('soanthao: PostgreSQL connection lost:', e.message));
    return new Database(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), 'postgres', pool, new PostgresChangeFeed(url, (payload) => pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload])));
  }

  /**
   * Runs `work` in one transaction: all of it is stored or none. On SQLite the write lock is taken
   * at the start (BEGIN IMMEDIATE), so a second process waits for it rather than failing half-way
   * when its read snapshot turns out stale.
   */
  async transaction<T>(work: (trx: Queries) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.kysely.transaction().execute(work);
    return this.kysely.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const result = await work(conn);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (e) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw e;
      }
    });
  }

  /**
   * Runs SQL the builder compiled once (store/prepared.ts). On PostgreSQL it is a named statement,
   * parsed and planned once per connection instead of at every request; SQLite keeps its prepared
   * statements already (above).
   */
  async runPrepared<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
    if (this.pool) return (await this.pool.query({ name, text, values })).rows as Row[];
    return (await this.kysely.executeQuery<Row>(CompiledQuery.raw(text, values))).rows;
  }

  async close(): Promise<void> {
    await this.changes.close();
    await this.kysely.destroy();
  }
}
