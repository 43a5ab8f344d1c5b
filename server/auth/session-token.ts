import { createHash, randomBytes } from 'node:crypto';

/**
 * A session is a random 256-bit token that only the browser holds (in the cookie); the store keeps
 * its SHA-256, so a copy of the database or a backup lets no one take over a session.
 */
export interface NewSession {
  /** base64url, 43 characters: goes into the cookie, never stored. */
  token: string;
  /** hex SHA-256 of the token: the session's key in the store. */
  id: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newSession(): NewSession {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token)! };
}

/** The stored key of a cookie's token, or null for anything that is not a token we could have issued. */
export function sessionIdOf(token: string | undefined): string | null {
  if (!token || !TOKEN.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}
