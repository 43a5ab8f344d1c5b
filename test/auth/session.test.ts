import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { newSession, sessionIdOf } from '../../server/auth/session-token.js';
import { sessionCookie } from '../../server/auth/session-cookie.js';
import { DEFAULT_EXPIRY, expiresAt, isLive, shouldTouch } from '../../server/auth/session-expiry.js';
import { generateCookie } from 'hono/cookie';

describe('session tokens', () => {
  it('gives the browser 256 random bits and keeps only their SHA-256', () => {
    const a = newSession();
    const b = newSession();
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.id).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(a.id).not.toContain(a.token);
    expect(sessionIdOf(a.token)).toBe(a.id);
  });

  it('finds no session for a cookie that is not a token we could have issued', () => {
    expect(sessionIdOf(undefined)).toBeNull();
    expect(sessionIdOf('')).toBeNull();
    expect(sessionIdOf(newSession().id)).toBeNull();
    expect(sessionIdOf(`${newSession().token}x`)).toBeNull();
  });
});

describe('session cookie', () => {
  it('is httpOnly and SameSite=Lax over HTTP, and Secure with the __Host- prefix behind HTTPS', () => {
    const plain = sessionCookie(false, null);
    const header = generateCookie(plain.name, 'tok', plain.options);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/);
    const until = new Date('2026-11-30T18:00:00Z');
    const secure = sessionCookie(true, until);
    const secureHeader = generateCookie(secure.name, 'tok', secure.options);
    expect(secureHeader).toMatch(/^__Host-soanthao-phien=tok;/);
    expect(secureHeader).toMatch(/Secure/);
    expect(secureHeader).toContain(`Expires=${until.toUTCString()}`);
  });
});

describe('session expiry', () => {
  const login = new Date('2026-11-30T07:30:00Z');
  const at = (minutes: number) => new Date(login.getTime() + minutes * 60_000);

  it('ends an hour after the last request', () => {
    const session = { createdAt: login, lastSeenAt: at(120) };
    expect(isLive(session, at(179))).toBe(true);
    expect(isLive(session, at(180))).toBe(false);
    expect(expiresAt(session)).toEqual(at(180));
  });

  it('ends ten hours after login however active the user is', () => {
    const session = { createdAt: login, lastSeenAt: at(595) };
    expect(expiresAt(session)).toEqual(at(600));
    expect(isLive(session, at(599))).toBe(true);
    expect(isLive(session, at(600))).toBe(false);
  });

  it('records activity at most once a minute', () => {
    const session = { createdAt: login, lastSeenAt: at(10) };
    expect(shouldTouch(session, new Date(at(10).getTime() + DEFAULT_EXPIRY.touchEveryMs - 1))).toBe(false);
    expect(shouldTouch(session, at(11))).toBe(true);
  });
});
