import { isIPv6 } from 'node:net';

/**
 * Slows down password guessing (OWASP Authentication Cheat Sheet): failed logins are counted per
 * login name and per client address over a window; past a limit, that name (the account lock) or
 * that address is refused until the lock ends. A name is counted whether or not an account has it,
 * so the lock tells nobody which names exist. Kept in
 * memory: each server process counts on its own, and a restart forgets (accepted: a restart is
 * rarer than the window).
 */
export interface ThrottlePolicy {
  windowMs: number;
  /** Failures of one login name within the window that lock it. */
  maxPerAccount: number;
  /** Failures from one address within the window that block it (an office behind one NAT shares it). */
  maxPerAddress: number;
  lockMs: number;
  /** Bound on remembered names and addresses, so random names cannot fill the memory. */
  maxEntries: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxPerAccount: 5,
  maxPerAddress: 30,
  lockMs: 15 * 60 * 1000,
  maxEntries: 10_000,
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: 'account' | 'address'; retryAfterMs: number; message: string };

interface Entry {
  failures: number[];
  lockedUntil: number;
}

class Counter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly max: number,
    private readonly policy: ThrottlePolicy,
  ) {}

  lockedFor(key: string, now: number): number {
    const e = this.entries.get(key);
    return e && e.lockedUntil > now ? e.lockedUntil - now : 0;
  }

  fail(key: string, now: number): void {
    const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    e.failures = e.failures.filter((t) => t > now - this.policy.windowMs);
    e.failures.push(now);
    if (e.failures.length >= this.max) {
      e.lockedUntil = now + this.policy.lockMs;
      e.failures = [];
    }
    // Re-inserting keeps the Map in order of last failure, oldest first, for eviction.
    this.entries.delete(key);
    this.entries.set(key, e);
    if (this.entries.size > this.policy.maxEntries) this.prune(now);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Forgets what no longer counts, then the oldest unlocked entries, and only then the oldest locks:
   * a flood of guessed names must not be a way to lift a lock.
   */
  private prune(now: number): void {
    for (const [key, e] of this.entries) {
      if (e.lockedUntil <= now && e.failures.every((t) => t <= now - this.policy.windowMs)) this.entries.delete(key);
    }
    for (const evictLocked of [false, true]) {
      for (const [key, e] of this.entries) {
        if (this.entries.size <= this.policy.maxEntries) return;
        if (evictLocked || e.lockedUntil <= now) this.entries.delete(key);
      }
    }
  }
}

/** One client for counting: an IPv6 client usually holds a whole /64, so it counts as one. */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase();
  if (a.startsWith('::ffff:') && a.includes('.')) return a.slice('::ffff:'.length);
  if (!isIPv6(a)) return a;
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

function minutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

export class LoginThrottle {
  private readonly accounts: Counter;
  private readonly addresses: Counter;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {
    this.accounts = new Counter(policy.maxPerAccount, policy);
    this.addresses = new Counter(policy.maxPerAddress, policy);
  }

  /** Ask before checking the password: a locked name or address is refused without trying it. */
  check(username: string, address: string): ThrottleVerdict {
    const now = this.now();
    const byAddress = address ? this.addresses.lockedFor(addressKey(address), now) : 0;
    if (byAddress > 0) {
      return {
        allowed: false,
        reason: 'address',
        retryAfterMs: byAddress,
        message: `Có quá nhiều lần đăng nhập sai từ máy này. Xin thử lại sau ${minutes(byAddress)} phút.`,
      };
    }
    const byAccount = this.accounts.lockedFor(accountKey(username), now);
    if (byAccount > 0) {
      return {
        allowed: false,
        reason: 'account',
        retryAfterMs: byAccount,
        message: `Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Xin thử lại sau ${minutes(byAccount)} phút hoặc nhờ quản trị viên đặt lại mật khẩu.`,
      };
    }
    return { allowed: true };
  }

  recordFailure(username: string, address: string): void {
    const now = this.now();
    this.accounts.fail(accountKey(username), now);
    if (address) this.addresses.fail(addressKey(address), now);
  }

  /**
   * A correct password, or an administrator resetting it, unlocks the name. The address keeps its
   * count: one client guessing many names is still guessing.
   */
  clearAccount(username: string): void {
    this.accounts.clear(accountKey(username));
  }
}

function accountKey(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}
