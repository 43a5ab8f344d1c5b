import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../server/auth/password-rules.js';

describe('password rules', () => {
  it('accepts a phrase of Vietnamese words with spaces, counting accented letters once', () => {
    expect(passwordProblems('mùa lúa năm nay được mùa')).toEqual([]);
    // 15 characters, each precomposed; in NFD the same phrase has more code units but the same length.
    const fifteen = 'đường về nhà xa';
    expect([...fifteen.normalize('NFC')].length).toBe(MIN_PASSWORD_LENGTH);
    expect(passwordProblems(fifteen.normalize('NFD'))).toEqual([]);
  });

  it('refuses a short password, saying how long it must be, in Vietnamese', () => {
    const problems = passwordProblems('ngan-qua-1');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`ít nhất ${MIN_PASSWORD_LENGTH} ký tự`);
  });

  it('refuses repeated characters, common passwords and the login name inside the password', () => {
    expect(passwordProblems('aaaaaaaaaaaaaaaaaaaa')[0]).toMatch(/lặp lại/);
    expect(passwordProblems('123456789012345')[0]).toMatch(/phổ biến/);
    expect(passwordProblems('nguyenvana-mat-khau-2026', { username: 'nguyenvana' })[0]).toMatch(/tên đăng nhập/);
    expect(passwordProblems('x'.repeat(300)).join(' ')).toMatch(/dài quá/);
  });

  it('imposes no character-class rules', () => {
    expect(passwordProblems('chỉ toàn chữ thường mà thôi')).toEqual([]);
  });
});
