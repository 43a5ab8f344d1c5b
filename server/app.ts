import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config.js';
import { DraftError } from './errors.js';
import { DraftStore } from './store/draft-store.js';
import { TemplateRegistry } from './template/load.js';
import type { Provider } from './provider/types.js';
import { OfflineProvider } from './provider/offline.js';
import { DraftingService } from './draft/service.js';
import { draftRoutes } from './routes/drafts.js';
import { briefJsonSchema } from './brief/json-schema.js';
import { pageRoutes } from './page/routes.js';
import { join } from 'node:path';

export interface AppDeps {
  store: DraftStore;
  templates: TemplateRegistry;
  provider: Provider;
  concurrency: number;
  maxBodyBytes: number;
}

export function depsFromConfig(config: Config, provider: Provider = new OfflineProvider()): AppDeps {
  return {
    store: new DraftStore(join(config.dataDir, 'soanthao.db')),
    templates: TemplateRegistry.load(),
    provider,
    concurrency: config.concurrency,
    maxBodyBytes: config.maxBodyBytes,
  };
}

/** The composition root: one place that wires the store, templates and provider into the routes. */
export function createApp(deps: AppDeps) {
  const service = new DraftingService(deps.store, deps.templates, deps.provider, deps.concurrency);
  const schema = briefJsonSchema();
  const app = new Hono();

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: (c) =>
        c.json(
          new DraftError('too_large', `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(deps.maxBodyBytes / 1024)} KB): hãy rút gọn ý liệu.`, [
            { field: '', message: 'Quá dung lượng cho phép' },
          ]).toJSON(),
          413,
        ),
    }),
  );

  app.get('/api/health', (c) => c.json({ ok: true, provider: service.providerInfo, templates: deps.templates.list().map((t) => t.id) }));
  app.get('/api/schema/brief.json', (c) => c.json(schema));
  app.get('/api/templates', (c) =>
    c.json({ templates: deps.templates.list().map((t) => ({ id: t.id, name: t.name, sections: t.sections })) }),
  );
  app.route('/api/drafts', draftRoutes(service));
  app.route('/', pageRoutes(service));

  app.notFound((c) => c.json(new DraftError('not_found', 'Không có địa chỉ này').toJSON(), 404));
  app.onError((err, c) => {
    if (err instanceof DraftError) return c.json(err.toJSON(), err.status as 400);
    if (err instanceof HTTPException) return err.getResponse();
    console.error(err);
    return c.json(new DraftError('internal', 'Lỗi máy chủ không mong đợi; dữ liệu đã lưu không bị ảnh hưởng, xin thử lại.').toJSON(), 500);
  });
  return { app, service };
}
