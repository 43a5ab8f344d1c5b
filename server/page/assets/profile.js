// The office profile: what the cơ quan writes the same way on every document (names, địa danh, ký
// hiệu, signers, usual Nơi nhận). Saved once, the interview offers these values as quick replies.
import { el, $, api, linesOf, formField, showFieldIssues } from './dom.js';
import { glossaryChanged } from './glossary-answer.js';

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

/**
 * The office's glossary: staff's answers about abbreviations, which every draft uses. An entry
 * removed lets the lexicon decide again, or has staff asked again.
 */
function glossaryList() {
  const box = el('section', { class: 'glossary-list', 'aria-labelledby': 'pf-glossary-title' });
  const status = el('p', { class: 'muted', role: 'status' });
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const show = (glossary) => {
    const entries = Object.entries(glossary).sort(([a], [b]) => a.localeCompare(b, 'vi'));
    const list = entries.length
      ? el(
          'ul',
          {},
          entries.map(([abbr, meaning]) =>
            el(
              'li',
              { 'data-abbr': abbr },
              el('strong', {}, abbr),
              meaning === abbr ? ' — giữ nguyên như đã viết ' : ` — ${meaning} `,
              el('button', { type: 'button', class: 'small secondary', 'aria-label': `Xóa ${abbr} khỏi bảng chữ viết tắt`, onclick: () => remove(abbr) }, 'Xóa'),
            ),
          ),
        )
      : el('p', { class: 'muted' }, 'Chưa có mục nào. Khi văn bản có chữ viết tắt chưa rõ nghĩa, trả lời câu hỏi bên cạnh đoạn văn hoặc trong khung trò chuyện để thêm vào đây.');
    box.replaceChildren(
      el('h3', { id: 'pf-glossary-title' }, 'Bảng chữ viết tắt của cơ quan'),
      el('p', { class: 'muted' }, 'Nghĩa cơ quan đã chọn cho các chữ viết tắt; mọi văn bản soạn sau dùng các nghĩa này.'),
      list,
      status,
      error,
    );
  };
  const remove = async (abbr) => {
    error.hidden = true;
    try {
      const { glossary } = await api(`/api/profile/glossary/${encodeURIComponent(abbr)}`, { method: 'DELETE' });
      show(glossary);
      glossaryChanged(glossary);
      status.textContent = `Đã xóa ${abbr}; văn bản soạn sau sẽ hỏi lại nếu chưa rõ nghĩa.`;
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  };
  show({});
  api('/api/profile/glossary').then(
    ({ glossary }) => show(glossary),
    (e) => {
      error.textContent = e.message;
      error.hidden = false;
    },
  );
  return box;
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
  panel.replaceChildren(form, glossaryList());
  $('pf-org').focus();
}
