// The office profile: what the cơ quan writes the same way on every document (names, địa danh, ký
// hiệu, signers, usual Nơi nhận). Saved once, the interview offers these values as quick replies.
import { el, $, api, linesOf, formField, showFieldIssues } from './dom.js';

const FIELDS = [
  ['parentOrg', 'Cơ quan chủ quản (để trống nếu không có)', 'text'],
  ['org', 'Cơ quan ban hành (ví dụ: Ủy ban nhân dân huyện Nghi Xuân)', 'text'],
  ['place', 'Địa danh (ví dụ: Nghi Xuân)', 'text'],
  ['symbolSuffix', 'Ký hiệu viết tắt của cơ quan (ví dụ: UBND)', 'text'],
  ['unit', 'Đơn vị soạn thảo thường dùng cho công văn (ví dụ: VP)', 'text'],
  ['signers', 'Người ký: mỗi người một khối, các khối cách nhau một dòng trống; dòng cuối của khối là họ tên', 'signers'],
  ['copies', 'Nơi nhận thường gửi (mỗi dòng một nơi)', 'lines'],
  ['archive', 'Lưu (ví dụ: VT, KTHT)', 'text'],
];

function signersText(signers = []) {
  return signers.map((s) => [...s.lines, s.name].filter(Boolean).join('\n')).join('\n\n');
}

function readSigners(text) {
  return text
    .normalize('NFC')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length)
    .map((lines) => (lines.length === 1 ? { lines, name: '' } : { lines: lines.slice(0, -1), name: lines.at(-1) }));
}

export async function openProfile(panel, onClose) {
  panel.hidden = false;
  panel.replaceChildren(el('p', { class: 'muted', role: 'status' }, 'Đang tải thông tin cơ quan…'));
  let profile = null;
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  try {
    profile = (await api('/api/profile')).profile;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
  const inputs = new Map();
  const alerts = new Map();
  const rows = FIELDS.map(([key, label, kind]) => {
    const id = `pf-${key}`;
    const value = profile?.[key];
    const input = kind === 'text' ? el('input', { id, type: 'text' }) : el('textarea', { id, rows: kind === 'signers' ? 5 : 3 });
    input.value = kind === 'signers' ? signersText(value) : kind === 'lines' ? (value ?? []).join('\n') : (value ?? '');
    const { row, alert } = formField(id, label, input);
    inputs.set(key, [input, kind]);
    alerts.set(key, alert);
    return row;
  });
  const save = el('button', { type: 'submit' }, 'Lưu thông tin cơ quan');
  const form = el(
    'form',
    {
      class: 'profile-form',
      onsubmit: async (e) => {
        e.preventDefault();
        const next = {};
        for (const [key, [input, kind]] of inputs) {
          next[key] = kind === 'signers' ? readSigners(input.value) : kind === 'lines' ? linesOf(input.value) : input.value.normalize('NFC').trim();
        }
        for (const a of alerts.values()) a.hidden = true;
        error.hidden = true;
        save.disabled = true;
        try {
          await api('/api/profile', { method: 'PUT', body: next });
          onClose('Đã lưu thông tin cơ quan; các câu hỏi sau sẽ gợi ý sẵn các giá trị này.');
        } catch (err) {
          showFieldIssues(err, error, (field) => alerts.get(field.split('.')[0]));
          save.disabled = false;
        }
      },
    },
    el('h3', {}, 'Thông tin cơ quan'),
    el('p', { class: 'muted' }, 'Ghi một lần; khi soạn văn bản mới, trợ lý gợi ý sẵn các giá trị này.'),
    rows,
    error,
    el('div', { class: 'row' }, save, el('button', { type: 'button', class: 'secondary', onclick: () => onClose(null) }, 'Đóng')),
  );
  panel.replaceChildren(form);
  $('pf-org').focus();
}
