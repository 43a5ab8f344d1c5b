import { afterEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { testApp } from '../helpers/app.js';
import { serveApp } from '../helpers/serve.js';
import { rawBrief } from '../helpers/fixtures.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
let server: Awaited<ReturnType<typeof serveApp>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  ctx?.close();
});

const VIETNAMESE = /[À-ỹ]/u;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A drafted Báo cáo and a conversation about it: real ids for every route's parameters. */
async function seed() {
  const created = await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } });
  const draftId = ((await created.json()) as any).id as string;
  expect((await ctx.request(`/api/drafts/${draftId}/draft`, { method: 'POST' })).status).toBe(200);
  const detail = (await (await ctx.request(`/api/drafts/${draftId}`)).json()) as any;
  const paragraphId = detail.sections[1].paragraphs[0].id as number;
  const conv = await ctx.request('/api/conversations', { method: 'POST', json: { draftId } });
  const conversationId = ((await conv.json()) as any).id as string;
  return { draftId, paragraphId, conversationId, sectionKey: detail.sections[1].key as string };
}

/** Everything staff could lose or see changed. */
async function snapshot(ids: Awaited<ReturnType<typeof seed>>) {
  const read = async (path: string) => JSON.stringify(await (await ctx.request(path)).json());
  return [
    await read('/api/drafts'),
    await read(`/api/drafts/${ids.draftId}`),
    await read(`/api/drafts/${ids.draftId}/paragraphs/${ids.paragraphId}/revisions`),
    await read(`/api/conversations/${ids.conversationId}`),
    await read('/api/profile'),
  ];
}

function stateChangingRoutes(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of ctx.app.routes) if (STATE_CHANGING.has(r.method)) seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  return [...seen.values()];
}

function concrete(path: string, ids: Awaited<ReturnType<typeof seed>>): string {
  return path
    .replace('/api/conversations/:id', `/api/conversations/${ids.conversationId}`)
    .replace(':id', ids.draftId)
    .replace(':pid', String(ids.paragraphId))
    .replace(':key', ids.sectionKey);
}

// Bodies every route would accept were it not for the guard: the JSON reader does not look at the type.
const PAYLOAD = JSON.stringify({ title: 'Bị trang khác sửa', text: 'Bị trang khác sửa', draftId: null, revisionId: 1, instruction: 'x' });

const ATTACKS: { name: string; headers: Record<string, string>; body: string }[] = [
  { name: 'text/plain form from another site', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: PAYLOAD },
  {
    name: 'url-encoded form from another site (modern browser)',
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `${encodeURIComponent(PAYLOAD)}=`,
  },
  { name: 'multipart form from another site', headers: { Origin: 'https://evil.example', 'Content-Type': 'multipart/form-data; boundary=x' }, body: PAYLOAD },
  { name: 'JSON fetch from another site', headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, body: PAYLOAD },
  { name: 'another application on localhost (same-site)', headers: { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'text/plain' }, body: PAYLOAD },
  { name: 'a sandboxed frame (Origin: null)', headers: { Origin: 'null', 'Content-Type': 'text/plain' }, body: PAYLOAD },
  { name: 'an old browser’s form without Origin', headers: { 'Content-Type': 'text/plain' }, body: PAYLOAD },
];

describe('CSRF: a page on another site cannot change anything', () => {
  it('refuses every kind of cross-site request on every state-changing route, and nothing changes', async () => {
    ctx = await testApp();
    const ids = await seed();
    const before = await snapshot(ids);
    const routes = stateChangingRoutes();
    // Drafts, paragraphs, conversations, profile and the .docx check: the enumeration found them all.
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/drafts/:id', '/api/profile', '/api/nd30/check', '/api/conversations/:id/messages']));
    for (const route of routes) {
      for (const attack of ATTACKS) {
        const res = await ctx.app.request(concrete(route.path, ids), { method: route.method, headers: attack.headers, body: attack.body });
        expect(res.status, `${route.method} ${route.path}: ${attack.name}`).toBe(403);
        const body = (await res.json()) as any;
        expect(body.error.code).toBe('forbidden');
        expect(body.error.message).toMatch(VIETNAMESE);
      }
    }
    expect(await snapshot(ids)).toEqual(before);
  });

  it('lets the page itself change things, from modern and older browsers alike', async () => {
    ctx = await testApp();
    const { draftId } = await seed();
    const rename = (title: string, headers: Record<string, string>) =>
      ctx.app.request(`/api/drafts/${draftId}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ title }) });
    expect((await rename('Báo cáo tháng 12', { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    // Safari before 16.4 sends Origin but no Sec-Fetch-Site.
    expect((await rename('Báo cáo quý IV', { Origin: 'http://localhost' })).status).toBe(200);
    const list = (await (await ctx.request('/api/drafts')).json()) as any;
    expect(list.drafts[0].title).toBe('Báo cáo quý IV');
  });

  it('lets command-line clients on this machine work without Origin, and tells them which content type to send', async () => {
    ctx = await testApp();
    server = await serveApp(ctx.app);
    // As curl or a script would: no Origin, no Sec-Fetch-Site.
    const created = await fetch(`${server.url}/api/drafts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ brief: rawBrief() }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as any;
    expect((await fetch(`${server.url}/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
    const docx = new Uint8Array(await (await fetch(`${server.url}/api/drafts/${id}/export.docx`)).arrayBuffer());
    const checked = await fetch(`${server.url}/api/nd30/check`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: docx });
    expect(checked.status).toBe(200);
    expect(((await checked.json()) as any).documentType).toBe('bao-cao');
    expect((await fetch(`${server.url}/api/drafts/${id}`, { method: 'DELETE' })).status).toBe(204);

    // curl -d without -H sends a form's content type, which an old browser's forged form could too.
    const formLike = await fetch(`${server.url}/api/nd30/check`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: docx });
    expect(formLike.status).toBe(403);
    expect(((await formLike.json()) as any).error.message).toContain('Content-Type: application/json');
  });

  it('behind an HTTPS proxy, compares Origin with the public address the proxy reports', async () => {
    ctx = await testApp(undefined, { security: { allowedHosts: ['soanthao.ubnd.example.vn'], trustProxy: true } });
    const post = (origin: string) =>
      ctx.app.request('/api/drafts', {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json', 'X-Forwarded-Host': 'soanthao.ubnd.example.vn', 'X-Forwarded-Proto': 'https' },
        body: JSON.stringify({ brief: rawBrief() }),
      });
    expect((await post('https://soanthao.ubnd.example.vn')).status).toBe(201);
    expect((await post('http://soanthao.ubnd.example.vn')).status).toBe(403);
    expect((await post('https://evil.example')).status).toBe(403);
  });
});

describe('security headers', () => {
  // In-process (as most tests call the app) and over real HTTP (as staff reach it), where the headers
  // are put on Node's response before any route runs and must survive every kind of answer.
  for (const via of ['in-process', 'HTTP'] as const) {
    it(`are on the page, its assets, the API, errors, refusals and streams, with a policy that allows no inline script or style (${via})`, async () => {
      ctx = await testApp();
      const ask =
        via === 'HTTP'
          ? await serveApp(ctx.app).then((s) => {
              server = s;
              return (path: string, init?: RequestInit) => fetch(`${s.url}${path}`, init);
            })
          : (path: string, init?: RequestInit) => ctx.app.request(path, init);
      const created = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as { id: string };
      const answers = [
        await ask('/'),
        await ask('/assets/app.js'),
        await ask('/api/health'),
        await ask('/api/khong-co'),
        await ask('/api/drafts', { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '{}' }),
        await ask(`/api/drafts/${created.id}/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } }),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 403, 200]);
      expect(await answers[5]!.text()).toContain('event: done');
      for (const res of answers) {
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("style-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        // One of each: Node must not send a header twice when a route sets its own.
        expect(res.headers.get('x-frame-options')).not.toContain(',');
      }
    });
  }

  it('the page itself carries no inline script, handler or style for the policy to block', async () => {
    ctx = await testApp();
    const html = await (await ctx.app.request('/')).text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/assets\//);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=|<style\b/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

/** A raw HTTP request with a Host header of our choosing, as a DNS-rebinding page's browser would send. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/health`, { headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host allow-list against DNS rebinding', () => {
  it('on loopback, answers localhost and IP addresses and refuses a foreign name with a Vietnamese 421', async () => {
    ctx = await testApp();
    server = await serveApp(ctx.app);
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await getWithHost(server.url, host)).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, `soanthao.ubnd.example.vn:${port}`, 'localhost.evil.example']) {
      const refused = await getWithHost(server.url, host);
      expect(refused.status, host).toBe(421);
      expect(JSON.parse(refused.body).error.message).toMatch(VIETNAMESE);
    }
  });

  it('on the network, also answers the names the office configured, and still refuses others', async () => {
    ctx = await testApp(undefined, { security: { allowedHosts: ['soanthao.ubnd.example.vn'], trustProxy: false } });
    server = await serveApp(ctx.app);
    expect((await getWithHost(server.url, 'soanthao.ubnd.example.vn:8080')).status).toBe(200);
    expect((await getWithHost(server.url, 'SOANTHAO.ubnd.example.vn.')).status).toBe(200);
    expect((await getWithHost(server.url, '192.168.1.20:8080')).status).toBe(200);
    expect((await getWithHost(server.url, 'evil.example')).status).toBe(421);
    expect((await getWithHost(server.url, 'ubnd.example.vn')).status).toBe(421);
  });

  it('does not believe X-Forwarded-Host unless the proxy is trusted', async () => {
    ctx = await testApp();
    const res = await ctx.app.request('/api/health', { headers: { 'X-Forwarded-Host': 'evil.example' } });
    expect(res.status).toBe(200);
    ctx.close();
    ctx = await testApp(undefined, { security: { allowedHosts: [], trustProxy: true } });
    expect((await ctx.app.request('/api/health', { headers: { 'X-Forwarded-Host': 'evil.example' } })).status).toBe(421);
  });
});
