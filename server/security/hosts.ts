import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { DraftError } from '../errors.js';
import { seenRequest } from './forwarded.js';

/** The name part of a Host header (`[::1]:8080` → `::1`, `Soanthao.Local.:80` → `soanthao.local`), or null when malformed. */
export function hostName(host: string): string | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m) return null;
  if (m[1] !== undefined) return isIP(m[1]) === 6 ? m[1].toLowerCase() : null;
  return m[2]!.toLowerCase().replace(/\.$/, '');
}

/**
 * Whether a request's Host names this server. A DNS-rebinding page reaches us under the attacker's
 * own domain name, so only names are dangerous: an IP address, `localhost` and the names the
 * office configured are accepted, whatever the port (the port a browser used says nothing about
 * who wrote the page, and differs behind a proxy).
 */
export function isAllowedHost(host: string, allowedNames: readonly string[]): boolean {
  const name = hostName(host);
  if (name === null) return false;
  return isIP(name) !== 0 || name === 'localhost' || allowedNames.includes(name);
}

/** Refuses requests whose Host the office did not configure (421), before any route runs. */
export function hostGuard(allowedNames: readonly string[], trustProxy: boolean): MiddlewareHandler {
  const names = allowedNames.map((n) => n.toLowerCase().replace(/\.$/, ''));
  return async (c, next) => {
    const { host } = seenRequest(c, trustProxy);
    if (!isAllowedHost(host, names)) {
      throw new DraftError(
        'misdirected_host',
        `Máy chủ soanthao không phục vụ địa chỉ “${host}”. Hãy mở bằng địa chỉ quản trị viên đã cấu hình (SOANTHAO_ALLOWED_HOSTS) hoặc bằng địa chỉ IP của máy chủ.`,
      );
    }
    await next();
  };
}
