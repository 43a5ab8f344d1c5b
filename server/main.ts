import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createApp, depsFromConfig } from './app.js';
import { providerFromConfig } from './provider/from-config.js';

const config = loadConfig();
const provider = providerFromConfig(config);
const { app } = createApp(depsFromConfig(config, provider));

serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const who = provider.model ? `${provider.name} (${provider.model})` : 'bộ soạn ngoại tuyến (không dùng mô hình)';
  console.log(`soanthao: http://${info.address}:${info.port}/  ·  soạn bằng: ${who}  ·  dữ liệu: ${config.dataDir}`);
});
