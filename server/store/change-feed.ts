import pg from 'pg';

/** The PostgreSQL channel the triggers of migration 9 notify, with `kind:id` as the payload. */
export const CHANGE_CHANNEL = 'soanthao_changed';

/** What is read on every request, and so kept between requests: a draft's standing, a session with its user. */
export const CHANGE_KINDS = ['draft', 'session'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeListener {
  /** The row changed: what a reader kept of it is stale. */
  changed(kind: ChangeKind, id: string): void;
  /** Changes may have been missed (another process wrote, or the notifications' connection was lost): everything kept is stale. */
  lost(): void;
}

/**
 * Who hears that a draft or a session changed. Writes of this process tell it as soon as they are
 * stored (`publish`); writes of other processes on the same database are heard as each dialect
 * allows (below). `live` says whether they are heard now: only then may a reader keep what it read
 * between requests (kept-reads.ts). This base hears no other process, and so is never live.
 */
export class ChangeFeed {
  protected readonly listeners = new Set<ChangeListener>();

  get live(): boolean {
    return false;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A write of this process is stored: readers in this process drop the row at once. */
  publish(kind: ChangeKind, id: string): void {
    for (const l of this.listeners) l.changed(kind, id);
  }

  /** Everything kept may be stale. */
  protected lose(): void {
    for (const l of this.listeners) l.lost();
  }

  /** Resolves once other processes' changes are heard; for tests and start-up. */
  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * One SQLite file, perhaps written by a second process too. SQLite counts the commits of other
 * connections to the file (`PRAGMA data_version`, a few microseconds): while the count stays, what
 * was kept holds; when it moves, another process wrote something, and everything kept is dropped.
 * This process's own writes, on its one connection, do not move it: they are published.
 */
export class SqliteChangeFeed extends ChangeFeed {
  private seen: number;

  constructor(private readonly dataVersion: () => number) {
    super();
    this.seen = dataVersion();
  }

  /** Asks SQLite at each call: a read kept from before another process's commit is never handed out. */
  override get live(): boolean {
    const now = this.dataVersion();
    if (now !== this.seen) {
      this.seen = now;
      this.lose();
    }
    return true;
  }
}

/**
 * PostgreSQL, shared by several instances: the database's own triggers (migration 9) notify every
 * change, and one connection per instance LISTENs. Live while it listens; when that connection is
 * lost, everything kept is dropped and nothing is kept until it listens again.
 */
export class PostgresChangeFeed extends ChangeFeed {
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private retryMs = RETRY_FIRST_MS;

  constructor(private readonly url: string) {
    super();
  }

  override get live(): boolean {
    return this.listening;
  }

  /** The database session that listens, as pg_stat_activity shows it; null while none does. */
  get listenerPid(): number | null {
    return this.listening ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  /** Starts listening on first use, so a command-line tool that reads once opens no extra connection. */
  override subscribe(listener: ChangeListener): () => void {
    const unsubscribe = super.subscribe(listener);
    if (!this.client && !this.retry && !this.closed) void this.connect();
    return unsubscribe;
  }

  override async ready(): Promise<void> {
    while (!this.listening && !this.closed) await new Promise((r) => setTimeout(r, 10));
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.down();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'soanthao: changes' });
    this.client = client;
    // Lost while listening: until listening again nothing kept can be trusted.
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.down();
      client.end().catch(() => undefined);
      this.later();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      const colon = n.payload?.indexOf(':') ?? -1;
      const kind = n.payload?.slice(0, colon) as ChangeKind;
      if (n.channel === CHANGE_CHANNEL && colon > 0 && CHANGE_KINDS.includes(kind)) this.publish(kind, n.payload!.slice(colon + 1));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (this.client !== client) return;
    // What was read while nobody listened may already be stale.
    this.lose();
    this.listening = true;
    this.retryMs = RETRY_FIRST_MS;
  }

  private down(): void {
    if (!this.listening) return;
    this.listening = false;
    this.lose();
  }

  private later(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_LAST_MS);
  }
}

const RETRY_FIRST_MS = 500;
const RETRY_LAST_MS = 30_000;
