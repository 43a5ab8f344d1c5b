import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { DraftStore } from '../../server/store/draft-store.js';
import { TemplateRegistry } from '../../server/template/load.js';
import type { Provider } from '../../server/provider/types.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { SecurityOptions } from '../../server/security/defences.js';

/** The real app over a real SQLite file in a fresh temporary folder. */
export function testApp(provider: Provider = new OfflineProvider(), options: { maxBodyBytes?: number; security?: SecurityOptions } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-test-'));
  const store = new DraftStore(join(dir, 'soanthao.db'));
  const { app, service } = createApp({
    store,
    templates: TemplateRegistry.load(),
    provider,
    concurrency: 4,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    security: options.security,
  });
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    return app.request(path, {
      ...rest,
      headers: { 'Content-Type': 'application/json', ...(rest.headers ?? {}) },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  };
  return {
    app,
    service,
    store,
    dir,
    request,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
