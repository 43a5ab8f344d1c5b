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
import { draftAccess } from './auth/roles.js';
import { LOOPBACK_SECURITY, webDefences, type SecurityOptions } from './security/defences.js';
import { ModelQueue } from './queue/model-queue.js';
import { QueuedProvider } from './queue/queued-provider.js';
import { defaultCallerKey, namingCallers, type CallerKey } from './queue/caller.js';
import { idempotency } from './idempotency/middleware.js';
import { IdempotencyStore } from './idempotency/store.js';
import { mustRequireLogin } from './security/exposure.js';
import { sessionGate } from './security/session-gate.js';
import { AccountStore } from './store/account-store.js';
import { Sessions } from './auth/sessions.js';
import { AuditLog } from './audit/audit-log.js';
import { AuditedDraftingService } from './audit/audited-service.js';
import { DraftOffice } from './store/draft-office.js';
import { sessionRoutes } from './routes/session.js';
import { userRoutes } from './routes/users.js';
import { auditRoutes, deletedDraftRoutes } from './routes/audit.js';
import { draftGate } from './routes/draft-gate.js';
import { draftOfficeRoutes } from './routes/draft-office.js';
import { requirePermission } from './routes/permission.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { ExpiryPolicy } from './auth/session-expiry.js';

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
  /** Bound to an address others can reach: every route but login and health needs a session. */
  requireLogin?: boolean;
  /** Login throttle and session expiry; the OWASP-minded defaults when absent. */
  throttle?: LoginThrottle;
  expiry?: ExpiryPolicy;
}

/**
 * Everything the app needs, from the configuration: PostgreSQL when DATABASE_URL is set, else SQLite
 * in the data folder; with a model configured, the model drafts and reads chat messages.
 */
export async function depsFromConfig(config: Config): Promise<AppDeps> {
  const limits = { maxDraftsPerOffice: config.maxDrafts };
  // One line for every call to the model, drafting and chat alike; the offline composer costs none.
  const queue = new ModelQueue({ limit: config.modelConcurrency });
  return {
    store: config.databaseUrl
      ? await DraftStore.open({ url: config.databaseUrl, maxConnections: config.dbPool }, limits)
      : await DraftStore.open({ file: join(config.dataDir, 'soanthao.db') }, limits),
    storage: new StorageHealth(config.databaseUrl ? null : config.dataDir),
    templates: TemplateRegistry.load(),
    provider: config.llm ? new QueuedProvider(providerFromConfig(config), queue) : providerFromConfig(config),
    intentReader: config.llm ? new ModelIntentReader(config.llm, undefined, queue) : new TextIntentReader(),
    concurrency: config.concurrency,
    maxBodyBytes: config.maxBodyBytes,
    security: config.security,
    requireLogin: mustRequireLogin(config.host),
  };
}

/** The composition root: one place that wires the store, templates and provider into the routes. */
export function createApp(deps: AppDeps) {
  const audit = new AuditLog(deps.store.db);
  const sessions = new Sessions(new AccountStore(deps.store.db), deps.throttle, deps.expiry);
  const office = new DraftOffice(deps.store.db);
  const profiles = new ProfileStore(deps.store.db);
  const service: DraftingService = new AuditedDraftingService(audit, deps.store, deps.templates, deps.provider, deps.concurrency, profiles);
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
  const security = deps.security ?? LOOPBACK_SECURITY;
  const access = { requireLogin: deps.requireLogin ?? false, trustProxy: security.trustProxy };
  app.use(...webDefences(security));
  app.use(sessionGate(sessions, access));
  app.use('/api/*', namingCallers(deps.callerKey ?? defaultCallerKey(security.trustProxy)));

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
  app.route('/api/session', sessionRoutes(sessions, audit, access));
  app.route('/api/users', userRoutes(sessions, audit));
  app.route('/api', auditRoutes(audit));
  app.route('/api/deleted-drafts', deletedDraftRoutes(office, deps.store, audit));
  // Matches `/api/drafts/:id` itself too.
  app.use('/api/drafts/:id/*', draftGate(office));
  // An export is a change to the record of who saw what: any format the draft routes offer.
  app.use('/api/drafts/:id/*', async (c, next) => {
    await next();
    const format = /\/export\.([a-z0-9]+)$/.exec(c.req.path)?.[1];
    if (format && c.res.status === 200) await audit.record({ action: 'export', draftId: c.req.param('id'), detail: format }, c.get('scope'));
  });
  app.route('/api/drafts', draftOfficeRoutes(office, audit));
  app.route('/api/drafts', draftFileRoutes({ service, store: deps.store, templates: deps.templates, pdf: deps.pdf ?? PdfConverter.fromEnv() }));
  app.route('/api/drafts', draftRoutes(service, (scope, id) => chat.as(scope).forDraft(id)));
  app.route('/api/conversations', conversationRoutes(chat, async ({ actor }, draftId) => {
    const standing = await office.standing(actor.officeId, draftId);
    return standing !== null && draftAccess(actor, standing).has('write');
  }));
  app.route('/api/accents', accentRoutes(chat));
  app.route('/api/nd30', nd30Routes());
  app.use('/api/profile', async (c, next) => {
    if (c.req.method !== 'PUT') return next();
    requirePermission(c, 'profile.manage', 'sửa hồ sơ cơ quan');
    await next();
    if (c.res.status === 200) await audit.record({ action: 'profile' }, c.get('scope'));
  });
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
