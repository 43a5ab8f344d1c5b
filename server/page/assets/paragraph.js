// One paragraph of the document: its text with findings highlighted, and what staff can do with it:
// edit in place (a staff revision), regenerate with an optional instruction (streamed), step through
// its revisions with a word diff against the one before, and make any revision current.
import { el, api, messageOf, authorName, formatTime, isAbort, once } from './dom.js';
import { postStream } from './sse.js';
import { renderDiff } from './diff.js';
import { state, hooks, paragraphUi } from './state.js';
import { glossaryAnswers } from './glossary-answer.js';

const SEVERITY = { error: 'Lỗi', warning: 'Lưu ý' };

/** The text as DOM, each finding with a span wrapped in a <mark> that carries its reason. */
export function highlight(text, findings) {
  const spans = findings
    .filter((f) => Array.isArray(f.where?.span))
    .map((f) => ({ f, start: Math.max(0, f.where.span[0]), end: Math.min(text.length, f.where.span[1]) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(el('mark', { class: `finding ${s.f.severity}`, title: `${SEVERITY[s.f.severity] ?? ''}: ${s.f.message}`, 'data-rule': s.f.rule }, text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The findings as a visible list, each with the words it is about. */
export function findingList(findings, text = '') {
  if (!findings.length) return null;
  return el(
    'ul',
    { class: 'findings inline' },
    findings.map((f) => {
      const quoted = Array.isArray(f.where?.span) && text ? text.slice(f.where.span[0], f.where.span[1]) : '';
      return el('li', { class: f.severity }, el('strong', {}, `${SEVERITY[f.severity] ?? 'Lưu ý'}: `), quoted ? `“${quoted}” — ` : '', f.message);
    }),
  );
}

function revisionLabel(p) {
  return `bản ${p.current.seq}/${p.revisionCount} · ${authorName(p.current)}`;
}

function button(label, focus, onclick, extra = {}) {
  return el('button', { type: 'button', class: 'small', 'data-focus': focus, onclick, ...extra }, label);
}

/**
 * A paragraph as it stands: `displayText` is the printed text (the document's last paragraph carries
 * the closing mark), `p` the paragraph with its current revision.
 */
export function renderParagraph(p, displayText) {
  const ui = paragraphUi(p.id);
  const findings = p.current.findings ?? [];
  const wrapper = el('div', { class: 'paragraph', 'data-paragraph-id': p.id });
  if (ui.mode === 'edit') {
    const area = el('textarea', {
      class: 'edit',
      rows: Math.max(3, Math.ceil(ui.editText.length / 70) + 1),
      'aria-label': 'Nội dung đoạn văn',
      'data-focus': `p${p.id}-text`,
      oninput: (e) => (ui.editText = e.target.value),
      onkeydown: (e) => {
        if (e.key === 'Escape') closePanel(p.id);
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveEdit(p);
      },
    });
    area.value = ui.editText;
    wrapper.append(area);
  } else {
    wrapper.append(el('p', { class: `para${findings.some((f) => f.severity === 'error') ? ' has-error' : ''}` }, highlight(displayText, findings)));
  }
  if (ui.streaming) {
    wrapper.append(
      el(
        'div',
        { class: 'para-new' },
        el('div', { class: 'ui-label' }, ui.streaming.note ?? 'Đoạn mới đang được soạn…'),
        el('p', { class: 'para para-stream', 'data-para-stream': p.id, style: `min-height:${ui.streaming.minHeight}px` }, ui.streaming.text),
      ),
    );
  }
  wrapper.append(tools(p, ui));
  if (ui.mode !== 'edit') {
    const list = findingList(findings, p.current.text);
    if (list) wrapper.append(list);
    const asks = glossaryAnswers(p, findings);
    if (asks) wrapper.append(asks);
  }
  if (ui.mode === 'redraft') wrapper.append(redraftForm(p, ui));
  if (ui.mode === 'add') wrapper.append(addForm(p, ui));
  if (ui.mode === 'revisions') wrapper.append(revisionsPanel(p, ui));
  const alert = el('p', { class: 'error', role: 'alert', hidden: !ui.error, 'data-paragraph-error': p.id }, messageOf(ui.error));
  wrapper.append(alert);
  if (ui.notice) wrapper.append(el('p', { class: 'notice', role: 'status' }, ui.notice));
  return wrapper;
}

function tools(p, ui) {
  const row = el('div', { class: 'para-tools' }, el('span', { class: 'rev-label' }, revisionLabel(p)));
  if (ui.streaming) {
    row.append(button('Dừng', `p${p.id}-stop`, () => ui.streaming.controller.abort(), { class: 'small danger' }));
  } else if (ui.mode === 'edit') {
    row.append(
      button('Lưu đoạn này', `p${p.id}-save`, () => saveEdit(p), { disabled: ui.busy }),
      button('Hủy', `p${p.id}-cancel`, () => closePanel(p.id), { class: 'small secondary' }),
    );
  } else {
    const { first, last } = placeOf(p);
    row.append(
      button('Sửa', `p${p.id}-edit`, () => startEdit(p), { 'aria-label': `Sửa đoạn: ${p.current.text.slice(0, 40)}` }),
      button('Thêm đoạn', `p${p.id}-add`, () => openAdd(p), { 'aria-expanded': String(ui.mode === 'add'), class: 'small secondary', 'aria-label': 'Thêm một đoạn sau đoạn này' }),
      button('↑', `p${p.id}-up`, once(() => move(p, 'up')), { class: 'small secondary', disabled: first || ui.busy, 'aria-label': 'Chuyển đoạn lên trên', title: 'Chuyển đoạn lên trên' }),
      button('↓', `p${p.id}-down`, once(() => move(p, 'down')), { class: 'small secondary', disabled: last || ui.busy, 'aria-label': 'Chuyển đoạn xuống dưới', title: 'Chuyển đoạn xuống dưới' }),
      button('Xóa', `p${p.id}-delete`, once(() => remove(p)), { class: 'small secondary', disabled: ui.busy, 'aria-label': `Xóa đoạn: ${p.current.text.slice(0, 40)}` }),
      button('Soạn lại', `p${p.id}-redraft`, () => openRedraft(p), { 'aria-expanded': String(ui.mode === 'redraft'), class: 'small secondary' }),
      button(`Các bản (${p.revisionCount})`, `p${p.id}-revisions`, () => (ui.mode === 'revisions' ? closePanel(p.id) : openRevisions(p.id)), {
        'aria-expanded': String(ui.mode === 'revisions'),
        class: 'small secondary',
      }),
    );
  }
  return row;
}

/** Whether a paragraph is the first or the last shown in its section (it cannot move further). */
function placeOf(p) {
  const shown = (state.draft?.sections.find((s) => s.key === p.sectionKey)?.paragraphs ?? []).filter((x) => x.current.text);
  return { first: shown[0]?.id === p.id, last: shown.at(-1)?.id === p.id };
}

/** Opens a paragraph's form (`mode`), or closes it when open, keeping what was typed in `field`; focuses its input. */
function toggleForm(p, mode, field, focus) {
  const ui = paragraphUi(p.id);
  reset(ui);
  ui.mode = ui.mode === mode ? 'view' : mode;
  ui[field] = ui[field] ?? '';
  hooks.render();
  document.querySelector(`[data-focus="p${p.id}-${focus}"]`)?.focus();
}

const openAdd = (p) => toggleForm(p, 'add', 'addText', 'add-text');

function addForm(p, ui) {
  const id = `add-${p.id}`;
  const area = el('textarea', {
    id,
    rows: 3,
    'data-focus': `p${p.id}-add-text`,
    oninput: (e) => (ui.addText = e.target.value),
    onkeydown: (e) => {
      if (e.key === 'Escape') closePanel(p.id);
    },
  });
  area.value = ui.addText ?? '';
  return el(
    'div',
    { class: 'panel add-form' },
    el('label', { for: id }, 'Đoạn mới (đặt ngay sau đoạn này)'),
    area,
    el(
      'div',
      { class: 'row' },
      button('Thêm đoạn này', `p${p.id}-add-go`, once(() => add(p)), { disabled: ui.busy }),
      button('Hủy', `p${p.id}-add-cancel`, () => closePanel(p.id), { class: 'small secondary' }),
    ),
  );
}

/** Runs a paragraph tool, its buttons disabled meanwhile; the draft is reloaded after. */
async function tool(p, request, notice) {
  const ui = paragraphUi(p.id);
  reset(ui);
  ui.busy = true;
  hooks.status?.('');
  try {
    const answer = await request();
    ui.mode = 'view';
    await hooks.reload();
    notice?.(answer);
  } catch (e) {
    ui.error = e;
  } finally {
    ui.busy = false;
    hooks.render();
  }
}

function add(p) {
  const ui = paragraphUi(p.id);
  return tool(
    p,
    () => api(`/api/drafts/${state.draft.id}/paragraphs/${p.id}/after`, { method: 'POST', body: { text: ui.addText ?? '' } }),
    (revision) => {
      ui.addText = '';
      paragraphUi(revision.paragraphId).notice = 'Đã thêm đoạn này.';
      hooks.render();
      document.querySelector(`[data-focus="p${revision.paragraphId}-edit"]`)?.focus();
    },
  );
}

function move(p, direction) {
  return tool(
    p,
    () => api(`/api/drafts/${state.draft.id}/paragraphs/${p.id}/move`, { method: 'POST', body: { direction } }),
    () => {
      hooks.render();
      document.querySelector(`[data-focus="p${p.id}-${direction}"]`)?.focus();
    },
  );
}

/** Withdraws a paragraph; its revisions stay, and "Hoàn tác" makes its last text current again. */
function remove(p) {
  return tool(
    p,
    () => api(`/api/drafts/${state.draft.id}/paragraphs/${p.id}`, { method: 'DELETE' }),
    () => {
      hooks.status?.('Đã xóa một đoạn; các bản của đoạn vẫn được giữ.', { label: 'Hoàn tác', run: () => restore(p.id) });
      // The button pressed is gone with its paragraph: focus goes to the way back.
      queueMicrotask(() => document.getElementById('status-action')?.focus());
    },
  );
}

/** Brings a deleted paragraph back: its newest revision with text becomes current again. */
async function restore(id) {
  const draftId = state.draft.id;
  try {
    const { revisions } = await api(`/api/drafts/${draftId}/paragraphs/${id}/revisions`);
    const last = revisions.filter((r) => r.text !== '').at(-1);
    if (!last) throw new Error('Đoạn này không còn bản nào có nội dung để khôi phục.');
    await api(`/api/drafts/${draftId}/paragraphs/${id}/current`, { method: 'POST', body: { revisionId: last.id } });
    hooks.status?.('Đã khôi phục đoạn đã xóa.');
    paragraphUi(id).notice = 'Đoạn này vừa được khôi phục.';
    await hooks.reload();
  } catch (e) {
    hooks.status?.(messageOf(e));
  }
}

/** Paragraphs staff deleted from a section, each with a way back. */
export function withdrawnList(paragraphs) {
  return el(
    'ul',
    { class: 'withdrawn', 'aria-label': 'Đoạn đã xóa' },
    paragraphs.map((p) =>
      el(
        'li',
        { class: 'muted', 'data-withdrawn': p.id },
        `Một đoạn đã xóa lúc ${formatTime(p.current.createdAt)}. `,
        button('Khôi phục', `p${p.id}-restore`, once(() => restore(p.id)), { class: 'small secondary' }),
      ),
    ),
  );
}

/** A new action on a paragraph: what earlier actions said, here and elsewhere, no longer applies. */
function reset(ui) {
  ui.error = null;
  for (const other of state.paragraphs.values()) other.notice = null;
  hooks.status?.('');
}

export function closePanel(id) {
  const ui = paragraphUi(id);
  ui.mode = 'view';
  reset(ui);
  hooks.render();
  document.querySelector(`[data-focus="p${id}-edit"]`)?.focus();
}

function startEdit(p) {
  const ui = paragraphUi(p.id);
  reset(ui);
  ui.mode = 'edit';
  ui.editText = p.current.text;
  hooks.render();
  document.querySelector(`[data-focus="p${p.id}-text"]`)?.focus();
}

async function saveEdit(p) {
  const ui = paragraphUi(p.id);
  if (ui.busy) return;
  ui.busy = true;
  hooks.render();
  try {
    await api(`/api/drafts/${state.draft.id}/paragraphs/${p.id}`, { method: 'PUT', body: { text: ui.editText } });
    ui.mode = 'view';
    ui.error = null;
    ui.notice = 'Đã lưu bản sửa của cán bộ.';
    await hooks.reload();
    document.querySelector(`[data-focus="p${p.id}-edit"]`)?.focus();
  } catch (e) {
    ui.error = e;
    hooks.render();
  } finally {
    ui.busy = false;
  }
}

const openRedraft = (p) => toggleForm(p, 'redraft', 'instruction', 'instruction');

function redraftForm(p, ui) {
  const id = `instruction-${p.id}`;
  const input = el('input', {
    id,
    type: 'text',
    maxlength: 500,
    placeholder: 'ví dụ: ngắn gọn hơn; nêu rõ số liệu',
    'data-focus': `p${p.id}-instruction`,
    oninput: (e) => (ui.instruction = e.target.value),
    onkeydown: (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        redraftParagraph(p.id, ui.instruction);
      }
      if (e.key === 'Escape') closePanel(p.id);
    },
  });
  input.value = ui.instruction ?? '';
  return el(
    'div',
    { class: 'panel redraft-form' },
    el('label', { for: id }, 'Yêu cầu cho đoạn mới (không bắt buộc)'),
    input,
    // The offline composer writes from the facts alone: say so rather than seem to ignore the request.
    document.getElementById('provider')?.dataset.offline === 'true'
      ? el('p', { class: 'muted note' }, 'Bộ soạn ngoại tuyến soạn lại đoạn từ các ý chính, không theo yêu cầu viết lại; muốn viết lại theo yêu cầu cần cấu hình mô hình ngôn ngữ.')
      : null,
    el(
      'div',
      { class: 'row' },
      button('Soạn lại đoạn này', `p${p.id}-redraft-go`, () => redraftParagraph(p.id, ui.instruction)),
      button('Hủy', `p${p.id}-redraft-cancel`, () => closePanel(p.id), { class: 'small secondary' }),
    ),
  );
}

function findParagraph(id) {
  for (const s of state.draft?.sections ?? []) {
    const p = s.paragraphs.find((x) => x.id === id);
    if (p) return p;
  }
  return null;
}

/** Regenerates a paragraph, streaming the new text under the old; then shows what changed. */
export async function redraftParagraph(id, instruction) {
  const p = findParagraph(id);
  const ui = paragraphUi(id);
  if (!p || ui.streaming) return;
  reset(ui);
  ui.mode = 'view';
  const node = document.querySelector(`[data-paragraph-id="${id}"] .para`);
  ui.streaming = { text: '', controller: new AbortController(), minHeight: node?.offsetHeight ?? 0 };
  hooks.render();
  document.querySelector(`[data-focus="p${id}-stop"]`)?.focus();
  const draftId = state.draft.id;
  try {
    const revision = await postStream(`/api/drafts/${draftId}/paragraphs/${id}/redraft`, {
      body: { instruction: instruction?.trim() || null },
      signal: ui.streaming.controller.signal,
      onEvent: ({ event, data }) => {
        if (event === 'text') ui.streaming.text += data.delta;
        else if (event === 'retry') {
          ui.streaming.text = '';
          ui.streaming.note = `Soạn lại lần nữa: ${data.reason}`;
        } else if (event === 'queued') ui.streaming.note = data.position > 0 ? `Đang chờ lượt: ${data.position}` : 'Đoạn mới đang được soạn…';
        else return;
        const box = document.querySelector(`[data-para-stream="${id}"]`);
        if (box) box.textContent = ui.streaming.text;
        const label = box?.previousElementSibling;
        if (label && ui.streaming.note) label.textContent = ui.streaming.note;
      },
    });
    ui.streaming = null;
    ui.instruction = '';
    await hooks.reload();
    await openRevisions(id, 'last');
    // Staff changed the paragraph while it was redrafted: their text stays, the new one is only shown.
    if (revision?.current === false) ui.notice = 'Đoạn này đã được sửa tay trong lúc soạn lại: bản sửa tay được giữ; bản mới soạn ở đây để xem, bấm “Dùng bản này” nếu muốn dùng.';
    hooks.render();
  } catch (e) {
    ui.streaming = null;
    if (isAbort(e)) ui.notice = 'Đã dừng soạn lại; đoạn cũ được giữ nguyên.';
    else ui.error = e;
    hooks.render();
  }
}

/** Opens the revisions of a paragraph at its current one (or at the newest with `'last'`). */
export async function openRevisions(id, at = 'current') {
  const ui = paragraphUi(id);
  reset(ui);
  try {
    const { revisions } = await api(`/api/drafts/${state.draft.id}/paragraphs/${id}/revisions`);
    const p = findParagraph(id);
    ui.revisions = revisions;
    ui.index = at === 'last' ? revisions.length - 1 : Math.max(0, revisions.findIndex((r) => r.id === p?.current.id));
    ui.mode = 'revisions';
  } catch (e) {
    ui.error = e;
  }
  hooks.render();
}

function revisionsPanel(p, ui) {
  const revisions = ui.revisions ?? [];
  const rev = revisions[ui.index];
  if (!rev) return el('div', { class: 'panel' }, 'Không có bản nào.');
  const previous = revisions[ui.index - 1];
  const isCurrent = rev.id === p.current.id;
  const step = (delta) => {
    ui.index = Math.min(revisions.length - 1, Math.max(0, ui.index + delta));
    hooks.render();
  };
  // On a staff revision the note says what staff did (added, moved, imported), not a request to a model.
  const note = !rev.instruction ? '' : rev.author === 'staff' ? rev.instruction : `yêu cầu: “${rev.instruction}”`;
  const meta = [authorName(rev), note, formatTime(rev.createdAt)].filter(Boolean).join(' · ');
  const body = el('div', { class: 'diff', 'aria-label': previous ? `Thay đổi so với bản ${previous.seq}` : 'Nội dung bản đầu tiên' });
  if (rev.text === '') body.append(el('em', {}, 'Đoạn này bị bỏ trong bản này.'));
  else if (!previous) body.append(rev.text);
  else if (previous.text === rev.text) body.append(rev.text);
  else body.append(renderDiff(previous.text, rev.text));
  const caption = !previous ? 'Bản đầu tiên:' : previous.text === rev.text ? `Giống hệt bản ${previous.seq}:` : `Thay đổi so với bản ${previous.seq}:`;
  return el(
    'div',
    { class: 'panel revisions', role: 'group', 'aria-label': 'Các bản của đoạn' },
    el(
      'div',
      { class: 'row' },
      button('‹ Bản trước', `p${p.id}-prev`, () => step(-1), { disabled: ui.index === 0, class: 'small secondary' }),
      el('strong', { class: 'rev-position', 'aria-live': 'polite' }, `Bản ${rev.seq}/${revisions.length}`),
      button('Bản sau ›', `p${p.id}-next`, () => step(1), { disabled: ui.index === revisions.length - 1, class: 'small secondary' }),
      isCurrent
        ? el('span', { class: 'badge' }, 'đang dùng')
        : button('Dùng bản này', `p${p.id}-use`, once(() => makeCurrent(p.id, rev.id))),
      button('Đóng', `p${p.id}-close`, () => closePanel(p.id), { class: 'small secondary' }),
    ),
    el('div', { class: 'rev-meta' }, meta),
    el('div', { class: 'ui-label' }, caption),
    body,
    findingList(rev.findings ?? [], rev.text),
  );
}

async function makeCurrent(id, revisionId) {
  const ui = paragraphUi(id);
  try {
    await api(`/api/drafts/${state.draft.id}/paragraphs/${id}/current`, { method: 'POST', body: { revisionId } });
    ui.notice = 'Đã dùng lại bản này; các bản khác vẫn được giữ.';
    await hooks.reload();
    document.querySelector(`[data-focus="p${id}-close"]`)?.focus();
  } catch (e) {
    ui.error = e;
    hooks.render();
  }
}

