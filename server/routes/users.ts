import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { checkUsername } from '../auth/names.js';
import { hashPassword } from '../auth/password.js';
import { passwordProblems } from '../auth/password-rules.js';
import { ROLE_LABELS, ROLES, type Role } from '../auth/roles.js';
import type { Sessions } from '../auth/sessions.js';
import type { Account } from '../store/account-store.js';
import { DraftError } from '../errors.js';
import { readJson } from './body.js';
import { requirePermission } from './permission.js';

const RoleField = z.enum(ROLES, { error: `Vai trò là một trong: ${ROLES.join(', ')}` });
const PasswordField = z.string({ error: 'Cần mật khẩu (password)' }).max(1024, { error: 'Mật khẩu quá dài' });
const CreateBody = z.object({ username: z.string({ error: 'Cần tên đăng nhập (username)' }).max(100), role: RoleField, password: PasswordField });
const PasswordBody = z.object({ password: PasswordField });
const UpdateBody = z.object({ active: z.boolean({ error: 'active là true hoặc false' }).optional(), role: RoleField.optional() });

function view(a: Account) {
  return { id: a.id, username: a.username, office: a.officeId, role: a.role, roleLabel: ROLE_LABELS[a.role], active: a.active, createdAt: a.createdAt };
}

function checkPassword(password: string, username: string): void {
  const problems = passwordProblems(password, { username });
  if (problems.length > 0) throw new DraftError('bad_input', 'Mật khẩu chưa đạt', problems.map((message) => ({ field: 'password', message })));
}

/**
 * `/api/users`: an office's administrator manages the office's users (list, create, reset a
 * password, disable, change a role). Users of another office are not found. Every change is audited.
 */
export function userRoutes(sessions: Sessions, audit: AuditLog) {
  const accounts = sessions.accounts;
  /** A user of the office of the request's user. */
  const target = async (c: Context, id: string): Promise<Account> => {
    const found = await accounts.inOffice(c.get('scope').actor.officeId, id);
    if (!found) throw new DraftError('not_found', 'Không tìm thấy người dùng này trong cơ quan.');
    return found;
  };
  return new Hono()
    .use(async (c, next) => {
      requirePermission(c, 'users.manage', 'quản lý người dùng');
      await next();
    })
    .get('/', async (c) => c.json({ users: (await accounts.list(c.get('scope').actor.officeId)).map(view) }))
    .post('/', async (c) => {
      const body = await readJson(c, CreateBody);
      const name = checkUsername(body.username);
      if (!name.ok) throw new DraftError('bad_input', name.message, [{ field: 'username', message: name.message }]);
      checkPassword(body.password, name.value);
      const scope = c.get('scope');
      const office = scope.actor.officeId;
      const result = await accounts.create({ username: name.value, officeCode: office, role: body.role as Role, passwordHash: await hashPassword(body.password) });
      if ('taken' in result) {
        throw new DraftError('bad_input', `Tên đăng nhập “${name.value}” đã có người dùng; chọn tên khác.`, [{ field: 'username', message: 'Đã có người dùng' }]);
      }
      const created = (await accounts.accountRow(name.value))!.account;
      await audit.record({ action: 'user-create', detail: `${created.username} (${ROLE_LABELS[created.role]})` }, scope);
      return c.json(view(created), 201);
    })
    .post('/:id/password', async (c) => {
      const user = await target(c, c.req.param('id'));
      const { password } = await readJson(c, PasswordBody);
      checkPassword(password, user.username);
      await accounts.setPassword(user.id, await hashPassword(password));
      sessions.throttle.clearAccount(user.username);
      await audit.record({ action: 'user-password', detail: user.username }, c.get('scope'));
      return c.json(view(user));
    })
    .patch('/:id', async (c) => {
      const user = await target(c, c.req.param('id'));
      const change = await readJson(c, UpdateBody);
      const scope = c.get('scope');
      if (user.id === scope.actor.userId && (change.active === false || (change.role && change.role !== user.role))) {
        throw new DraftError('bad_input', 'Không tự khóa hay tự đổi vai trò của chính mình: nhờ một quản trị viên khác làm việc này.');
      }
      await accounts.update(user.id, { active: change.active, role: change.role as Role | undefined });
      const updated = await target(c, user.id);
      const what = [
        change.active !== undefined && change.active !== user.active ? (change.active ? 'mở khóa' : 'khóa') : '',
        change.role && change.role !== user.role ? `vai trò ${ROLE_LABELS[change.role as Role]}` : '',
      ].filter(Boolean);
      await audit.record({ action: 'user-update', detail: `${user.username}: ${what.join(', ') || 'không đổi'}` }, scope);
      return c.json(view(updated));
    });
}
