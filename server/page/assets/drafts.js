// The saved drafts: open (resume), rename, duplicate (next month's report from this month's) and
// delete after a confirmation in place.
import { el, $, api, showError, messageOf, formatTime, once } from './dom.js';
import { state, hooks, templateOf } from './state.js';

const ui = { renaming: null, confirming: null, error: null, errorFor: null, drafts: [], next: null };

export async function refreshList() {
  try {
    const page = await api('/api/drafts');
    ui.drafts = page.drafts;
    ui.next = page.nextCursor ?? null;
    ui.error = null;
  } catch (e) {
    ui.error = e;
    ui.errorFor = null;
  }
  renderList();
}

function fail(id, e) {
  ui.error = e;
  ui.errorFor = id;
  renderList();
}

async function rename(d, title) {
  try {
    await api(`/api/drafts/${d.id}`, { method: 'PATCH', body: { title } });
    ui.renaming = null;
    ui.error = null;
    await refreshList();
    if (state.draft?.id === d.id) await hooks.reload();
    document.querySelector(`[data-draft-rename="${d.id}"]`)?.focus();
  } catch (e) {
    fail(d.id, e);
  }
}

export async function duplicate(id, title) {
  const copy = await api(`/api/drafts/${id}/duplicate`, { method: 'POST', body: title ? { title } : {} });
  await hooks.openDraft(copy.id);
  await refreshList();
  return copy;
}

async function remove(d) {
  try {
    await api(`/api/drafts/${d.id}`, { method: 'DELETE' });
    ui.confirming = null;
    ui.error = null;
    if (state.draft?.id === d.id) hooks.newDocument();
    await refreshList();
    $('toggle-drafts').focus();
  } catch (e) {
    fail(d.id, e);
  }
}

function item(d) {
  const active = state.draft?.id === d.id;
  const template = templateOf(d.templateId)?.name ?? d.templateId;
  const children = [];
  if (ui.renaming === d.id) {
    const input = el('input', { type: 'text', 'aria-label': 'Tên mới của bản thảo', maxlength: 200, value: d.title });
    const form = el(
      'form',
      { class: 'rename', onsubmit: (e) => (e.preventDefault(), rename(d, input.value)) },
      input,
      el('button', { type: 'submit', class: 'small' }, 'Lưu tên'),
      el('button', { type: 'button', class: 'small secondary', onclick: () => ((ui.renaming = null), renderList()) }, 'Hủy'),
    );
    children.push(form);
    queueMicrotask(() => input.focus());
  } else {
    children.push(
      el(
        'button',
        { type: 'button', class: `open${active ? ' active' : ''}`, 'aria-current': active ? 'true' : null, onclick: once(() => hooks.openDraft(d.id)), 'data-draft-open': d.id },
        el('span', { class: 'title' }, d.title),
        el('span', { class: 'meta' }, `${template} · sửa lúc ${formatTime(d.updatedAt)}`),
      ),
    );
  }
  if (ui.confirming === d.id) {
    children.push(
      el(
        'div',
        { class: 'confirm', role: 'group', 'aria-label': 'Xác nhận xóa' },
        el('span', {}, 'Xóa hẳn bản thảo này và mọi bản sửa của nó?'),
        el('button', { type: 'button', class: 'small danger', 'data-draft-confirm-delete': d.id, onclick: once(() => remove(d)) }, 'Xóa'),
        el('button', { type: 'button', class: 'small secondary', onclick: () => ((ui.confirming = null), renderList()) }, 'Không xóa'),
      ),
    );
    queueMicrotask(() => document.querySelector(`[data-draft-confirm-delete="${d.id}"]`)?.focus());
  } else if (ui.renaming !== d.id) {
    children.push(
      el(
        'div',
        { class: 'draft-actions' },
        el('button', { type: 'button', class: 'small secondary', 'data-draft-rename': d.id, onclick: () => ((ui.renaming = d.id), (ui.confirming = null), renderList()) }, 'Đổi tên'),
        el('button', { type: 'button', class: 'small secondary', 'data-draft-duplicate': d.id, onclick: once(() => duplicate(d.id).catch((e) => fail(d.id, e))) }, 'Nhân bản'),
        el('button', { type: 'button', class: 'small secondary', 'data-draft-delete': d.id, onclick: () => ((ui.confirming = d.id), (ui.renaming = null), renderList()) }, 'Xóa'),
      ),
    );
  }
  if (ui.error && ui.errorFor === d.id) children.push(el('p', { class: 'error', role: 'alert' }, messageOf(ui.error)));
  return el('li', { class: active ? 'active' : '', 'data-draft-id': d.id }, children);
}

/** The list comes a page at a time, newest first; older drafts on request. */
async function more() {
  const page = await api(`/api/drafts?cursor=${encodeURIComponent(ui.next)}`);
  const shown = new Set(ui.drafts.map((d) => d.id));
  ui.drafts = [...ui.drafts, ...page.drafts.filter((d) => !shown.has(d.id))];
  ui.next = page.nextCursor ?? null;
  renderList();
}

export function renderList() {
  const moreButton = el('button', { type: 'button', class: 'small secondary', id: 'drafts-more', onclick: () => more().catch((e) => fail(null, e)) }, 'Xem các bản thảo cũ hơn');
  $('draft-list').replaceChildren(...ui.drafts.map(item), ...(ui.next ? [el('li', {}, moreButton)] : []));
  $('no-drafts').hidden = ui.drafts.length > 0;
  showError($('drafts-error'), ui.errorFor ? null : ui.error);
}

export function draftCount() {
  return ui.drafts.length;
}
