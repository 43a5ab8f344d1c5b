import { resolve } from 'node:path';
import { z } from 'zod';
import type { SecurityOptions } from './security/defences.js';

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() !== '' ? s.trim() : undefined));
const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const Env = z.object({
  HOST: optionalText.transform((s) => s ?? '127.0.0.1'),
  PORT: int(8080, 0, 65535), // 0: any free port (tests start several)
  SOANTHAO_DATA_DIR: optionalText.transform((s) => resolve(s ?? 'data')),
  DATABASE_URL: optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s), { message: 'must be a postgres:// or postgresql:// URL' }),
  SOANTHAO_DB_POOL: int(10, 1, 200),
  SOANTHAO_MAX_DRAFTS: int(0, 0, 10_000_000),
  SOANTHAO_HEADERS_TIMEOUT_MS: int(20_000, 1_000, 600_000),
  SOANTHAO_REQUEST_TIMEOUT_MS: int(60_000, 1_000, 3_600_000),
  SOANTHAO_MAX_CONNECTIONS: int(5_000, 10, 1_000_000),
  SOANTHAO_CONCURRENCY: int(4, 1, 16),
  SOANTHAO_MODEL_CONCURRENCY: int(4, 1, 1024),
  SOANTHAO_MAX_BODY_BYTES: int(2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
  OPENAI_BASE_URL: optionalText,
  OPENAI_API_KEY: optionalText,
  SOANTHAO_MODEL: optionalText,
  OPENAI_MODEL: optionalText,
  SOANTHAO_MODEL_SECTION: optionalText,
  SOANTHAO_MODEL_PARAGRAPH: optionalText,
  SOANTHAO_MODEL_CHAT: optionalText,
  SOANTHAO_TIMEOUT_MS: int(120_000, 1_000, 3_600_000),
  SOANTHAO_RETRIES: int(2, 0, 10),
  // The web's defences (server/security): host names staff use, and whether a reverse proxy is trusted.
  SOANTHAO_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((s) => (s ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/, 'must be host names separated by commas, without port or scheme'))),
  SOANTHAO_TRUST_PROXY: z
    .enum(['', '0', '1', 'false', 'true'], { message: 'must be 1/true or 0/false' })
    .optional()
    .transform((s) => s === '1' || s === 'true'),
});

export interface LlmConfig {
  baseURL: string | undefined;
  apiKey: string | undefined;
  models: { section: string; paragraph: string; chat: string };
  timeoutMs: number;
  retries: number;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL when set (several instances share it); otherwise SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** Connections each instance keeps to PostgreSQL. */
  dbPool: number;
  /** Drafts an office may keep (0: no limit); one office per server until accounts exist. */
  maxDrafts: number;
  /** Slow or idle clients are cut off so they cannot hold the server's sockets. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
  concurrency: number;
  /** Model calls at once in this process, all requests together; callers wait their turn beyond it. */
  modelConcurrency: number;
  maxBodyBytes: number;
  /** Null when no model is configured: the offline composer serves. */
  llm: LlmConfig | null;
  security: SecurityOptions;
}

/** Reads the environment once, at start-up; a bad value stops the server with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const model = e.SOANTHAO_MODEL ?? e.OPENAI_MODEL;
  const configured = Boolean(e.OPENAI_BASE_URL || e.OPENAI_API_KEY || model);
  const llm: LlmConfig | null = configured
    ? {
        baseURL: e.OPENAI_BASE_URL,
        apiKey: e.OPENAI_API_KEY,
        models: {
          section: e.SOANTHAO_MODEL_SECTION ?? model ?? 'gpt-4o-mini',
          paragraph: e.SOANTHAO_MODEL_PARAGRAPH ?? model ?? 'gpt-4o-mini',
          chat: e.SOANTHAO_MODEL_CHAT ?? model ?? 'gpt-4o-mini',
        },
        timeoutMs: e.SOANTHAO_TIMEOUT_MS,
        retries: e.SOANTHAO_RETRIES,
      }
    : null;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.SOANTHAO_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    dbPool: e.SOANTHAO_DB_POOL,
    maxDrafts: e.SOANTHAO_MAX_DRAFTS,
    headersTimeoutMs: e.SOANTHAO_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.SOANTHAO_REQUEST_TIMEOUT_MS,
    maxConnections: e.SOANTHAO_MAX_CONNECTIONS,
    concurrency: e.SOANTHAO_CONCURRENCY,
    modelConcurrency: e.SOANTHAO_MODEL_CONCURRENCY,
    maxBodyBytes: e.SOANTHAO_MAX_BODY_BYTES,
    llm,
    security: { allowedHosts: e.SOANTHAO_ALLOWED_HOSTS, trustProxy: e.SOANTHAO_TRUST_PROXY },
  };
}
