import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * What the browser saw, as opposed to what reached this process. Behind a reverse proxy that
 * terminates HTTPS (SOANTHAO_TRUST_PROXY), the X-Forwarded-* headers carry the public scheme, host
 * and client address; without it they are ignored, since any client could send them.
 */
export interface SeenRequest {
  /** `http` or `https`. */
  protocol: string;
  /** The Host as the browser sent it (name and optional port), lower case. */
  host: string;
}

/**
 * The entry our proxy added. Proxies append to these lists, so earlier entries may come from the
 * client itself; only the last one is the trusted proxy's (one proxy in front of soanthao).
 */
function forwarded(c: Context, name: string): string | undefined {
  const value = c.req.header(name)?.split(',').at(-1)?.trim();
  return value ? value : undefined;
}

export function seenRequest(c: Context, trustProxy: boolean): SeenRequest {
  // Every request asks (Host check, CSRF, session cookie): read the scheme off the URL's text
  // rather than parsing the URL each time.
  const url = c.req.url;
  const protocol = (trustProxy && forwarded(c, 'x-forwarded-proto')?.toLowerCase()) || url.slice(0, url.indexOf(':')).toLowerCase();
  const host = (trustProxy && forwarded(c, 'x-forwarded-host')) || c.req.header('host') || new URL(url).host;
  return { protocol, host: host.toLowerCase() };
}

/** Whether the session cookie may be marked Secure: the browser talks HTTPS to us or to our proxy. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  return seenRequest(c, trustProxy).protocol === 'https';
}

/**
 * The client's address, for rate limiting and the audit trail: the address our proxy saw (last
 * X-Forwarded-For entry) when trusted, otherwise the socket's peer. Empty when neither is known (in-process tests).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const proxied = trustProxy ? forwarded(c, 'x-forwarded-for') : undefined;
  if (proxied) return proxied;
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
}
