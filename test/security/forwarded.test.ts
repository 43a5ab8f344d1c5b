import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { clientAddress, isHttps, seenRequest } from '../../server/security/forwarded.js';
import { loadConfig } from '../../server/config.js';
import { serveApp } from '../helpers/serve.js';

let server: Awaited<ReturnType<typeof serveApp>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A bare app that answers what the helpers make of each request, served over real HTTP for the socket's address. */
async function echo(trustProxy: boolean) {
  const app = new Hono().get('/', (c) => c.json({ seen: seenRequest(c, trustProxy), https: isHttps(c, trustProxy), client: clientAddress(c, trustProxy) }));
  server = await serveApp(app);
  return async (headers: Record<string, string> = {}) => (await (await fetch(`${server!.url}/`, { headers })).json()) as any;
}

const PROXIED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'soanthao.ubnd.example.vn', 'X-Forwarded-For': '203.0.113.9, 10.0.0.7' };

describe('what the browser saw, behind a proxy or not', () => {
  it('ignores X-Forwarded-* unless the proxy is trusted: anyone could send them', async () => {
    const ask = await echo(false);
    const r = await ask(PROXIED);
    expect(r.seen).toEqual({ protocol: 'http', host: new URL(server!.url).host });
    expect(r.https).toBe(false);
    expect(r.client).toBe('127.0.0.1');
  });

  it('behind a trusted proxy, believes the entry the proxy added, not what the client prepended', async () => {
    const ask = await echo(true);
    const r = await ask(PROXIED);
    expect(r.seen).toEqual({ protocol: 'https', host: 'soanthao.ubnd.example.vn' });
    expect(r.https).toBe(true);
    expect(r.client).toBe('10.0.0.7');
    expect((await ask()).client).toBe('127.0.0.1');
  });
});

describe('configuration of the defences', () => {
  it('reads the allowed host names and proxy trust, with safe defaults', () => {
    expect(loadConfig({}).security).toEqual({ allowedHosts: [], trustProxy: false });
    expect(loadConfig({ SOANTHAO_ALLOWED_HOSTS: ' Soanthao.UBND.example.vn , soanthao ', SOANTHAO_TRUST_PROXY: '1' }).security).toEqual({
      allowedHosts: ['soanthao.ubnd.example.vn', 'soanthao'],
      trustProxy: true,
    });
  });

  it('stops at start-up on a host list with a scheme or port, or an unclear proxy setting', () => {
    expect(() => loadConfig({ SOANTHAO_ALLOWED_HOSTS: 'https://soanthao.example.vn' })).toThrow(/SOANTHAO_ALLOWED_HOSTS/);
    expect(() => loadConfig({ SOANTHAO_ALLOWED_HOSTS: 'soanthao.example.vn:8080' })).toThrow(/SOANTHAO_ALLOWED_HOSTS/);
    expect(() => loadConfig({ SOANTHAO_TRUST_PROXY: 'yes' })).toThrow(/SOANTHAO_TRUST_PROXY/);
  });
});
