import type { Account, AccountStore } from '../store/account-store.js';
import { checkUsername } from './names.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { LoginThrottle } from './login-throttle.js';
import { DEFAULT_EXPIRY, type ExpiryPolicy } from './session-expiry.js';
import { newSession, sessionIdOf } from './session-token.js';

export type LoginResult =
  | { ok: true; token: string; account: Account; expiresAt: Date }
  | { ok: false; status: 401 | 429; message: string; account: Account | null; retryAfterMs?: number };

export interface ActiveSession {
  id: string;
  account: Account;
  /** When the session ends however active it is: the cookie's expiry. */
  expiresAt: Date;
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/**
 * Logging in and out, and the session behind a cookie. A wrong name, a wrong password and a
 * disabled account get one answer in the same time, so the login form tells nobody which names
 * exist; every failure counts towards the name's lock and the address's.
 */
export class Sessions {
  constructor(
    readonly accounts: AccountStore,
    readonly throttle: LoginThrottle = new LoginThrottle(),
    private readonly policy: ExpiryPolicy = DEFAULT_EXPIRY,
    private readonly now: () => number = Date.now,
  ) {}

  async login(rawUsername: string, password: string, address: string): Promise<LoginResult> {
    const checked = checkUsername(rawUsername);
    const username = checked.ok ? checked.value : rawUsername.normalize('NFC').trim().toLowerCase();
    const row = checked.ok ? await this.accounts.accountRow(username) : null;
    const verdict = this.throttle.check(username, address);
    if (!verdict.allowed) return { ok: false, status: 429, message: verdict.message, account: row?.account ?? null, retryAfterMs: verdict.retryAfterMs };
    const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
    const account = row ? row.account : null;
    if (!row || !matches || !row.account.active) {
      this.throttle.recordFailure(username, address);
      return { ok: false, status: 401, message: WRONG, account };
    }
    this.throttle.clearAccount(username);
    if (needsRehash(row.password_hash)) await this.accounts.rehash(row.account.id, await hashPassword(password));
    const session = newSession();
    await this.accounts.createSession(session.id, row.account.id, new Date(this.now()).toISOString());
    await this.forgetExpired();
    return { ok: true, token: session.token, account: row.account, expiresAt: new Date(this.now() + this.policy.absoluteMs) };
  }

  /** The live session behind a cookie's token; an expired one is ended on the way. */
  async resolve(token: string | undefined): Promise<ActiveSession | null> {
    const id = sessionIdOf(token);
    if (!id) return null;
    const row = await this.accounts.session(id);
    if (!row) return null;
    const now = this.now();
    const lastSeen = Date.parse(row.lastSeenAt);
    const created = Date.parse(row.createdAt);
    if (!row.user.active || now - lastSeen > this.policy.idleMs || now - created > this.policy.absoluteMs) {
      await this.accounts.endSession(id);
      return null;
    }
    if (now - lastSeen > this.policy.touchEveryMs) await this.accounts.touchSession(id, new Date(now).toISOString());
    return { id, account: row.user, expiresAt: new Date(created + this.policy.absoluteMs) };
  }

  /**
   * The user changes their own password, proving the current one. Every session of theirs ends,
   * this one included: whoever else knew the old password is out, and the user logs in again.
   */
  async changePassword(account: { id: string; username: string }, current: string, next: string): Promise<boolean> {
    // Guessing the current password from a session left open counts like guessing at the login form.
    if (!this.throttle.check(account.username, '').allowed) return false;
    const row = await this.accounts.accountRow(account.username);
    if (!row || !(await verifyPassword(current, row.password_hash))) {
      this.throttle.recordFailure(account.username, '');
      return false;
    }
    await this.accounts.setPassword(account.id, await hashPassword(next));
    return true;
  }

  async logout(token: string | undefined): Promise<void> {
    const id = sessionIdOf(token);
    if (id) await this.accounts.endSession(id);
  }

  private async forgetExpired(): Promise<void> {
    const now = this.now();
    await this.accounts.purgeSessions(new Date(now - this.policy.idleMs).toISOString(), new Date(now - this.policy.absoluteMs).toISOString());
  }
}
