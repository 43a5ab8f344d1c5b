import type { DraftChanges, DraftChangeListener } from './draft-changes.js';

/**
 * Drafts' standings (draft-office.ts) kept between requests while every change is heard
 * (draft-changes.ts), so that reading a draft on PostgreSQL asks the database nothing when nothing
 * changed. A read that a change overtook is not kept: it may have seen the draft before the change.
 * Only found drafts are kept; a missing one may be made by another instance at any moment.
 */
export class StandingCache<T extends { id: string }> implements DraftChangeListener {
  private readonly kept = new Map<string, T>();
  /** Reads in flight, by draft: a change drops the mark, and the read's answer is then not kept. */
  private readonly reading = new Map<string, object>();

  constructor(
    private readonly changes: DraftChanges,
    private readonly capacity = 20_000,
  ) {
    changes.subscribe(this);
  }

  async get(id: string, read: () => Promise<T | null>): Promise<T | null> {
    if (!this.changes.live) return read();
    const hit = this.kept.get(id);
    if (hit) return hit;
    const mark = {};
    this.reading.set(id, mark);
    let found: T | null = null;
    try {
      found = await read();
    } finally {
      if (this.reading.get(id) === mark) {
        this.reading.delete(id);
        if (found && this.changes.live) this.keep(id, found);
      }
    }
    return found;
  }

  changed(id: string): void {
    this.kept.delete(id);
    this.reading.delete(id);
  }

  lost(): void {
    this.kept.clear();
    this.reading.clear();
  }

  private keep(id: string, value: T): void {
    // The oldest kept first out: a province's drafts of the day fit many times over.
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(id, value);
  }
}
