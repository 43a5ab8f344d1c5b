import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createApp, depsFromConfig } from './app.js';
import { startRefusal } from './security/exposure.js';
import { openAccountDirectory } from './auth/directory.js';

const config = loadConfig();
const accounts = await openAccountDirectory(config);
const refusal = await startRefusal(config.host, accounts && (() => accounts.countAdministrators()));
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const deps = depsFromConfig(config);
const provider = deps.provider;
const { app } = createApp(deps);

serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const who = provider.model ? `${provider.name} (${provider.model})` : 'bộ soạn ngoại tuyến (không dùng mô hình)';
  console.log(`soanthao: http://${info.address}:${info.port}/  ·  soạn bằng: ${who}  ·  dữ liệu: ${config.dataDir}`);
});
