import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { ROLE_LABELS, PERMISSIONS, type Role } from '../auth/roles.js';
import type { RequestScope } from '../auth/scope.js';
import { sessionCookie } from '../auth/session-cookie.js';
import type { Sessions } from '../auth/sessions.js';
import { DraftError } from '../errors.js';
import { isHttps } from '../security/forwarded.js';
import { sessionToken } from '../security/session-gate.js';
import { readJson } from './body.js';
import { passwordProblems } from '../auth/password-rules.js';

const PasswordBody = z.object({
  currentPassword: z.string({ error: 'Cần mật khẩu hiện tại (currentPassword)' }).max(1024, { error: 'Mật khẩu quá dài' }),
  password: z.string({ error: 'Cần mật khẩu mới (password)' }).max(1024, { error: 'Mật khẩu quá dài' }),
});

const LoginBody = z.object({
  username: z.string({ error: 'Cần tên đăng nhập (username)' }).max(100, { error: 'Tên đăng nhập quá dài' }),
  password: z.string({ error: 'Cần mật khẩu (password)' }).max(1024, { error: 'Mật khẩu quá dài' }),
});

/** Who the page works for, and what it may offer them. */
export function whoIs(scope: RequestScope) {
  const { role, officeId } = scope.actor;
  return { username: scope.username, office: officeId, role, roleLabel: ROLE_LABELS[role], permissions: [...PERMISSIONS[role as Role]] };
}

/** `/api/session`: log in, see who is logged in, change one's password, log out (the session ends in the store too). */
export function sessionRoutes(sessions: Sessions, audit: AuditLog, options: { requireLogin: boolean; trustProxy: boolean }) {
  return new Hono()
    .get('/', (c) => {
      const scope = c.get('scope');
      if (c.get('session')) return c.json({ loggedIn: true, local: false, loginRequired: options.requireLogin, user: whoIs(scope) });
      if (!options.requireLogin) return c.json({ loggedIn: false, local: true, loginRequired: false, user: whoIs(scope) });
      return c.json({ loggedIn: false, local: false, loginRequired: true, user: null });
    })
    .post('/', async (c) => {
      const { username, password } = await readJson(c, LoginBody);
      const scope = c.get('scope');
      const result = await sessions.login(username, password, scope.address);
      if (!result.ok) {
        const who = result.account;
        await audit.record(
          { action: 'login-failed', detail: result.status === 429 ? 'Bị từ chối vì tạm khóa' : 'Sai tên đăng nhập hoặc mật khẩu' },
          { ...scope, actor: { userId: who?.id ?? '', officeId: who?.officeId ?? '', role: who?.role ?? 'chuyen-vien' }, username: username.normalize('NFC').trim().toLowerCase().slice(0, 100) },
        );
        if (result.retryAfterMs) c.header('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
        throw new DraftError(result.status === 429 ? 'too_many_attempts' : 'unauthenticated', result.message);
      }
      const a = result.account;
      const loggedIn: RequestScope = { actor: { userId: a.id, officeId: a.officeId, role: a.role }, username: a.username, address: scope.address, local: false };
      await audit.record({ action: 'login' }, loggedIn);
      const cookie = sessionCookie(isHttps(c, options.trustProxy), result.expiresAt);
      setCookie(c, cookie.name, result.token, cookie.options);
      return c.json({ loggedIn: true, local: false, loginRequired: options.requireLogin, user: whoIs(loggedIn) });
    })
    .put('/password', async (c) => {
      const session = c.get('session');
      if (!session) throw new DraftError('bad_input', 'Người dùng trên máy này không có mật khẩu để đổi; hãy đăng nhập bằng tài khoản của mình.');
      const { currentPassword, password } = await readJson(c, PasswordBody);
      const problems = passwordProblems(password, { username: session.account.username });
      if (problems.length > 0) throw new DraftError('bad_input', 'Mật khẩu mới chưa đạt', problems.map((message) => ({ field: 'password', message })));
      if (!(await sessions.changePassword(session.account, currentPassword, password))) {
        throw new DraftError('bad_input', 'Mật khẩu hiện tại không đúng.', [{ field: 'currentPassword', message: 'Không đúng' }]);
      }
      await audit.record({ action: 'user-password', detail: `${session.account.username} (tự đổi)` }, c.get('scope'));
      const cookie = sessionCookie(isHttps(c, options.trustProxy), null);
      deleteCookie(c, cookie.name, cookie.options);
      return c.body(null, 204);
    })
    .delete('/', async (c) => {
      const session = c.get('session');
      if (session) {
        await sessions.logout(sessionToken(c, options.trustProxy));
        await audit.record({ action: 'logout' }, c.get('scope'));
      }
      const cookie = sessionCookie(isHttps(c, options.trustProxy), null);
      deleteCookie(c, cookie.name, cookie.options);
      return c.body(null, 204);
    });
}
