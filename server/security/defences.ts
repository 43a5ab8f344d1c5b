import type { MiddlewareHandler } from 'hono';
import { securityHeaders } from './headers.js';
import { hostGuard } from './hosts.js';
import { csrfGuard } from './csrf.js';

export interface SecurityOptions {
  /** Host names (besides IP addresses and localhost) under which staff reach the server. */
  allowedHosts: readonly string[];
  /** Behind a reverse proxy: believe its X-Forwarded-Proto/Host/For. */
  trustProxy: boolean;
}

export const LOOPBACK_SECURITY: SecurityOptions = { allowedHosts: [], trustProxy: false };

/** The web's defences, in order: headers on every answer (refusals too), then the Host, then CSRF. */
export function webDefences(options: SecurityOptions): MiddlewareHandler[] {
  return [securityHeaders(), hostGuard(options.allowedHosts, options.trustProxy), csrfGuard(options.trustProxy)];
}
