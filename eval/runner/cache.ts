import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A stable hash of any JSON value: object keys sorted, so equal inputs hash equal. */
export function hashOf(value: unknown): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(stable(value))).digest('hex');
}

/**
 * Model answers on disk, one JSON file per key, so rerunning an eval over the same prompts, model
 * and cases calls the model zero times.
 */
export class DiskCache {
  constructor(readonly dir: string) {}

  get<T>(key: string): T | undefined {
    try {
      return JSON.parse(readFileSync(this.file(key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    // Write then rename, so an interrupted run never leaves half a file to be read back.
    const tmp = `${this.file(key)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, this.file(key));
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}
