/**
 * When a session ends (OWASP Session Management Cheat Sheet): after a stretch without requests
 * (idle) and, however active, a fixed time after login (absolute), after which the user logs in
 * again. The defaults fit an office day: a long phone call does not log anyone out, and yesterday's
 * session does not survive the night.
 */
export interface ExpiryPolicy {
  idleMs: number;
  absoluteMs: number;
  /** Record activity at most this often: a write per request would be wasted on the store. */
  touchEveryMs: number;
}

export const DEFAULT_EXPIRY: ExpiryPolicy = {
  idleMs: 60 * 60 * 1000,
  absoluteMs: 10 * 60 * 60 * 1000,
  touchEveryMs: 60 * 1000,
};

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** The moment the session ends if no request comes first. */
export function expiresAt(session: SessionTimes, policy: ExpiryPolicy = DEFAULT_EXPIRY): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + policy.idleMs, session.createdAt.getTime() + policy.absoluteMs));
}

export function isLive(session: SessionTimes, now: Date, policy: ExpiryPolicy = DEFAULT_EXPIRY): boolean {
  return now.getTime() < expiresAt(session, policy).getTime();
}

/** Whether this request should move lastSeenAt forward (and the cookie's expiry with it). */
export function shouldTouch(session: SessionTimes, now: Date, policy: ExpiryPolicy = DEFAULT_EXPIRY): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= policy.touchEveryMs;
}
