import { DraftError } from '../errors.js';

/** Told to a waiting call: its place in the line (1: next to be served), then 0 once it has its turn. */
export type PositionListener = (position: number) => void;

interface Waiter {
  key: string;
  grant: () => void;
  onPosition: PositionListener | undefined;
  /** The position last told (0: none yet), and when. */
  told: number;
  toldAt: number;
}

export interface ModelQueueOptions {
  /** Model calls at once in this process. */
  limit: number;
  /**
   * Positions change with every call served; waiting callers are told at most this often, so 1,000
   * waiting sections do not each get an event every time one of them starts.
   */
  tellEveryMs?: number;
  /**
   * A place that has not changed is told again after this long: the event keeps the page's stream
   * from looking idle to a reverse proxy, which would cut it while the call waits.
   */
  repeatAfterMs?: number;
}

/**
 * At most `limit` model calls at once in this process, whatever the number of drafts or requests.
 * Calls past the limit wait in a line per caller (an office, a user, a draft) and the lines are
 * served in turn, one call each, so a caller with thirty sections takes one slot per round and one
 * with a single paragraph waits at most a round. A caller with nothing running and nothing waiting
 * has had no share yet: it goes next, though never twice in a row over callers already being served,
 * so a crowd of newcomers cannot starve them. A call whose signal aborts leaves its line at once,
 * without ever taking a slot.
 */
export class ModelQueue {
  private readonly limit: number;
  private readonly tellEveryMs: number;
  private readonly repeatAfterMs: number;
  private running = 0;
  private peak = 0;
  private waitingCount = 0;
  private readonly runningByKey = new Map<string, number>();
  private readonly lines = new Map<string, Waiter[]>();
  /** Callers with calls waiting, in serving order: those with no share yet, then those already served. */
  private fresh: string[] = [];
  private served: string[] = [];
  /** Whether the last call let through was a newcomer's: the next goes to a caller already served, if one waits. */
  private lastFresh = false;
  private timer: NodeJS.Timeout | undefined;
  private repeat: NodeJS.Timeout | undefined;
  private lastTold = 0;

  constructor(options: ModelQueueOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error(`model call limit must be a whole number ≥ 1, not ${options.limit}`);
    this.limit = options.limit;
    this.tellEveryMs = options.tellEveryMs ?? 250;
    this.repeatAfterMs = options.repeatAfterMs ?? 15_000;
  }

  /** Calls running now, the most that ever ran at once, and calls waiting. */
  get stats(): { running: number; peakRunning: number; waiting: number } {
    return { running: this.running, peakRunning: this.peak, waiting: this.waitingCount };
  }

  /** Runs `call` once a slot is free for `key`; rejects with `cancelled` if `signal` aborts while waiting. */
  async run<T>(key: string, call: () => Promise<T>, options: { signal?: AbortSignal; onPosition?: PositionListener } = {}): Promise<T> {
    await this.acquire(key, options.signal, options.onPosition);
    try {
      return await call();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string, signal: AbortSignal | undefined, onPosition: PositionListener | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled());
    if (this.running < this.limit && this.waitingCount === 0) {
      this.take(key);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.remove(waiter);
        reject(cancelled());
      };
      const waiter: Waiter = {
        key,
        onPosition,
        told: 0,
        toldAt: 0,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.take(key);
          if (waiter.told > 0) waiter.onPosition?.(0);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.enqueue(waiter);
    });
  }

  private take(key: string): void {
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
  }

  private release(key: string): void {
    this.running--;
    const left = (this.runningByKey.get(key) ?? 1) - 1;
    if (left > 0) this.runningByKey.set(key, left);
    else this.runningByKey.delete(key);
    while (this.running < this.limit && this.waitingCount > 0) this.grantNext();
    this.schedule();
  }

  private grantNext(): void {
    const fromFresh = takesFresh(this.fresh.length > 0, this.served.length > 0, this.lastFresh);
    this.lastFresh = fromFresh;
    const key = fromFresh ? this.fresh.shift()! : this.served.shift()!;
    const line = this.lines.get(key)!;
    const waiter = line.shift()!;
    this.waitingCount--;
    if (line.length > 0) this.served.push(key);
    else this.lines.delete(key);
    waiter.grant();
  }

  private enqueue(waiter: Waiter): void {
    this.waitingCount++;
    const line = this.lines.get(waiter.key);
    if (line) line.push(waiter);
    else {
      this.lines.set(waiter.key, [waiter]);
      (this.runningByKey.has(waiter.key) ? this.served : this.fresh).push(waiter.key);
    }
    this.schedule();
  }

  private remove(waiter: Waiter): void {
    const line = this.lines.get(waiter.key);
    const at = line?.indexOf(waiter) ?? -1;
    if (!line || at < 0) return;
    line.splice(at, 1);
    this.waitingCount--;
    if (line.length === 0) {
      this.lines.delete(waiter.key);
      this.fresh = this.fresh.filter((k) => k !== waiter.key);
      this.served = this.served.filter((k) => k !== waiter.key);
    }
    this.schedule();
  }

  /** Tells waiting callers their positions soon, and no more often than `tellEveryMs`. */
  private schedule(): void {
    if (this.timer || this.waitingCount === 0) return;
    const wait = Math.max(0, this.lastTold + this.tellEveryMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastTold = Date.now();
      this.tellPositions();
    }, wait);
    this.timer.unref();
  }

  /** Plays the serving rules forward, as if nothing new arrived, and tells each waiter whose place changed. */
  private tellPositions(): void {
    const now = Date.now();
    const fresh = [...this.fresh];
    const served = [...this.served];
    const depth = new Map<string, number>();
    let lastFresh = this.lastFresh;
    let position = 0;
    for (let f = 0, s = 0; f < fresh.length || s < served.length; ) {
      const fromFresh = takesFresh(f < fresh.length, s < served.length, lastFresh);
      lastFresh = fromFresh;
      const key = fromFresh ? fresh[f++]! : served[s++]!;
      const line = this.lines.get(key)!;
      const at = depth.get(key) ?? 0;
      const waiter = line[at]!;
      position++;
      if (worthTelling(waiter.told, position) || (waiter.told > 0 && now - waiter.toldAt >= this.repeatAfterMs)) {
        waiter.told = position;
        waiter.toldAt = now;
        waiter.onPosition?.(position);
      }
      if (at + 1 < line.length) {
        depth.set(key, at + 1);
        served.push(key);
      }
    }
    // Places that stay put are told again in time, even when no call ends for a long while.
    if (this.waitingCount > 0 && !this.repeat) {
      this.repeat = setTimeout(() => {
        this.repeat = undefined;
        this.tellPositions();
      }, this.repeatAfterMs / 2);
      this.repeat.unref();
    }
  }
}

/**
 * Near the front every step is told; far back only a move of a tenth, so a thousand waiting sections
 * do not each get an event every time one call starts ("đang chờ lượt: 523" need not tick to 522).
 */
function worthTelling(told: number, position: number): boolean {
  return told === 0 || (position !== told && (position <= 10 || Math.abs(position - told) >= told / 10));
}

/** A newcomer goes next, unless the last one let through was a newcomer and a caller already served waits. */
function takesFresh(freshWaiting: boolean, servedWaiting: boolean, lastFresh: boolean): boolean {
  return freshWaiting && (!servedWaiting || !lastFresh);
}

function cancelled(): DraftError {
  return new DraftError('cancelled', 'Đã dừng soạn khi đang chờ lượt; văn bản trước đó được giữ nguyên.');
}
