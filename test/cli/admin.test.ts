import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { runTsx } from '../helpers/run-script.js';
import { runAdmin, type AdminIo } from '../../server/auth/admin-command.js';
import type { AccountDirectory, AccountSummary, NewAccount } from '../../server/auth/directory.js';
import { verifyPassword } from '../../server/auth/password.js';

const PASSWORD = 'mùa lúa năm nay được mùa';

/** Accounts kept in memory: the command's own behaviour (prompts, messages, exit codes), apart from any database. */
class MemoryDirectory implements AccountDirectory {
  readonly accounts: (NewAccount & { createdAt: string })[] = [];
  closed = false;
  async create(account: NewAccount) {
    if (this.accounts.some((a) => a.username === account.username)) return { taken: true as const };
    const officeCreated = !this.accounts.some((a) => a.officeCode === account.officeCode);
    const stored = { ...account, createdAt: '2026-11-30 08:00' };
    this.accounts.push(stored);
    return { created: summary(stored), officeCreated };
  }
  async list() {
    return this.accounts.map(summary);
  }
  async countAdministrators() {
    return this.accounts.filter((a) => a.role === 'quan-tri').length;
  }
  async close() {
    this.closed = true;
  }
}

function summary(a: NewAccount & { createdAt: string }): AccountSummary {
  return { username: a.username, officeCode: a.officeCode, role: a.role, createdAt: a.createdAt, active: true };
}

function io(stdin: AdminIo['stdin']) {
  const out = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') => {
    const s = new PassThrough();
    s.on('data', (d) => (out[key] += d));
    return s;
  };
  return { io: { stdin, stdout: sink('stdout'), stderr: sink('stderr') } as AdminIo, out };
}

const create = ['create', 'NguyenVanA', '--office', 'ubnd-nghixuan', '--role', 'quan-tri', '--password-stdin'];

describe('npm run admin: arguments', () => {
  it('answers bad arguments with a Vietnamese message, the usage, and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Chưa chỉ ra lệnh/],
      [['xoa', 'a'], /Không có lệnh “xoa”/],
      [['create'], /Chưa có tên đăng nhập/],
      [['create', 'nguyenvana', '--role', 'quan-tri'], /Thiếu --office/],
      [['create', 'nguyenvana', '--office', 'UBND'], /Thiếu --role/],
      [['create', 'nguyenvana', '--office', 'UBND', '--role', 'admin'], /Không có vai trò “admin”.*chuyen-vien, van-thu, lanh-dao, quan-tri/],
      [['create', 'nguyễn văn a', '--office', 'UBND', '--role', 'quan-tri'], /Tên đăng nhập “nguyễn văn a” không hợp lệ/],
      [['create', 'nguyenvana', '--office', 'Ủy ban', '--role', 'quan-tri'], /Mã cơ quan “Ủy ban” không hợp lệ/],
      [['create', 'nguyenvana', '--office', 'UBND', '--role', 'quan-tri', '--password', 'x'], /Không hiểu tùy chọn “--password”/],
      [['create', 'a1', 'b2', '--office', 'UBND', '--role', 'quan-tri'], /Mỗi lần chỉ tạo một tài khoản/],
      [['list', 'thua'], /Lệnh list không nhận thêm/],
    ];
    for (const [args, message] of cases) {
      const { io: streams, out } = io(Readable.from([]));
      expect(await runAdmin(['--', ...args], streams, async () => new MemoryDirectory()), args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(message);
      expect(out.stderr).toContain('Cách dùng:');
    }
    const run = await runTsx('scripts/admin.ts', ['create', 'nguyenvana', '--office', 'UBND', '--role', 'admin'], process.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Không có vai trò “admin”/);
  });
});

describe('npm run admin, against an accounts directory', () => {
  it('creates an administrator from a password on standard input, storing only its scrypt hash', async () => {
    const directory = new MemoryDirectory();
    const { io: streams, out } = io(Readable.from([`${PASSWORD}\n`]));
    expect(await runAdmin(create, streams, async () => directory)).toBe(0);
    expect(out.stdout).toContain('Đã tạo tài khoản nguyenvana (Quản trị) thuộc cơ quan mới UBND-NGHIXUAN.');
    const [stored] = directory.accounts;
    expect(stored).toMatchObject({ username: 'nguyenvana', officeCode: 'UBND-NGHIXUAN', role: 'quan-tri' });
    expect(stored!.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword(PASSWORD, stored!.passwordHash)).toBe(true);
    expect(directory.closed).toBe(true);
    expect(await directory.countAdministrators()).toBe(1);

    const again = io(Readable.from([`${PASSWORD}\n`]));
    expect(await runAdmin(create, again.io, async () => directory)).toBe(1);
    expect(again.out.stderr).toContain('Tên đăng nhập “nguyenvana” đã có người dùng');

    const list = io(Readable.from([]));
    expect(await runAdmin(['list'], list.io, async () => directory)).toBe(0);
    expect(list.out.stdout).toMatch(/Tên đăng nhập\s+Cơ quan\s+Vai trò/);
    expect(list.out.stdout).toMatch(/nguyenvana\s+UBND-NGHIXUAN\s+Quản trị\s+đang dùng/);
  });

  it('refuses a weak password with the reasons, creating nothing', async () => {
    const directory = new MemoryDirectory();
    const { io: streams, out } = io(Readable.from(['ngan\n']));
    expect(await runAdmin(create, streams, async () => directory)).toBe(2);
    expect(out.stderr).toMatch(/Mật khẩu chưa đạt.*\n.*ít nhất 15 ký tự/);
    expect(directory.accounts).toEqual([]);
  });

  it('without a terminal and without --password-stdin, asks for --password-stdin instead of hanging', async () => {
    const directory = new MemoryDirectory();
    const { io: streams, out } = io(Readable.from([`${PASSWORD}\n`]));
    expect(await runAdmin(create.slice(0, -1), streams, async () => directory)).toBe(2);
    expect(out.stderr).toContain('--password-stdin');
    expect(directory.accounts).toEqual([]);
  });

  it('at a terminal, reads the password twice without echoing it, honouring Backspace and ignoring arrow keys', async () => {
    const directory = new MemoryDirectory();
    const keyboard = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) { this.rawModes.push(raw); } });
    const { io: streams, out } = io(keyboard);
    const done = runAdmin(create.slice(0, -1), streams, async () => directory);
    // Typed with a slip corrected by Backspace the first time, cleanly the second, ahead of the second prompt.
    keyboard.write(`${PASSWORD}x\u007f\u001b[D\u001b[C\r${PASSWORD}\r\n`);
    expect(await done).toBe(0);
    expect(out.stderr).toContain('Mật khẩu (không hiện ra màn hình): ');
    expect(out.stderr).toContain('Nhập lại mật khẩu: ');
    expect(out.stderr + out.stdout).not.toContain(PASSWORD);
    expect(keyboard.rawModes).toEqual([true, false, true, false]);
    expect(await verifyPassword(PASSWORD, directory.accounts[0]!.passwordHash)).toBe(true);
  });

  it('at a terminal, refuses two different entries, and Ctrl-C abandons', async () => {
    const directory = new MemoryDirectory();
    const keyboard = Object.assign(new PassThrough(), { isTTY: true, setRawMode() {} });
    const { io: streams, out } = io(keyboard);
    const done = runAdmin(create.slice(0, -1), streams, async () => directory);
    keyboard.write(`${PASSWORD}\r`);
    keyboard.write(`${PASSWORD}!\r`);
    expect(await done).toBe(2);
    expect(out.stderr).toContain('Hai lần nhập mật khẩu không khớp');
    const keyboard2 = Object.assign(new PassThrough(), { isTTY: true, setRawMode() {} });
    const second = io(keyboard2);
    const abandoned = runAdmin(create.slice(0, -1), second.io, async () => directory);
    keyboard2.write('mùa lúa\u0003');
    expect(await abandoned).toBe(1);
    expect(second.out.stderr).toContain('Đã hủy');
    expect(directory.accounts).toEqual([]);
  });
});
