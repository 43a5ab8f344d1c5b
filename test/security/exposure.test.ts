import { describe, expect, it } from 'vitest';
import { isLoopback, mustRequireLogin, startRefusal } from '../../server/security/exposure.js';

describe('who must log in', () => {
  it('treats loopback addresses and localhost as one person on one machine', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(isLoopback(host), host).toBe(true);
      expect(mustRequireLogin(host), host).toBe(false);
    }
  });

  it('treats every other address or name as reachable by others', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', 'soanthao.ubnd.example.vn', 'localhost.example', '']) {
      expect(isLoopback(host), host).toBe(false);
      expect(mustRequireLogin(host), host).toBe(true);
    }
  });
});

describe('start rule', () => {
  it('starts on loopback without asking about administrators', async () => {
    let asked = false;
    expect(await startRefusal('127.0.0.1', async () => ((asked = true), 0))).toBeNull();
    expect(asked).toBe(false);
  });

  it('refuses a network address until an administrator exists, saying how to create one in Vietnamese and English', async () => {
    const refusal = await startRefusal('0.0.0.0', async () => 0);
    expect(refusal).toContain('npm run admin -- create <tên đăng nhập> --office <mã cơ quan> --role quan-tri');
    expect(refusal).toMatch(/chưa có tài khoản quản trị/);
    expect(refusal).toMatch(/no administrator account exists/);
    expect(await startRefusal('0.0.0.0', null)).toBe(refusal);
    expect(await startRefusal('0.0.0.0', async () => 1)).toBeNull();
  });
});
