import { Hono } from 'hono';
import { readdirSync, readFileSync } from 'node:fs';
import type { DraftingService } from '../draft/service.js';
import { HomePage } from './home.js';
import { LoginPage } from './login.js';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/** The page's own files (scripts, stylesheet, icon), read once at start-up. */
function loadAssets(): Map<string, { body: string; type: string }> {
  const dir = new URL('./assets/', import.meta.url);
  const assets = new Map<string, { body: string; type: string }>();
  for (const name of readdirSync(dir)) {
    const ext = /^[a-z][a-z0-9-]*\.(js|css|svg)$/.exec(name)?.[1];
    if (ext) assets.set(name, { body: readFileSync(new URL(name, dir), 'utf8'), type: TYPES[ext]! });
  }
  return assets;
}

export function pageRoutes(service: DraftingService) {
  const assets = loadAssets();
  return new Hono()
    .get('/', (c) => {
      const { name, model } = service.providerInfo;
      const provider = model ? `mô hình ${model} (${name})` : 'bộ soạn ngoại tuyến (không dùng mô hình)';
      return c.html(`<!DOCTYPE html>${(<HomePage provider={provider} offline={model === null} />).toString()}`);
    })
    .get('/dang-nhap', (c) => c.html(`<!DOCTYPE html>${(<LoginPage />).toString()}`))
    .get('/assets/:name', (c) => {
      const asset = assets.get(c.req.param('name'));
      if (!asset) return c.notFound();
      return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'no-cache' });
    });
}
