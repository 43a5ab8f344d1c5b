// "Lịch sử": who changed the open draft, when, from where, and which revision each change made.
import { el, api, showError } from './dom.js';

export async function openHistory(panel, draftId, onClose) {
  panel.hidden = false;
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const list = el('ol', { class: 'history-list', 'aria-label': 'Lịch sử thay đổi' });
  panel.replaceChildren(
    el('div', { class: 'admin-head' }, el('h3', {}, 'Lịch sử thay đổi'), el('button', { type: 'button', class: 'secondary small', onclick: onClose }, 'Đóng')),
    error,
    list,
  );
  try {
    const { history } = await api(`/api/drafts/${encodeURIComponent(draftId)}/history`);
    list.replaceChildren(
      ...history.map((e) =>
        el(
          'li',
          { dataset: { action: e.action } },
          el('time', { datetime: e.at }, new Date(e.at).toLocaleString('vi-VN')),
          ' ',
          el('strong', {}, e.username),
          ` · ${e.label}`,
          e.revisionId ? ` · bản sửa số ${e.revisionId}` : '',
          e.detail ? ` · ${e.detail}` : '',
          e.address ? el('span', { class: 'muted' }, ` · từ ${e.address}`) : '',
        ),
      ),
    );
    if (history.length === 0) list.replaceChildren(el('li', { class: 'muted' }, 'Chưa có thay đổi nào được ghi.'));
  } catch (e) {
    showError(error, e);
  }
}
