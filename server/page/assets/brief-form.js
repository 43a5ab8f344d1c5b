// Changing the brief of an open draft: a section's facts (beside its prose) and the header fields.
// Saved with PUT /api/drafts/:id/brief, which keeps the paragraphs already written.
import { el, api, messageOf, linesOf, formField, showFieldIssues } from './dom.js';
import { state, hooks } from './state.js';
import { draftSection } from './drafting.js';

async function saveBrief(brief) {
  const detail = await api(`/api/drafts/${state.draft.id}/brief`, { method: 'PUT', body: { brief } });
  state.draft = { ...detail, conversationId: state.draft.conversationId ?? null };
}

function factsUi(key) {
  let ui = state.facts.get(key);
  if (!ui) {
    ui = { open: false };
    state.facts.set(key, ui);
  }
  return ui;
}

export function factsOpen(key) {
  return state.facts.get(key)?.open ?? false;
}

/** The brief section's facts as editable values: parts with titles, or one list. */
function editable(key) {
  const b = state.draft.brief.sections.find((s) => s.key === key);
  if (b?.parts) return { parts: b.parts.map((p) => ({ title: p.title, text: p.facts.join('\n') })), title: b.title ?? '' };
  return { text: (b?.facts ?? []).join('\n'), title: b?.title ?? '' };
}

export function toggleFacts(key) {
  const ui = factsUi(key);
  ui.open = !ui.open;
  ui.error = null;
  ui.notice = null;
  ui.value = ui.open ? editable(key) : null;
  hooks.render();
  if (ui.open) document.querySelector(`[data-focus="facts-${key}-0"]`)?.focus();
  else document.querySelector(`[data-focus="facts-${key}-toggle"]`)?.focus();
}

/** Opens a section's facts editor, for adding facts from elsewhere (an optional section's "Thêm"). */
export function openFacts(key) {
  if (!factsOpen(key)) toggleFacts(key);
}

function withSection(brief, key, value, section) {
  const next = structuredClone(brief);
  let b = next.sections.find((s) => s.key === key);
  if (!b) {
    b = { key };
    const order = state.draft.sections.map((s) => s.key);
    next.sections.push(b);
    next.sections.sort((x, y) => order.indexOf(x.key) - order.indexOf(y.key));
  }
  if (section.role === 'body' && value.title?.trim()) b.title = value.title.trim();
  if (value.parts) {
    b.parts = value.parts.map((p) => ({ title: p.title.trim(), facts: linesOf(p.text) })).filter((p) => p.title || p.facts.length);
    delete b.facts;
  } else {
    b.facts = linesOf(value.text);
    delete b.parts;
  }
  return next;
}

async function submitFacts(section, redraft) {
  const ui = factsUi(section.key);
  ui.busy = true;
  ui.error = null;
  hooks.render();
  try {
    await saveBrief(withSection(state.draft.brief, section.key, ui.value, section));
    ui.open = false;
    ui.busy = false;
    ui.notice = redraft ? null : 'Đã lưu các ý chính. Bấm “Soạn lại mục” để viết lại theo các ý mới.';
    hooks.render();
    if (redraft) await draftSection(section.key);
  } catch (e) {
    ui.busy = false;
    ui.error = e;
    hooks.render();
  }
}

/** The facts editor of a section: one fact per line; parts keep their titles. */
export function factsEditor(section) {
  const ui = factsUi(section.key);
  if (!ui.open) return ui.notice ? el('p', { class: 'notice', role: 'status' }, ui.notice) : null;
  const v = ui.value;
  const key = section.key;
  const area = (value, label, focus, oninput) => {
    const id = `${focus}-area`;
    const t = el('textarea', { id, rows: Math.max(3, value.split('\n').length + 1), 'data-focus': focus, oninput });
    t.value = value;
    return [el('label', { for: id }, label), t];
  };
  const fields = [];
  if (section.role === 'body') {
    const id = `facts-${key}-title`;
    const input = el('input', { id, type: 'text', 'data-focus': id, oninput: (e) => (v.title = e.target.value) });
    input.value = v.title;
    fields.push(el('label', { for: id }, 'Tiêu đề mục'), input);
  }
  if (v.parts) {
    v.parts.forEach((part, i) => {
      const id = `facts-${key}-part-${i}`;
      const title = el('input', { id, type: 'text', 'data-focus': `${id}-title`, oninput: (e) => (part.title = e.target.value) });
      title.value = part.title;
      fields.push(
        el('fieldset', {}, el('legend', {}, `Tiểu mục ${i + 1}`), el('label', { for: id }, 'Tiêu đề tiểu mục'), title,
          area(part.text, 'Các ý chính (mỗi dòng một ý)', `facts-${key}-${i}`, (e) => (part.text = e.target.value))),
      );
    });
    fields.push(
      el('button', { type: 'button', class: 'small secondary', onclick: () => { v.parts.push({ title: '', text: '' }); hooks.render(); } }, 'Thêm tiểu mục'),
    );
  } else {
    fields.push(...area(v.text, 'Các ý chính (mỗi dòng một ý; dán cả danh sách cũng được)', `facts-${key}-0`, (e) => (v.text = e.target.value)));
  }
  return el(
    'div',
    { class: 'panel facts-editor', role: 'group', 'aria-label': 'Các ý chính của mục' },
    fields,
    el(
      'div',
      { class: 'row' },
      el('button', { type: 'button', class: 'small', disabled: ui.busy, 'data-focus': `facts-${key}-save-draft`, onclick: () => submitFacts(section, true) }, 'Lưu và soạn lại mục'),
      el('button', { type: 'button', class: 'small secondary', disabled: ui.busy, 'data-focus': `facts-${key}-save`, onclick: () => submitFacts(section, false) }, 'Chỉ lưu các ý chính'),
      el('button', { type: 'button', class: 'small secondary', onclick: () => toggleFacts(key) }, 'Hủy'),
    ),
    el('p', { class: 'error', role: 'alert', hidden: !ui.error }, messageOf(ui.error)),
  );
}

/** The facts of a section as read beside its prose. */
export function factsSummary(section) {
  if (!section.facts.length) return null;
  const b = state.draft.brief.sections.find((s) => s.key === section.key);
  const groups = b?.parts ? b.parts.map((p, i) => [`${i + 1}. ${p.title}`, p.facts]) : [[null, section.facts]];
  return el(
    'aside',
    { class: 'facts', 'aria-label': 'Các ý chính của mục' },
    el('div', { class: 'ui-label' }, 'Các ý chính'),
    groups.map(([title, facts]) => [title ? el('div', { class: 'facts-part' }, title) : null, el('ul', {}, facts.map((f) => el('li', {}, f)))]),
  );
}

const HEADER_FIELDS = [
  ['header.parentOrg', 'Cơ quan chủ quản (để trống nếu không có)', 'text'],
  ['header.org', 'Cơ quan ban hành', 'text'],
  ['header.number', 'Số (để trống cho văn thư điền)', 'text'],
  ['header.symbol', 'Ký hiệu (ví dụ BC-UBND)', 'text'],
  ['header.place', 'Địa danh', 'text'],
  ['header.date', 'Ngày ban hành (ngày/tháng/năm, hoặc tháng/năm để trống ngày cho văn thư)', 'date'],
  ['header.subject', 'Trích yếu', 'text'],
  ['header.recipients', 'Kính gửi (mỗi dòng một nơi)', 'lines'],
  ['signer.lines', 'Quyền hạn, chức vụ người ký (mỗi dòng một dòng)', 'lines'],
  ['signer.name', 'Họ tên người ký', 'text'],
  ['copies', 'Nơi nhận (mỗi dòng một nơi)', 'lines'],
  ['archive', 'Lưu (ví dụ VT, KTHT)', 'text'],
];

const pad = (n) => String(n).padStart(2, '0');

/** The brief's `YYYY-MM-DD` / `YYYY-MM` as staff write it: 05/12/2021, or 12/2021 with the day blank. */
function dateToText(iso) {
  const [y, m, d] = (iso ?? '').split('-');
  if (!y || !m) return iso ?? '';
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}

/** 5/12/2021 or 12/2021 back to the brief's form; anything else goes as typed for the server to judge. */
function textToDate(text) {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[2]}-${pad(m[1])}`;
  return t;
}

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => o?.[k], obj);
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  keys.reduce((o, k) => (o[k] ??= {}), obj)[last] = value;
}

/** The header form: every field of the header, signer and Nơi nhận, errors beside each field. */
export function renderHeaderForm(container, onClose) {
  const brief = state.draft.brief;
  const inputs = new Map();
  const alerts = new Map();
  const rows = HEADER_FIELDS.map(([path, label, kind]) => {
    const id = `hf-${path.replace(/\./g, '-')}`;
    const value = getPath(brief, path);
    const input = kind === 'lines' ? el('textarea', { id, rows: Math.max(2, (value ?? []).length + 1) }) : el('input', { id, type: 'text' });
    input.value = kind === 'lines' ? (value ?? []).join('\n') : kind === 'date' ? dateToText(value) : (value ?? '');
    inputs.set(path, [input, kind]);
    const { row, alert } = formField(id, label, input);
    alerts.set(path, alert);
    return row;
  });
  const formError = el('p', { class: 'error', role: 'alert', hidden: true });
  const save = el('button', { type: 'submit' }, 'Lưu thông tin');
  const form = el(
    'form',
    {
      class: 'header-form',
      onsubmit: async (e) => {
        e.preventDefault();
        const next = structuredClone(brief);
        for (const [path, [input, kind]] of inputs) {
          const text = input.value.normalize('NFC');
          setPath(next, path, kind === 'lines' ? linesOf(text) : kind === 'date' ? textToDate(text) : text.trim());
        }
        for (const a of alerts.values()) a.hidden = true;
        formError.hidden = true;
        save.disabled = true;
        try {
          await saveBrief(next);
          onClose('Đã lưu thông tin văn bản.');
        } catch (err) {
          showFieldIssues(err, formError, (field) => {
            const path = field.replace(/^brief\./, '');
            return alerts.get(path) ?? alerts.get(path.replace(/\.\d+$/, ''));
          });
          save.disabled = false;
        }
      },
    },
    el('h3', {}, 'Thông tin văn bản'),
    el('div', { class: 'fields' }, rows),
    formError,
    el('div', { class: 'row' }, save, el('button', { type: 'button', class: 'secondary', onclick: () => onClose(null) }, 'Đóng')),
  );
  container.replaceChildren(form);
  form.querySelector('input, textarea')?.focus();
}
