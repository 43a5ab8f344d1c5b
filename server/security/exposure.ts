import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether the server listens only on this machine. Only literal loopback addresses and `localhost`
 * count: any other name may resolve to an address others can reach, so it is treated as exposed.
 */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  const family = isIP(h);
  // BlockList also matches IPv4-mapped IPv6 forms such as ::ffff:127.0.0.1.
  return family !== 0 && LOOPBACK.check(h, family === 4 ? 'ipv4' : 'ipv6');
}

/** One person on one machine may work without logging in; anyone else must log in. */
export function mustRequireLogin(host: string): boolean {
  return !isLoopback(host);
}

/**
 * Why the server must not start, or null when it may. Bound to an address others can reach, it
 * starts only once an administrator exists, so there is always someone who can log in and no
 * moment where the drafts are open to the network.
 */
export async function startRefusal(host: string, countAdministrators: (() => Promise<number>) | null): Promise<string | null> {
  if (!mustRequireLogin(host)) return null;
  const admins = countAdministrators ? await countAdministrators() : 0;
  if (admins > 0) return null;
  return [
    `soanthao không khởi động: HOST=${host} cho phép máy khác truy cập, nên mọi người phải đăng nhập,`,
    'nhưng chưa có tài khoản quản trị nào. Tạo một tài khoản quản trị trước:',
    '  npm run admin -- create <tên đăng nhập> --office <mã cơ quan> --role quan-tri',
    'hoặc để HOST mặc định (127.0.0.1) để dùng một mình trên máy này, không cần đăng nhập.',
    '',
    `soanthao will not start: HOST=${host} is reachable from other machines, so everyone must log in,`,
    'but no administrator account exists yet. Create one first with the command above,',
    'or keep the default HOST (127.0.0.1) to work alone on this machine without logging in.',
  ].join('\n');
}
