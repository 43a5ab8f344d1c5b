import type { CookieOptions } from 'hono/utils/cookie';

/**
 * The session cookie. httpOnly (page scripts never see it), SameSite=Lax (not sent on other sites'
 * form posts), Path=/. Over HTTPS it is Secure and takes the `__Host-` prefix, which browsers accept
 * only from a secure origin, without Domain, on Path=/: no sub-domain or plain-HTTP page can plant
 * or overwrite it.
 */
export function sessionCookie(secure: boolean, expiresAt: Date | null): { name: string; options: CookieOptions } {
  const options: CookieOptions = { httpOnly: true, sameSite: 'Lax', path: '/', secure };
  if (expiresAt) options.expires = expiresAt;
  return { name: secure ? '__Host-soanthao-phien' : 'soanthao-phien', options };
}
