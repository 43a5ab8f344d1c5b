// Under the open draft: sharing it with the office (its author), approving it ("Đã duyệt", lãnh đạo
// and văn thư), and the office's comments on it.
import { el, $, api, showError } from './dom.js';
import { currentSession } from './account.js';

const when = (iso) => new Date(iso).toLocaleString('vi-VN');

export async function renderReview(draftId) {
  const box = $('review');
  box.replaceChildren();
  box.hidden = true;
  // One person on their own machine shares with no one and approves nothing.
  if (!currentSession()?.loggedIn) return;
  let standing;
  let comments;
  try {
    [standing, { comments }] = await Promise.all([api(`/api/drafts/${encodeURIComponent(draftId)}/standing`), api(`/api/drafts/${encodeURIComponent(draftId)}/comments`)]);
  } catch {
    return;
  }
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const again = () => renderReview(draftId);
  const run = async (work) => {
    try {
      await work();
      await again();
    } catch (e) {
      showError(error, e);
    }
  };
  const line = [];
  if (standing.approvedAt) line.push(el('span', { class: 'badge approved', id: 'approved' }, `Đã duyệt: ${standing.approvedBy}, ${when(standing.approvedAt)}`));
  if (standing.mine) {
    line.push(
      el(
        'button',
        { type: 'button', class: 'secondary small', id: 'share', 'aria-pressed': String(standing.shared), onclick: () => run(() => api(`/api/drafts/${encodeURIComponent(draftId)}/share`, { method: 'POST', body: { shared: !standing.shared } })) },
        standing.shared ? 'Đang chia sẻ với cơ quan: thôi chia sẻ' : 'Chia sẻ với cơ quan',
      ),
    );
  }
  if (standing.access.includes('approve') && !standing.approvedAt) {
    line.push(el('button', { type: 'button', class: 'small', id: 'approve', onclick: () => run(() => api(`/api/drafts/${encodeURIComponent(draftId)}/approve`, { method: 'POST' })) }, 'Duyệt bản thảo'));
  }
  const list = el(
    'ul',
    { class: 'comments', 'aria-label': 'Góp ý' },
    comments.map((c) => el('li', {}, el('strong', {}, c.username), ` (${when(c.createdAt)}): `, c.text)),
  );
  const text = el('textarea', { id: 'comment-text', rows: 2, placeholder: 'Góp ý cho người soạn…' });
  const form = standing.access.includes('comment')
    ? el(
        'form',
        {
          class: 'comment-form',
          onsubmit: (event) => {
            event.preventDefault();
            run(() => api(`/api/drafts/${encodeURIComponent(draftId)}/comments`, { method: 'POST', body: { text: text.value } }));
          },
        },
        el('label', { for: 'comment-text', class: 'sr-only' }, 'Góp ý'),
        text,
        el('button', { type: 'submit', class: 'small' }, 'Gửi góp ý'),
      )
    : null;
  box.append(el('div', { class: 'row' }, line), comments.length ? el('h4', {}, `Góp ý (${comments.length})`) : null, list, form, error);
  box.hidden = false;
}
