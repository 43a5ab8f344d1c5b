import type { Readable, Writable } from 'node:stream';
import type { AccountDirectory, AccountSummary } from './directory.js';
import { checkOfficeCode, checkUsername } from './names.js';
import { hashPassword } from './password.js';
import { passwordProblems } from './password-rules.js';
import { ROLE_LABELS, ROLES, isRole, type Role } from './roles.js';
import { readAllInput, readHiddenLine } from './hidden-input.js';

/**
 * `npm run admin -- <lệnh>`: the accounts of a soanthao server, from its own machine. Exit codes:
 * 0 done, 1 could not be done (name taken, cancelled), 2 bad arguments or password.
 */
export const ADMIN_USAGE = [
  'Cách dùng:',
  '  npm run admin -- create <tên đăng nhập> --office <mã cơ quan> --role <vai trò> [--password-stdin]',
  '  npm run admin -- list',
  `Vai trò: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}.`,
  'Mật khẩu được hỏi trên bàn phím (không hiện ra màn hình), hoặc đọc từ đầu vào chuẩn với --password-stdin.',
].join('\n');

export type AdminCommand = { kind: 'help' } | { kind: 'list' } | { kind: 'create'; username: string; officeCode: string; role: Role; passwordStdin: boolean };

export class UsageError extends Error {}

export function parseAdminArgs(argv: readonly string[]): AdminCommand {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('Chưa chỉ ra lệnh (create hoặc list).');
  if (command === 'help' || command === '-h' || command === '--help') return { kind: 'help' };
  if (command === 'list') {
    if (rest.length > 0) throw new UsageError(`Lệnh list không nhận thêm gì, nhưng có “${rest.join(' ')}”.`);
    return { kind: 'list' };
  }
  if (command !== 'create') throw new UsageError(`Không có lệnh “${command}”; chỉ có create và list.`);

  const values: { office?: string; role?: string } = {};
  const positional: string[] = [];
  let passwordStdin = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const m = /^--(office|role)(?:=(.*))?$/.exec(a);
    if (m) {
      const name = m[1] as 'office' | 'role';
      const value = m[2] ?? rest[++i];
      if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`Thiếu giá trị sau --${name}.`);
      if (values[name] !== undefined) throw new UsageError(`--${name} chỉ được ghi một lần.`);
      values[name] = value;
    } else if (a === '--password-stdin') passwordStdin = true;
    else if (a.startsWith('-')) throw new UsageError(`Không hiểu tùy chọn “${a}”.`);
    else positional.push(a);
  }
  if (positional.length === 0) throw new UsageError('Chưa có tên đăng nhập cần tạo.');
  if (positional.length > 1) throw new UsageError(`Mỗi lần chỉ tạo một tài khoản, nhưng có ${positional.length} tên: ${positional.join(', ')}.`);
  if (values.office === undefined) throw new UsageError('Thiếu --office <mã cơ quan>: mỗi tài khoản thuộc một cơ quan.');
  if (values.role === undefined) throw new UsageError('Thiếu --role <vai trò>.');
  const username = checkUsername(positional[0]!);
  if (!username.ok) throw new UsageError(username.message);
  const office = checkOfficeCode(values.office);
  if (!office.ok) throw new UsageError(office.message);
  const role = values.role.trim().toLowerCase();
  if (!isRole(role)) throw new UsageError(`Không có vai trò “${values.role}”; chọn một trong: ${ROLES.join(', ')}.`);
  return { kind: 'create', username: username.value, officeCode: office.value, role, passwordStdin };
}

export interface AdminIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
}

/** `directory` is opened only once the arguments are known to be right, so a typo touches no database. */
export async function runAdmin(argv: readonly string[], io: AdminIo, openDirectory: () => Promise<AccountDirectory>): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const complain = (text: string) => io.stderr.write(`${text}\n`);
  let command: AdminCommand;
  try {
    command = parseAdminArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    complain(`${e.message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    say(ADMIN_USAGE);
    return 0;
  }
  const directory = await openDirectory();
  try {
    if (command.kind === 'list') {
      say(describeAccounts(await directory.list()));
      return 0;
    }
    const password = await readPassword(io, command.passwordStdin);
    if (password === null) {
      complain('Đã hủy; chưa tạo tài khoản nào.');
      return 1;
    }
    if ('problem' in password) {
      complain(password.problem);
      return 2;
    }
    const problems = passwordProblems(password.value, { username: command.username });
    if (problems.length > 0) {
      complain(['Mật khẩu chưa đạt, chưa tạo tài khoản:', ...problems.map((p) => `  - ${p}`)].join('\n'));
      return 2;
    }
    const result = await directory.create({
      username: command.username,
      officeCode: command.officeCode,
      role: command.role,
      passwordHash: await hashPassword(password.value),
    });
    if ('taken' in result) {
      complain(`Tên đăng nhập “${command.username}” đã có người dùng; chọn tên khác.`);
      return 1;
    }
    const office = result.officeCreated ? `cơ quan mới ${result.created.officeCode}` : `cơ quan ${result.created.officeCode}`;
    say(`Đã tạo tài khoản ${result.created.username} (${ROLE_LABELS[result.created.role]}) thuộc ${office}.`);
    return 0;
  } finally {
    await directory.close();
  }
}

type PasswordInput = { value: string } | { problem: string } | null;

async function readPassword(io: AdminIo, fromStdin: boolean): Promise<PasswordInput> {
  if (fromStdin) {
    const value = await readAllInput(io.stdin);
    return value === '' ? { problem: 'Đầu vào chuẩn trống: không có mật khẩu nào được gửi qua --password-stdin.' } : { value };
  }
  if (!io.stdin.isTTY) {
    return { problem: 'Không có bàn phím để hỏi mật khẩu (đầu vào không phải terminal). Hãy gửi mật khẩu qua đầu vào chuẩn với --password-stdin.' };
  }
  const first = await readHiddenLine(io.stdin, io.stderr, 'Mật khẩu (không hiện ra màn hình): ');
  if (first === null) return null;
  const again = await readHiddenLine(io.stdin, io.stderr, 'Nhập lại mật khẩu: ');
  if (again === null) return null;
  if (again !== first) return { problem: 'Hai lần nhập mật khẩu không khớp; chưa tạo tài khoản nào.' };
  return { value: first };
}

function describeAccounts(accounts: AccountSummary[]): string {
  if (accounts.length === 0) return 'Chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên: npm run admin -- create <tên đăng nhập> --office <mã cơ quan> --role quan-tri';
  const rows = accounts.map((a) => [a.username, a.officeCode, ROLE_LABELS[a.role], a.active ? 'đang dùng' : 'đã khóa', a.createdAt]);
  const header = ['Tên đăng nhập', 'Cơ quan', 'Vai trò', 'Trạng thái', 'Tạo lúc'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
