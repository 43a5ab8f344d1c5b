import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config.js';
import { DraftError } from './errors.js';
import { DraftStore } from './store/draft-store.js';
import { StorageHealth, isStorageFull, storageFullError } from './store/faults.js';
import { TemplateRegistry } from './template/load.js';
import type { Provider } from './provider/types.js';
import { providerFromConfig } from './provider/from-config.js';
import { ModelIntentReader } from './chat/read-model.js';
import { DraftingService } from './draft/service.js';
import { draftRoutes } from './routes/drafts.js';
import { nd30Routes, ND30_MAX_BYTES } from './routes/nd30.js';
import { profileRoutes } from './routes/profile.js';
import { conversationRoutes } from './routes/conversations.js';
import { accentRoutes } from './routes/accents.js';
import { ConversationService } from './chat/service.js';
import { ConversationStore } from './store/conversation-store.js';
import { TextIntentReader, type IntentReader } from './chat/reader.js';
import { ProfileStore } from './store/profile-store.js';
import { briefJsonSchema } from './brief/json-schema.js';
import { pageRoutes } from './page/routes.js';
import { draftFileRoutes } from './routes/draft-files.js';
import { PdfConverter } from './pdf/converter.js';
import { join } from 'node:path';
import { LOOPBACK_SECURITY, webDefences, type SecurityOptions } from './security/defences.js';
import { ModelQueue } from './queue/model-queue.js';
import { QueuedProvider } from './queue/queued-provider.js';
import { defaultCallerKey, namingCallers, type CallerKey } from './queue/caller.js';
import { idempotency } from './idempotency/middleware.js';
import { IdempotencyStore } from './idempotency/store.js';

export interface AppDeps {
  store: DraftStore;
  /** What health says about the disk; one that only remembers full-disk errors when absent. */
  storage?: StorageHealth;
  templates: TemplateRegistry;
  provider: Provider;
  concurrency: number;
  maxBodyBytes: number;
  /** Reads chat messages; the deterministic interview when absent. */
  intentReader?: IntentReader;
  /** Host allow-list and proxy trust; a loopback server's defaults when absent. */
  security?: SecurityOptions;
  /** Prints drafts to PDF; LibreOffice as the environment names it when absent. */
  pdf?: PdfConverter;
  /** Whose line in the model queue a request's calls wait in; the draft, else the client address, when absent. */
  callerKey?: CallerKey;
}

/**
 * Everything the app needs, from the configuration: PostgreSQL when DATABASE_URL is set, else SQLite
 * in the data folder; with a model configured, the model drafts and reads chat messages.
 */
export async function depsFromConfig(config: Config): Promise<AppDeps> {
  const limits = { maxDraftsPerOffice: config.maxDrafts };
  return {
    store: config.databaseUrl
      ? await DraftStore.open({ url: config.databaseUrl, maxConnections: config.dbPool }, limits)
      : await DraftStore.open({ file: join(config.dataDir, 'soanthao.db') }, limits),
    storage: new StorageHealth(config.databaseUrl ? null : config.dataDir),
    templates: TemplateRegistry.load(),
    // The offline composer costs no model call: only a model waits its turn.
    provider: config.llm ? new QueuedProvider(providerFromConfig(config), new ModelQueue({ limit: config.modelConcurrency })) : providerFromConfig(config),
    intentReader: config.llm ? new ModelIntentReader(config.llm) : new TextIntentReader(),
    concurrency: config.concurrency,
    maxBodyBytes: config.maxBodyBytes,
    security: config.security,
  };
}

/** The composition root: one place that wires the store, templates and provider into the routes. */
export function createApp(deps: AppDeps) {
  const profiles = new ProfileStore(deps.store.db);
  const service = new DraftingService(deps.store, deps.templates, deps.provider, deps.concurrency, profiles);
  const chat = new ConversationService(
    new ConversationStore(deps.store.db),
    service,
    deps.store,
    deps.templates,
    profiles,
    deps.intentReader ?? new TextIntentReader(),
  );
  const schema = briefJsonSchema();
  const app = new Hono();
  app.use(...webDefences(deps.security ?? LOOPBACK_SECURITY));
  app.use('/api/*', namingCallers(deps.callerKey ?? defaultCallerKey((deps.security ?? LOOPBACK_SECURITY).trustProxy)));

  const limit = (maxSize: number, what: string) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(
          new DraftError('too_large', `${what} quá lớn (tối đa ${Math.round(maxSize / 1024)} KB).`, [
            { field: '', message: 'Quá dung lượng cho phép' },
          ]).toJSON(),
          413,
        ),
    });
  const briefLimit = limit(deps.maxBodyBytes, 'Dữ liệu gửi lên');
  const docxLimit = limit(ND30_MAX_BYTES, 'Tệp Word');
  // Only requests that carry a body are measured: reads skip the limit's work. A .docx to check or
  // import may be far larger than any brief.
  const withBody = new Set(['POST', 'PUT', 'PATCH']);
  const docxUploads = new Set(['/api/nd30/check', '/api/drafts/import']);
  app.use('/api/*', (c, next) =>
    !withBody.has(c.req.method) ? next() : docxUploads.has(c.req.path) ? docxLimit(c, next) : briefLimit(c, next),
  );

  app.use('/api/*', idempotency(new IdempotencyStore(deps.store.db)));

  const storage = deps.storage ?? new StorageHealth(null);
  const templateIds = deps.templates.list().map((t) => t.id);
  app.get('/api/health', async (c) => {
    const state = await storage.state();
    return c.json({ ok: state.ok, provider: service.providerInfo, templates: templateIds, storage: { dialect: deps.store.db.dialect, ...state } }, state.ok ? 200 : 503);
  });
  app.get('/api/schema/brief.json', (c) => c.json(schema));
  app.get('/api/templates', (c) =>
    c.json({ templates: deps.templates.list().map((t) => ({ id: t.id, name: t.name, sections: t.sections })) }),
  );
  app.route('/api/drafts', draftFileRoutes({ service, store: deps.store, templates: deps.templates, pdf: deps.pdf ?? PdfConverter.fromEnv() }));
  app.route('/api/drafts', draftRoutes(service, (id) => chat.forDraft(id), (id) => deps.store.stamp(id)));
  app.route('/api/conversations', conversationRoutes(chat));
  app.route('/api/accents', accentRoutes(chat));
  app.route('/api/nd30', nd30Routes());
  app.route('/api/profile', profileRoutes(profiles, deps.templates));
  app.route('/', pageRoutes(service));

  app.notFound((c) => c.json(new DraftError('not_found', 'Không có địa chỉ này').toJSON(), 404));
  app.onError((err, c) => {
    // A full disk may come wrapped in an unexpected-error DraftError: say what it is.
    if (isStorageFull(err) && !(err instanceof DraftError && err.code !== 'internal')) {
      storage.noteFull();
      return c.json(storageFullError(err).toJSON(), 507);
    }
    if (err instanceof DraftError) return c.json(err.toJSON(), err.status as 400);
    if (err instanceof HTTPException) return err.getResponse();
    console.error(err);
    return c.json(new DraftError('internal', 'Lỗi máy chủ không mong đợi; dữ liệu đã lưu không bị ảnh hưởng, xin thử lại.').toJSON(), 500);
  });
  return { app, service, chat };
}
