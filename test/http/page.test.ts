import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

describe('the first page', () => {
  it('is a standards-mode Vietnamese page whose assets are all served locally', async () => {
    ctx = await testApp();
    const res = await ctx.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('bộ soạn ngoại tuyến');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url.startsWith('/')).toBe(true);
      expect((await ctx.request(url)).status).toBe(200);
    }
  });
});
