import BetterSqlite3 from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Config } from '../config.js';
import { SCHEMA_VERSION } from '../store/migrations.js';

const run = promisify(execFile);

export class BackupError extends Error {}

/** `pg_dump` / `pg_restore`: on the PATH, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const root = '/usr/lib/postgresql';
  const onPath = (env.PATH ?? '').split(':').map((d) => join(d, name)).find((p) => existsSync(p));
  if (onPath) return onPath;
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  throw new BackupError(`Không tìm thấy ${name}: hãy cài gói postgresql-client (cùng phiên bản với máy chủ PostgreSQL).`);
}

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export function sqliteFile(config: Config): string {
  return join(config.dataDir, 'soanthao.db');
}

/** The schema soanthao's tables live in (public, or the one search_path names in the URL). */
async function currentSchema(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  } finally {
    await client.end();
  }
}

/**
 * A consistent copy of a running server's database into `folder`, without stopping it: SQLite's
 * online backup API (pages copied from one read snapshot; writers go on meanwhile), or pg_dump
 * (one repeatable-read snapshot). Returns the file written.
 */
export async function backup(config: Config, folder: string): Promise<string> {
  mkdirSync(resolve(folder), { recursive: true });
  if (config.databaseUrl) {
    const file = resolve(folder, `soanthao-${stamp()}.pgdump`);
    const schema = await currentSchema(config.databaseUrl);
    await run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${file}`, config.databaseUrl]);
    return file;
  }
  const source = sqliteFile(config);
  if (!existsSync(source)) throw new BackupError(`Chưa có cơ sở dữ liệu để sao lưu: không có tệp ${source}.`);
  const file = resolve(folder, `soanthao-${stamp()}.db`);
  const db = new BetterSqlite3(source, { readonly: true, timeout: 15_000 });
  try {
    // After the first 100 pages, the rest in one step: fewer chances for a write to restart the copy.
    await db.backup(file, { progress: () => 1_000_000 });
  } finally {
    db.close();
  }
  checkSqlite(file);
  return file;
}

/** A readable soanthao database this version understands, or a clear refusal. */
function checkSqlite(file: string): void {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`Không mở được tệp sao lưu ${file}: ${(e as Error).message}`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`Tệp sao lưu ${file} bị hỏng (${String(ok)}).`);
    const version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null } | undefined)?.v ?? 0;
    if (version > SCHEMA_VERSION) throw new BackupError(`Tệp sao lưu ${file} do phiên bản soanthao mới hơn ghi (lược đồ số ${version}); hãy dùng phiên bản đó để khôi phục.`);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Tệp ${file} không phải bản sao lưu soanthao: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup back in place of the current database. On SQLite the current file is first copied
 * beside it (`soanthao.db.truoc-khoi-phuc-<time>`), then the backup is written into it through the
 * backup API, so a server still holding it open reads the restored data, not a torn file. On
 * PostgreSQL the dump replaces soanthao's tables in one transaction. Returns what was kept aside.
 */
export async function restore(config: Config, file: string): Promise<string | null> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`Không có tệp sao lưu ${source}.`);
  if (config.databaseUrl) {
    await run(postgresTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${config.databaseUrl}`, source]);
    return null;
  }
  checkSqlite(source);
  const target = sqliteFile(config);
  mkdirSync(config.dataDir, { recursive: true });
  let kept: string | null = null;
  if (existsSync(target)) {
    kept = `${target}.truoc-khoi-phuc-${stamp()}`;
    const current = new BetterSqlite3(target, { timeout: 15_000 });
    try {
      await current.backup(kept);
    } finally {
      current.close();
    }
  }
  const from = new BetterSqlite3(source, { readonly: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
  return kept;
}

