import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import type { DraftingService } from '../draft/service.js';
import { HomePage } from './home.js';

const ASSETS: Record<string, { file: string; type: string }> = {
  'app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  'app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

export function pageRoutes(service: DraftingService) {
  const assets = new Map(
    Object.entries(ASSETS).map(([name, a]) => [name, { body: readFileSync(new URL(`./assets/${a.file}`, import.meta.url), 'utf8'), type: a.type }]),
  );
  return new Hono()
    .get('/', (c) => {
      const { name, model } = service.providerInfo;
      const provider = model ? `${name} (${model})` : 'bộ soạn ngoại tuyến, không dùng mô hình';
      return c.html(`<!DOCTYPE html>${(<HomePage provider={provider} />).toString()}`);
    })
    .get('/assets/:name', (c) => {
      const asset = assets.get(c.req.param('name'));
      if (!asset) return c.notFound();
      return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'no-cache' });
    });
}
