import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DraftError } from '../errors.js';
import { LOCAL_SCOPE, type RequestScope } from '../auth/scope.js';
import { sessionCookie } from '../auth/session-cookie.js';
import type { ActiveSession, Sessions } from '../auth/sessions.js';
import { clientAddress, isHttps } from './forwarded.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's session, null without one (set by sessionGate). */
    session: ActiveSession | null;
    /** On whose behalf the request runs (set by sessionGate): routes pass it on to what they call. */
    scope: RequestScope;
  }
}

export const LOGIN_PATH = '/dang-nhap';

/** Reached without a session even where logins are required: the login page and what it needs, and health. */
export function isPublic(method: string, path: string): boolean {
  if (path === LOGIN_PATH || path.startsWith('/assets/') || path === '/api/health') return true;
  return path === '/api/session' && (method === 'GET' || method === 'POST' || method === 'HEAD');
}

/** Nobody: the scope of a request that reaches only public routes, matching no office's data. */
const ANONYMOUS: RequestScope = { actor: { userId: '', officeId: '', role: 'chuyen-vien' }, username: '', address: '', local: false };

export function sessionToken(c: Context, trustProxy: boolean): string | undefined {
  return getCookie(c, sessionCookie(isHttps(c, trustProxy), null).name);
}

export function scopeOf(session: ActiveSession, address: string): RequestScope {
  const a = session.account;
  return { actor: { userId: a.id, officeId: a.officeId, role: a.role }, username: a.username, address, local: false };
}

/** The scope a request runs in; null when it needs a login it has not got. */
function scopeFor(c: Context, session: ActiveSession | null, address: string, requireLogin: boolean): RequestScope | null {
  if (session) return scopeOf(session, address);
  if (!requireLogin) return { ...LOCAL_SCOPE, address };
  if (isPublic(c.req.method, c.req.path)) return { ...ANONYMOUS, address };
  return null;
}

/**
 * Who makes each request. With a session cookie, its user; without one, on a loopback server the
 * local user (as before accounts), elsewhere nobody: the API answers 401 and a page sends the
 * browser to the login page. The rest of the request reads its scope from the context (auth/scope.ts).
 */
export function sessionGate(sessions: Sessions, options: { requireLogin: boolean; trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    const address = clientAddress(c, options.trustProxy);
    const session = await sessions.resolve(sessionToken(c, options.trustProxy));
    c.set('session', session);
    const scope = scopeFor(c, session, address, options.requireLogin);
    if (scope) {
      c.set('scope', scope);
      return next();
    }
    if (c.req.path.startsWith('/api/')) {
      return c.json(new DraftError('unauthenticated', 'Cần đăng nhập để dùng soanthao trên mạng; phiên làm việc có thể đã hết hạn.').toJSON(), 401);
    }
    return c.redirect(LOGIN_PATH, 302);
  };
}
