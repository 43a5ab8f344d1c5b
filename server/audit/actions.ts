/** What the audit trail records, and how the page and the CSV name it. */
export const AUDIT_ACTIONS = {
  create: 'Tạo bản thảo',
  duplicate: 'Nhân bản bản thảo',
  draft: 'Soạn mục',
  edit: 'Sửa đoạn',
  redraft: 'Soạn lại đoạn',
  'make-current': 'Chọn lại bản sửa',
  brief: 'Sửa ý liệu',
  rename: 'Đổi tên',
  share: 'Chia sẻ với cơ quan',
  unshare: 'Thôi chia sẻ',
  approve: 'Duyệt',
  comment: 'Góp ý',
  delete: 'Xóa bản thảo',
  restore: 'Khôi phục bản thảo',
  export: 'Xuất tệp',
  profile: 'Sửa hồ sơ cơ quan',
  login: 'Đăng nhập',
  'login-failed': 'Đăng nhập sai',
  logout: 'Đăng xuất',
  'user-create': 'Tạo người dùng',
  'user-password': 'Đặt lại mật khẩu',
  'user-update': 'Đổi người dùng',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
