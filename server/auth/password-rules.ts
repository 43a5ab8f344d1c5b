/**
 * What a password must be (OWASP Authentication Cheat Sheet, NIST SP 800-63B): long rather than
 * complicated. Without a second factor the minimum is 15 characters; a phrase of a few Vietnamese
 * words ("mùa lúa năm nay được mùa") is easy to remember and passes. No rules on character classes,
 * any Unicode character and spaces allowed, a ceiling only to bound the work of hashing.
 */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

/** The same password typed with a precomposed or a combining keyboard (Unikey, macOS) is one password. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

const COMMON = [
  '123456789012345',
  '1234567890123456',
  'matkhaumatkhau',
  'matkhau12345678',
  'password1234567',
  'passwordpassword',
  'qwertyuiopasdfg',
  'abc123456789abc',
  'admin1234567890',
  'ubndubndubndubnd',
];

/** The Vietnamese reasons a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, context: { username?: string } = {}): string[] {
  const p = normalizePassword(password);
  const length = [...p].length;
  const problems: string[] = [];
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự (hiện có ${length}); một câu ngắn dễ nhớ, có dấu cách, là mật khẩu tốt.`);
  }
  if (length > MAX_PASSWORD_LENGTH) problems.push(`Mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
  const folded = p.toLowerCase().replace(/\s+/g, '');
  if (length >= MIN_PASSWORD_LENGTH && new Set(folded).size <= 2) problems.push('Mật khẩu chỉ lặp lại một vài ký tự; hãy chọn mật khẩu khó đoán hơn.');
  if (COMMON.includes(folded)) problems.push('Mật khẩu này quá phổ biến; hãy chọn mật khẩu khác.');
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && folded.includes(username)) problems.push('Mật khẩu không được chứa tên đăng nhập.');
  return problems;
}
