// Who is working (top bar), logging out, and the administrator's panels: the office's users and the
// drafts deleted within 30 days. On a loopback server without accounts, only what the local user needs.
import { el, $, api, showError, formField, showFieldIssues } from './dom.js';

/** A form's submit: earlier alerts cleared, `work` run, a refusal's issues shown beside their fields. */
function submitted(alerts, error, work) {
  return async (event) => {
    event.preventDefault();
    for (const a of Object.values(alerts)) a.hidden = true;
    showError(error, null);
    try {
      await work();
    } catch (e) {
      showFieldIssues(e, error, (field) => alerts[field]);
    }
  };
}

const ROLES = [
  ['chuyen-vien', 'Chuyên viên'],
  ['van-thu', 'Văn thư'],
  ['lanh-dao', 'Lãnh đạo'],
  ['quan-tri', 'Quản trị'],
];

const when = (iso) => new Date(iso).toLocaleString('vi-VN');

let session = null;

export function currentSession() {
  return session;
}

async function logout() {
  try {
    await api('/api/session', { method: 'DELETE' });
  } finally {
    location.assign('/dang-nhap');
  }
}

function closeAdmin() {
  $('admin-panel').hidden = true;
  $('admin-panel').replaceChildren();
}

function openAdmin(title, ...content) {
  const panel = $('admin-panel');
  panel.hidden = false;
  panel.replaceChildren(
    el('div', { class: 'admin-head' }, el('h2', {}, title), el('button', { type: 'button', class: 'secondary small', onclick: closeAdmin }, 'Đóng')),
    ...content,
  );
}

/** The office's users: list, create, reset a password, lock and unlock. */
async function openUsers() {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const status = el('p', { class: 'ok-text', role: 'status' });
  const list = el('table', { class: 'users-table', 'aria-label': 'Người dùng của cơ quan' });
  const refresh = async () => {
    const { users } = await api('/api/users');
    list.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', {}, 'Tên đăng nhập'), el('th', {}, 'Vai trò'), el('th', {}, 'Trạng thái'), el('th', {}, 'Tạo lúc'), el('th', {}, ''))),
      el(
        'tbody',
        {},
        users.map((u) => {
          const row = el(
            'tr',
            { dataset: { username: u.username } },
            el('td', {}, u.username),
            el('td', {}, u.roleLabel),
            el('td', {}, u.active ? 'Đang dùng' : 'Đã khóa'),
            el('td', {}, when(u.createdAt)),
            el(
              'td',
              { class: 'user-actions' },
              el('button', { type: 'button', class: 'secondary small', onclick: () => resetPassword(u, row) }, 'Đặt lại mật khẩu'),
              u.username === session?.user?.username
                ? null
                : el('button', { type: 'button', class: 'secondary small', onclick: () => setActive(u, !u.active) }, u.active ? 'Khóa' : 'Mở khóa'),
            ),
          );
          return row;
        }),
      ),
    );
  };
  const act = async (work, done) => {
    showError(error, null);
    status.textContent = '';
    try {
      await work();
      status.textContent = done;
      await refresh();
      return true;
    } catch (e) {
      showError(error, e);
      return false;
    }
  };
  /** A password field under the user's row; the new password never shows on screen. */
  const resetPassword = (u, row) => {
    if (row.nextElementSibling?.classList.contains('reset-row')) return row.nextElementSibling.querySelector('input').focus();
    const id = `reset-${u.id}`;
    const input = el('input', { id, type: 'password', autocomplete: 'new-password' });
    const form = el(
      'form',
      {
        class: 'reset-form',
        onsubmit: async (event) => {
          event.preventDefault();
          await act(() => api(`/api/users/${encodeURIComponent(u.id)}/password`, { method: 'POST', body: { password: input.value } }), `Đã đặt lại mật khẩu cho ${u.username}.`);
        },
      },
      el('label', { for: id }, `Mật khẩu mới cho ${u.username} (ít nhất 15 ký tự; mọi phiên đăng nhập của người này sẽ kết thúc)`),
      input,
      el('button', { type: 'submit', class: 'small' }, 'Lưu mật khẩu'),
      el('button', { type: 'button', class: 'secondary small', onclick: () => line.remove() }, 'Hủy'),
    );
    const line = el('tr', { class: 'reset-row' }, el('td', { colspan: 5 }, form));
    row.after(line);
    input.focus();
  };
  const setActive = (u, active) =>
    act(() => api(`/api/users/${encodeURIComponent(u.id)}`, { method: 'PATCH', body: { active } }), `${active ? 'Đã mở khóa' : 'Đã khóa'} ${u.username}.`);

  const username = formField('new-username', 'Tên đăng nhập (chữ không dấu, ví dụ nguyenvana)', el('input', { id: 'new-username', autocomplete: 'off' }));
  const role = formField('new-role', 'Vai trò', el('select', { id: 'new-role' }, ROLES.map(([v, label]) => el('option', { value: v }, label))));
  const password = formField('new-password', 'Mật khẩu (ít nhất 15 ký tự; một câu ngắn dễ nhớ là tốt)', el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' }));
  const alerts = { username: username.alert, role: role.alert, password: password.alert };
  const form = el(
    'form',
    {
      class: 'new-user',
      onsubmit: submitted(alerts, error, async () => {
        const body = { username: $('new-username').value.trim(), role: $('new-role').value, password: $('new-password').value };
        const created = await api('/api/users', { method: 'POST', body });
        $('new-username').value = '';
        $('new-password').value = '';
        status.textContent = `Đã tạo tài khoản ${created.username} (${created.roleLabel}).`;
        await refresh();
      }),
    },
    el('h3', {}, 'Thêm người dùng'),
    username.row,
    role.row,
    password.row,
    el('button', { type: 'submit' }, 'Tạo tài khoản'),
  );
  openAdmin('Người dùng', status, error, list, form);
  try {
    await refresh();
  } catch (e) {
    showError(error, e);
  }
}

/** Drafts deleted within 30 days, each with a button to bring it back. */
async function openDeleted(onRestored) {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const status = el('p', { class: 'ok-text', role: 'status' });
  const list = el('ul', { class: 'deleted-list', 'aria-label': 'Bản thảo đã xóa' });
  const refresh = async () => {
    const { drafts } = await api('/api/deleted-drafts');
    list.replaceChildren(
      ...(drafts.length === 0
        ? [el('li', { class: 'muted' }, 'Không có bản thảo nào bị xóa trong 30 ngày qua.')]
        : drafts.map((d) =>
            el(
              'li',
              {},
              el('strong', {}, d.title),
              ` · xóa lúc ${when(d.deletedAt)}${d.deletedBy ? ` bởi ${d.deletedBy}` : ''} · khôi phục được đến ${when(d.recoverableUntil)} `,
              el(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  onclick: async () => {
                    try {
                      await api(`/api/deleted-drafts/${encodeURIComponent(d.id)}/restore`, { method: 'POST' });
                      status.textContent = `Đã khôi phục “${d.title}”.`;
                      await refresh();
                      onRestored(d.id);
                    } catch (e) {
                      showError(error, e);
                    }
                  },
                },
                'Khôi phục',
              ),
            ),
          )),
    );
  };
  openAdmin('Bản thảo đã xóa', status, error, list);
  try {
    await refresh();
  } catch (e) {
    showError(error, e);
  }
}

/** The logged-in user's own password: the current one, then the new one; every session then ends. */
function openPasswordChange() {
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const current = formField('current-password', 'Mật khẩu hiện tại', el('input', { id: 'current-password', type: 'password', autocomplete: 'current-password' }));
  const next = formField('changed-password', 'Mật khẩu mới (ít nhất 15 ký tự)', el('input', { id: 'changed-password', type: 'password', autocomplete: 'new-password' }));
  const alerts = { currentPassword: current.alert, password: next.alert };
  const form = el(
    'form',
    {
      class: 'new-user',
      onsubmit: submitted(alerts, error, async () => {
        await api('/api/session/password', { method: 'PUT', body: { currentPassword: $('current-password').value, password: $('changed-password').value } });
        location.assign('/dang-nhap');
      }),
    },
    el('p', { class: 'muted' }, 'Sau khi đổi, mọi phiên đăng nhập của bạn (cả trên máy khác) kết thúc; hãy đăng nhập lại bằng mật khẩu mới.'),
    current.row,
    next.row,
    el('button', { type: 'submit' }, 'Đổi mật khẩu'),
  );
  openAdmin('Đổi mật khẩu', error, form);
  $('current-password').focus();
}

/** Fills the top bar with who is working and what they may open. */
export async function renderAccount({ onRestored }) {
  try {
    session = await api('/api/session');
  } catch {
    session = null;
  }
  const bar = $('account');
  const user = session?.user;
  if (!user) return;
  const can = (p) => user.permissions.includes(p);
  const parts = [];
  if (session.loggedIn) parts.push(el('span', { id: 'whoami' }, `${user.username} · ${user.roleLabel} · ${user.office}`));
  if (session.loggedIn && can('users.manage')) parts.push(el('button', { type: 'button', id: 'open-users', class: 'secondary small', onclick: openUsers }, 'Người dùng'));
  if (can('draft.restore')) parts.push(el('button', { type: 'button', id: 'open-deleted', class: 'secondary small', onclick: () => openDeleted(onRestored) }, 'Bản thảo đã xóa'));
  if (can('audit.read')) parts.push(el('a', { href: '/api/audit.csv', class: 'button secondary small', id: 'audit-csv', download: '' }, 'Nhật ký (CSV)'));
  if (session.loggedIn) parts.push(el('button', { type: 'button', id: 'change-password', class: 'secondary small', onclick: openPasswordChange }, 'Đổi mật khẩu'));
  if (session.loggedIn) parts.push(el('button', { type: 'button', id: 'logout', class: 'secondary small', onclick: logout }, 'Đăng xuất'));
  bar.replaceChildren(...parts);
  bar.hidden = parts.length === 0;
}
