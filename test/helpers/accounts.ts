import { expect } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import type { Role } from '../../server/auth/roles.js';
import { AccountStore } from '../../server/store/account-store.js';
import { testApp } from './app.js';

export const PASSWORD = 'mùa lúa năm nay được mùa';
/** A cheaper scrypt cost for accounts made by tests; the first login replaces it at today's cost. */
const TEST_COST = { ln: 10, r: 8, p: 1 };

export interface Member {
  username: string;
  office: string;
  role: Role;
}

/** The people of two offices, one of each role in office A, an administrator and a clerk in B. */
export const MEMBERS = {
  cv: { username: 'chuyenvien', office: 'UBND-A', role: 'chuyen-vien' },
  cv2: { username: 'chuyenvien2', office: 'UBND-A', role: 'chuyen-vien' },
  vt: { username: 'vanthu', office: 'UBND-A', role: 'van-thu' },
  ld: { username: 'lanhdao', office: 'UBND-A', role: 'lanh-dao' },
  qt: { username: 'quantri', office: 'UBND-A', role: 'quan-tri' },
  qtB: { username: 'quantrib', office: 'UBND-B', role: 'quan-tri' },
  cvB: { username: 'chuyenvienb', office: 'UBND-B', role: 'chuyen-vien' },
} satisfies Record<string, Member>;
export type Who = keyof typeof MEMBERS;

export type Request = (path: string, init?: RequestInit & { json?: unknown }) => Response | Promise<Response>;

/** The session cookie a login answer sets, as a Cookie header. */
export function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0]!;
  expect(pair).toMatch(/^soanthao-phien=[A-Za-z0-9_-]{43}$/);
  return pair;
}

/**
 * An app bound as on a network (every route needs a session), with the members' accounts, each
 * logged in: `as.cv(path)` is a request with the clerk's session.
 */
export async function officeApp(members: Who[] = Object.keys(MEMBERS) as Who[]) {
  const ctx = await testApp(undefined, { requireLogin: true });
  const accounts = new AccountStore(ctx.store.db);
  const ids = {} as Record<Who, string>;
  for (const who of members) {
    const m = MEMBERS[who];
    await accounts.create({ username: m.username, officeCode: m.office, role: m.role, passwordHash: await hashPassword(PASSWORD, TEST_COST) });
    ids[who] = (await accounts.accountRow(m.username))!.account.id;
  }
  const login = async (username: string, password = PASSWORD) =>
    ctx.request('/api/session', { method: 'POST', json: { username, password } });
  const cookies = {} as Record<Who, string>;
  await Promise.all(
    members.map(async (who) => {
      const res = await login(MEMBERS[who].username);
      expect(res.status, who).toBe(200);
      cookies[who] = cookieOf(res);
    }),
  );
  const withCookie =
    (cookie: string): Request =>
    (path, init = {}) =>
      ctx.request(path, { ...init, headers: { Cookie: cookie, ...(init.headers ?? {}) } });
  const as = Object.fromEntries(members.map((who) => [who, withCookie(cookies[who])])) as Record<Who, Request>;
  return { ctx, accounts, ids, cookies, as, login, withCookie, anonymous: ctx.request };
}
