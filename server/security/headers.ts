import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * The page loads only its own files and writes styles through the DOM, so the policy allows no
 * inline script or style at all; no site may frame it (clickjacking).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // The printed first page arrives as a blob the page made from its own answer.
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The security headers of every answer (page, assets, API, errors): those of `hono/secure-headers`
 * with the policy above, addresses of drafts not leaking to other sites (Referrer-Policy).
 * Strict-Transport-Security is left to the HTTPS proxy: over plain HTTP on an office network it
 * would be ignored, and on a shared domain it is the proxy operator's decision.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Puts the security headers on every answer. They never change, so on the Node server they go
 * straight onto the outgoing response before any route runs (Node merges them into whatever the
 * route answers, refusals and streams included) instead of rebuilding the answer's headers on
 * every request; that is most of what a cheap route costs. Without a Node response (the app
 * called in-process) they are set on the answer itself.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function') {
      for (const [name, value] of SECURITY_HEADERS) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of SECURITY_HEADERS) c.res.headers.set(name, value);
  };
}
