import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { TemplateRegistry } from '../../server/template/load.js';
import type { Provider } from '../../server/provider/types.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import type { StorageHealth } from '../../server/store/faults.js';
import type { SecurityOptions } from '../../server/security/defences.js';
import type { CallerKey } from '../../server/queue/caller.js';
import { openTestStore } from './store.js';

/** The real app over a real store (SQLite, or PostgreSQL under SOANTHAO_TEST_DATABASE=postgres) in a fresh place. */
export async function testApp(
  provider: Provider = new OfflineProvider(),
  options: { maxBodyBytes?: number; maxDrafts?: number; storage?: StorageHealth; security?: SecurityOptions; callerKey?: CallerKey; requireLogin?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-test-'));
  const opened = await openTestStore(dir, { maxDraftsPerOffice: options.maxDrafts });
  const store = opened.store;
  const { app, service } = createApp({
    store,
    storage: options.storage,
    templates: TemplateRegistry.load(),
    provider,
    concurrency: 4,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    security: options.security,
    callerKey: options.callerKey,
    requireLogin: options.requireLogin,
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
    place: opened.place,
    dir,
    request,
    async close() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type JsonRequest = (path: string, init?: RequestInit & { json?: unknown }) => Response | Promise<Response>;

/** Saves an office's glossary answers the way the page and the chat do: one POST /api/profile/glossary each. */
export async function saveGlossary(request: JsonRequest, glossary: Readonly<Record<string, string>>): Promise<void> {
  for (const [abbr, meaning] of Object.entries(glossary)) {
    const res = await request('/api/profile/glossary', { method: 'POST', json: { abbr, meaning } });
    if (res.status !== 200) throw new Error(`POST /api/profile/glossary ${abbr}: ${res.status} ${await res.text()}`);
  }
}
