import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, LoginThrottle, addressKey } from '../../server/auth/login-throttle.js';

function clock(start = Date.parse('2026-11-30T08:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('login throttle', () => {
  it('locks a login name after five failures in 15 minutes, for 15 minutes, from any address', () => {
    const t = clock();
    const throttle = new LoginThrottle(t.now);
    for (let i = 0; i < 4; i++) throttle.recordFailure('nguyenvana', `10.0.0.${i}`);
    expect(throttle.check('nguyenvana', '10.0.0.9').allowed).toBe(true);
    throttle.recordFailure('NguyenVanA', '10.0.0.5');
    const locked = throttle.check('nguyenvana', '10.0.0.9');
    expect(locked).toMatchObject({ allowed: false, reason: 'account' });
    if (!locked.allowed) expect(locked.message).toMatch(/tạm khóa.*15 phút/);
    expect(throttle.check('tranthib', '10.0.0.9').allowed).toBe(true);
    t.advance(14);
    expect(throttle.check('nguyenvana', '10.0.0.9').allowed).toBe(false);
    t.advance(1);
    expect(throttle.check('nguyenvana', '10.0.0.9').allowed).toBe(true);
  });

  it('forgets failures older than the window', () => {
    const t = clock();
    const throttle = new LoginThrottle(t.now);
    for (let i = 0; i < 4; i++) throttle.recordFailure('nguyenvana', '10.0.0.1');
    t.advance(16);
    throttle.recordFailure('nguyenvana', '10.0.0.1');
    expect(throttle.check('nguyenvana', '10.0.0.1').allowed).toBe(true);
  });

  it('clears a name after a correct password, but not the address that guessed', () => {
    const t = clock();
    const throttle = new LoginThrottle(t.now, { ...DEFAULT_THROTTLE, maxPerAddress: 6 });
    for (let i = 0; i < 4; i++) throttle.recordFailure('nguyenvana', '10.0.0.1');
    throttle.clearAccount('nguyenvana');
    throttle.recordFailure('nguyenvana', '10.0.0.1');
    expect(throttle.check('nguyenvana', '10.0.0.2').allowed).toBe(true);
    throttle.recordFailure('tranthib', '10.0.0.1');
    expect(throttle.check('levanc', '10.0.0.1')).toMatchObject({ allowed: false, reason: 'address' });
    expect(throttle.check('levanc', '10.0.0.2').allowed).toBe(true);
  });

  it('blocks one address guessing many names, counting an IPv6 /64 as one client', () => {
    const t = clock();
    const throttle = new LoginThrottle(t.now);
    for (let i = 0; i < DEFAULT_THROTTLE.maxPerAddress; i++) throttle.recordFailure(`user${i}`, `2001:db8:1:2::${i.toString(16)}`);
    const verdict = throttle.check('someone', '2001:db8:1:2:ffff::1');
    expect(verdict).toMatchObject({ allowed: false, reason: 'address' });
    if (!verdict.allowed) expect(verdict.message).toMatch(/quá nhiều lần đăng nhập sai/);
    expect(throttle.check('someone', '2001:db8:1:3::1').allowed).toBe(true);
  });

  it('keys addresses: IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    expect(addressKey('192.168.1.20')).toBe('192.168.1.20');
    expect(addressKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(addressKey('2001:DB8:0:1:2:3:4:5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('remembers a bounded number of names, and a flood of guessed names does not lift a lock', () => {
    const t = clock();
    const throttle = new LoginThrottle(t.now, { ...DEFAULT_THROTTLE, maxEntries: 50 });
    for (let i = 0; i < 5; i++) throttle.recordFailure('nguyenvana', '10.0.0.1');
    t.advance(1);
    for (let i = 0; i < 2_000; i++) throttle.recordFailure(`random-${i}`, `10.1.${i >> 8}.${i & 255}`);
    expect(throttle.check('nguyenvana', '10.0.0.3')).toMatchObject({ allowed: false, reason: 'account' });
    expect((throttle as any).accounts.entries.size).toBeLessThanOrEqual(50);
    expect((throttle as any).addresses.entries.size).toBeLessThanOrEqual(50);
  });
});
