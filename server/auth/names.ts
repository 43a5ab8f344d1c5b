/**
 * Login names and office codes as typed at the command line or in the login form. Both are plain
 * ASCII so that two accounts can never look alike (no "nguyễn" beside "nguyen" with a combining
 * mark), and compared without case.
 */
export type Checked = { ok: true; value: string } | { ok: false; message: string };

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const OFFICE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;

export function checkUsername(raw: string): Checked {
  const value = raw.normalize('NFC').trim().toLowerCase();
  if (USERNAME.test(value)) return { ok: true, value };
  return {
    ok: false,
    message: `Tên đăng nhập “${raw}” không hợp lệ: cần 2–32 ký tự, gồm chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số (ví dụ: nguyenvana).`,
  };
}

/** An office code such as the mã định danh of the cơ quan (000.00.12.H45) or a short name (UBND-NGHIXUAN). */
export function checkOfficeCode(raw: string): Checked {
  const value = raw.normalize('NFC').trim().toUpperCase();
  if (OFFICE.test(value)) return { ok: true, value };
  return {
    ok: false,
    message: `Mã cơ quan “${raw}” không hợp lệ: cần 1–40 ký tự, gồm chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ: 000.00.12.H45 hoặc UBND-NGHIXUAN).`,
  };
}
