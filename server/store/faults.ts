import { statfs } from 'node:fs/promises';
import { DraftError } from '../errors.js';

/** SQLite's "database or disk is full", the OS's ENOSPC, PostgreSQL's disk_full (53100). */
export function isStorageFull(e: unknown): boolean {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return true;
  }
  return false;
}

export const storageFullError = (cause?: unknown) =>
  new DraftError(
    'storage_full',
    'Máy chủ đã hết chỗ lưu trữ nên chưa lưu được thay đổi này; những gì đã lưu trước đó vẫn còn nguyên. Hãy báo quản trị viên giải phóng dung lượng ổ đĩa rồi thử lại.',
    [],
    { cause },
  );

/** Below this much free space in the data folder, health says the disk is full before a write fails. */
const LOW_SPACE_BYTES = 16 * 1024 * 1024;
/** A write that found the disk full counts this long: PostgreSQL's disk cannot be measured from here. */
const REMEMBER_MS = 60_000;

export interface StorageState {
  ok: boolean;
  full: boolean;
  message: string | null;
}

/**
 * What /api/health says about storage: a write that hit a full disk, or (for a SQLite folder) free
 * space measured directly. Measured at most once a second, so health stays cheap under load.
 */
export class StorageHealth {
  private fullAt = 0;
  private cached: { at: number; state: StorageState } | null = null;

  constructor(private readonly dataDir: string | null) {}

  noteFull(): void {
    this.fullAt = Date.now();
    this.cached = null;
  }

  async state(): Promise<StorageState> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < 1_000) return this.cached.state;
    let full = now - this.fullAt < REMEMBER_MS;
    if (this.dataDir && !full) {
      try {
        const s = await statfs(this.dataDir);
        full = s.bavail * s.bsize < LOW_SPACE_BYTES;
      } catch {
        // A folder that cannot be measured says nothing either way.
      }
    }
    const state: StorageState = full
      ? { ok: false, full: true, message: 'Ổ đĩa lưu dữ liệu đã đầy: chưa lưu được thay đổi mới.' }
      : { ok: true, full: false, message: null };
    this.cached = { at: now, state };
    return state;
  }
}
