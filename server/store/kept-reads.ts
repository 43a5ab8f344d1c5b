import type { ChangeFeed, ChangeKind } from './change-feed.js';

/**
 * Rows read on every request (a draft's standing, a session), kept between requests while every
 * change is heard (change-feed.ts), so that such a request asks the database nothing when nothing
 * changed. A read that a change overtook is not kept: it may have seen the row before
 * the change. Only found rows are kept; a missing one may be made by another instance at any moment.
 */
export class KeptReads<T> {
  private readonly kept = new Map<string, T>();
  /** Reads in flight, by key: a change drops the mark, and the read's answer is then not kept. */
  private readonly reading = new Map<string, object>();

  /** `onChange` tells, for a change the feed heard, what to drop. */
  constructor(
    private readonly feed: ChangeFeed,
    onChange: (kind: ChangeKind, id: string, reads: KeptReads<T>) => void,
    private readonly capacity = 20_000,
  ) {
    feed.subscribe({ changed: (kind, id) => onChange(kind, id, this), lost: () => this.clear() });
  }

  async get(key: string, read: () => Promise<T | null>): Promise<T | null> {
    if (!this.feed.live) return read();
    const hit = this.kept.get(key);
    if (hit) return hit;
    const mark = {};
    this.reading.set(key, mark);
    let found: T | null = null;
    try {
      found = await read();
    } finally {
      // Asked first: on SQLite asking is what hears a change, and one heard now may be newer than the read.
      const live = this.feed.live;
      if (this.reading.get(key) === mark) {
        this.reading.delete(key);
        if (found && live) this.keep(key, found);
      }
    }
    return found;
  }

  drop(key: string): void {
    this.kept.delete(key);
    this.reading.delete(key);
  }

  clear(): void {
    this.kept.clear();
    this.reading.clear();
  }

  private keep(key: string, value: T): void {
    // The oldest kept first out: a province's rows of the day fit many times over.
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, value);
  }
}
