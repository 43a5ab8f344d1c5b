import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { loadConfig } from './config.js';
import { createApp, depsFromConfig } from './app.js';
import { mustRequireLogin, startRefusal } from './security/exposure.js';
import { openAccountDirectory } from './auth/directory.js';
import { SchemaTooNewError } from './store/migrations.js';
import { boundHeapGrowth } from './runtime/heap.js';

boundHeapGrowth();

const config = loadConfig();
const accounts = mustRequireLogin(config.host) ? await openAccountDirectory(config, { existingOnly: true }) : null;
const refusal = await startRefusal(config.host, accounts && (() => accounts.countAdministrators()));
await accounts?.close();
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const deps = await depsFromConfig(config).catch((e: unknown) => {
  // A database from a newer version, or one that cannot be reached: say why and stop, touching nothing.
  if (e instanceof SchemaTooNewError) console.error(e.message);
  else console.error(`soanthao: không mở được cơ sở dữ liệu / cannot open the database: ${(e as Error).message}`);
  process.exit(1);
});
const provider = deps.provider;
const { app } = createApp(deps);

// Thousands of slow or idle clients must not hold every socket: a request's headers and body have
// a deadline (streamed answers are not cut: the limits cover receiving the request only), checked
// every second, and connections past the cap are refused at once.
const headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
const serverOptions = { headersTimeout, requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, headersTimeout) };
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port, serverOptions }, (info) => {
  const who = provider.model ? `${provider.name} (${provider.model})` : 'bộ soạn ngoại tuyến (không dùng mô hình)';
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir;
  console.log(`soanthao: http://${info.address}:${info.port}/  ·  soạn bằng: ${who}  ·  dữ liệu: ${where}`);
}) as Server;
server.maxConnections = config.maxConnections;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => void deps.store.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  // Streams still open after a grace period are cut: their revisions so far are already stored.
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
