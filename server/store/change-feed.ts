import { randomUUID } from 'node:crypto';
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
  protected dropAll(): void {
    for (const l of this.listeners) l.lost();
  }

  /** Resolves once other processes' changes are heard; for tests and start-up. */
  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * One SQLite file, perhaps written by a second process too. SQLite counts the commits of other
 * connections to the file (`PRAGMA data_version`): while the count stays, what was kept holds; when
 * it moves, another process wrote something, and everything kept is dropped. This process's own
 * writes, on its one connection, do not move it: they are published. Asking costs a few
 * microseconds, as much as the rest of a cached read, so it is asked once per turn of the event
 * loop: requests handled in the same turn arrived together, and any request that arrives after
 * another process's commit is handled in a later turn, which asks again.
 */
export class SqliteChangeFeed extends ChangeFeed {
  private seen: number;
  private askedThisTurn = false;
  private readonly nextTurn = () => {
    this.askedThisTurn = false;
  };

  constructor(private readonly dataVersion: () => number) {
    super();
    this.seen = dataVersion();
  }

  override get live(): boolean {
    if (!this.askedThisTurn) {
      this.askedThisTurn = true;
      setImmediate(this.nextTurn);
      const now = this.dataVersion();
      if (now !== this.seen) {
        this.seen = now;
        this.dropAll();
      }
    }
    return true;
  }
}

/**
 * PostgreSQL, shared by several instances: the database's own triggers (migration 9) notify every
 * change, and one connection per instance LISTENs. It is live only once it has heard a probe it sent
 * itself through the pool, and again every few seconds: a connection that cannot hear (a pooler in
 * transaction mode, a link that died silently) keeps nothing. When listening stops, everything kept
 * is dropped and nothing is kept until a probe is heard again.
 */
export class PostgresChangeFeed extends ChangeFeed {
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private retryMs = RETRY_FIRST_MS;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Probes sent and not answered yet, by their nonce: heard (true), or the connection gone (false). */
  private readonly probes = new Map<string, (heard: boolean) => void>();

  /** `notify` sends a payload on the channel through another connection (the pool). */
  constructor(
    private readonly url: string,
    private readonly notify: (payload: string) => Promise<unknown>,
    private readonly timing: { probeMs: number; heartbeatMs: number } = { probeMs: PROBE_MS, heartbeatMs: HEARTBEAT_MS },
  ) {
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
    if (this.client) await this.lose(this.client);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'soanthao: changes' });
    this.client = client;
    client.on('error', () => void this.lose(client));
    client.on('end', () => void this.lose(client));
    client.on('notification', (n) => {
      if (n.channel !== CHANGE_CHANNEL || !n.payload) return;
      const colon = n.payload.indexOf(':');
      const kind = n.payload.slice(0, colon);
      const id = n.payload.slice(colon + 1);
      if (kind === 'probe') this.probes.get(id)?.(true);
      else if (colon > 0 && (CHANGE_KINDS as readonly string[]).includes(kind)) this.publish(kind as ChangeKind, id);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      return this.lose(client);
    }
    if (!(await this.probe(client))) return this.lose(client);
    // What was read while nobody listened may already be stale.
    this.dropAll();
    this.listening = true;
    this.retryMs = RETRY_FIRST_MS;
    this.heartbeat = setInterval(() => {
      void this.probe(client).then((heard) => {
        if (!heard) void this.lose(client);
      });
    }, this.timing.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Sends a probe through the pool; true once the listening connection has heard it. */
  private async probe(client: pg.Client): Promise<boolean> {
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      this.probes.set(nonce, resolve);
      timer = setTimeout(() => resolve(false), this.timing.probeMs);
      timer.unref();
    });
    this.notify(`probe:${nonce}`).catch(() => undefined);
    const ok = await heard;
    clearTimeout(timer);
    this.probes.delete(nonce);
    return ok && this.client === client;
  }

  /** This connection no longer listens: nothing kept can be trusted until another one does. */
  private async lose(client: pg.Client): Promise<void> {
    if (this.client !== client) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const answer of this.probes.values()) answer(false);
    this.probes.clear();
    if (this.listening) {
      this.listening = false;
      this.dropAll();
    }
    this.later();
    await client.end().catch(() => undefined);
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

/** How long a probe may take to come back before the connection is taken for deaf. */
const PROBE_MS = 5_000;
const HEARTBEAT_MS = 15_000;
const RETRY_FIRST_MS = 500;
const RETRY_LAST_MS = 30_000;
