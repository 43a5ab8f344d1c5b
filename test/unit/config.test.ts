import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

describe('configuration of the store and the server', () => {
  it('uses SQLite in the data folder unless DATABASE_URL names a PostgreSQL server', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://soanthao@db.ubnd.local:5432/soanthao' }).databaseUrl).toBe('postgres://soanthao@db.ubnd.local:5432/soanthao');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it('has limits for slow clients, connections and drafts, and refuses nonsense', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ headersTimeoutMs: 20_000, requestTimeoutMs: 60_000, maxConnections: 5_000, maxDrafts: 0, dbPool: 10 });
    expect(loadConfig({ SOANTHAO_MAX_DRAFTS: '500', SOANTHAO_DB_POOL: '20' })).toMatchObject({ maxDrafts: 500, dbPool: 20 });
    expect(() => loadConfig({ SOANTHAO_MAX_CONNECTIONS: '3' })).toThrow(/SOANTHAO_MAX_CONNECTIONS/);
    expect(() => loadConfig({ SOANTHAO_HEADERS_TIMEOUT_MS: 'nhanh' })).toThrow(/SOANTHAO_HEADERS_TIMEOUT_MS/);
  });
});
