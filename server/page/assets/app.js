// soanthao page: plain ES modules, no framework, no CDN. The conversation on the left, the document
// as it will print on the right. The open draft (or conversation) is kept in location.hash, so a
// reload reopens it; everything else is stored on the server as it happens.
import { $, api, showError, messageOf } from './dom.js';
import { state, hooks, draftableKeys, isStreaming } from './state.js';
import { renderPaper } from './paper.js';
import { draftAll, stopAll, progressText } from './drafting.js';
import { refreshList, renderList, duplicate } from './drafts.js';
import { renderChat, wireComposer, loadConversation, note, resetChat } from './chat.js';
import { openExport, copyDocument } from './export.js';
import { renderHeaderForm } from './brief-form.js';
import { openProfile } from './profile.js';
import { renderAccount } from './account.js';
import { openHistory } from './history.js';
import { renderReview } from './review.js';

/** The last open draft or conversation, so opening soanthao again (without the address) resumes it. */
const LAST_OPEN = 'soanthao.lastOpen';

function remember(hash) {
  try {
    if (hash) localStorage.setItem(LAST_OPEN, hash);
    else localStorage.removeItem(LAST_OPEN);
  } catch {
    // Storage may be off (a locked-down browser); the address still carries it.
  }
}

function lastOpen() {
  try {
    return localStorage.getItem(LAST_OPEN) ?? '';
  } catch {
    return '';
  }
}

function updateHash() {
  const next = state.draft ? `#draft=${state.draft.id}` : state.conversation ? `#conv=${state.conversation.id}` : '';
  if (location.hash !== next) history.replaceState(null, '', next || location.pathname);
  remember(next);
}

/** What the interview is asking, as staff read it. */
const ASKS = {
  template: 'loại văn bản',
  'header.org': 'cơ quan ban hành',
  'header.subject': 'trích yếu',
  'header.recipients': 'nơi gửi (Kính gửi)',
  'header.place': 'địa danh',
  'header.symbol': 'ký hiệu',
  'header.date': 'ngày ban hành',
  signer: 'người ký',
  copies: 'nơi nhận',
};

function interviewStatus() {
  const c = state.conversation;
  if (!c || c.draftId || !c.asking) return '';
  const type = state.templates.find((t) => t.id === c.templateId)?.name;
  let asking = ASKS[c.asking];
  if (!asking && c.asking.startsWith('facts:')) {
    const section = state.templates.find((t) => t.id === c.templateId)?.sections.find((s) => s.key === c.asking.slice(6));
    asking = `ý liệu của mục “${section?.heading ?? (section?.role === 'opening' ? 'Mở đầu' : section?.role === 'closing' ? 'Kết thúc' : c.asking.slice(6))}”`;
  }
  return `${type ? `Đang chuẩn bị ${type.toLocaleLowerCase('vi')}. ` : ''}Đang hỏi: ${asking ?? c.asking}. Văn bản được soạn ngay khi đủ thông tin.`;
}

function renderToolbar() {
  const d = state.draft;
  $('doc-empty').hidden = !!d;
  $('doc').hidden = !d;
  $('interview-status').textContent = d ? '' : interviewStatus();
  if (!d) return;
  $('draft-title').textContent = d.title;
  $('draft-type').textContent = d.template.name;
  const progress = progressText();
  $('draft-progress').textContent = progress;
  const streaming = isStreaming();
  $('draft-all').hidden = streaming;
  $('stop-all').hidden = !streaming;
  const missing = draftableKeys(d).filter((k) => !d.sections.find((s) => s.key === k).paragraphs.some((p) => p.current.text));
  $('missing').hidden = missing.length === 0 || streaming;
  $('missing-text').textContent = `Còn ${missing.length} mục chưa soạn.`;
  $('missing-draft').onclick = () => draftAll(missing);
}

function render() {
  renderToolbar();
  renderPaper();
  renderList();
}

/** Reloads answered out of order must not put an older draft over a newer one. */
const reloads = { asked: 0, applied: 0 };

async function reload() {
  if (!state.draft) return;
  const id = state.draft.id;
  const mine = ++reloads.asked;
  try {
    const detail = await api(`/api/drafts/${encodeURIComponent(id)}`);
    if (mine < reloads.applied || state.draft?.id !== id) return;
    reloads.applied = mine;
    state.draft = detail;
    showError($('doc-error'), null);
  } catch (e) {
    showError($('doc-error'), e);
  }
  render();
}

function clearDraftUi() {
  stopAll();
  state.sections.clear();
  state.paragraphs.clear();
  state.facts.clear();
  closePanels();
}

/** Opens a draft; its conversation comes with it unless the conversation on screen just made it. */
async function openDraft(id, { keepConversation = false } = {}) {
  try {
    const detail = await api(`/api/drafts/${encodeURIComponent(id)}`);
    if (state.draft?.id !== detail.id) {
      clearDraftUi();
      renderReview(detail.id);
    }
    state.draft = detail;
    showError($('doc-error'), null);
    if (!keepConversation) {
      const conversationId = detail.conversationId ?? null;
      if (state.conversation?.id !== conversationId || !conversationId) {
        resetChat();
        await loadConversation(conversationId);
      }
    }
    updateHash();
    render();
    renderChat();
  } catch (e) {
    showError(state.draft ? $('doc-error') : $('chat-error'), e);
  }
  await refreshList();
}

function newDocument() {
  clearDraftUi();
  state.draft = null;
  state.conversation = null;
  resetChat();
  updateHash();
  render();
  renderChat();
  $('message').focus();
}

function closePanels() {
  for (const id of ['export-panel', 'header-panel', 'history-panel']) {
    $(id).hidden = true;
    $(id).replaceChildren();
  }
  $('export').setAttribute('aria-expanded', 'false');
  $('history').setAttribute('aria-expanded', 'false');
  $('edit-header').setAttribute('aria-expanded', 'false');
}

function status(text) {
  $('doc-status').textContent = text ?? '';
}

async function importBrief(file) {
  showError($('chat-error'), null);
  if (file.size > 1024 * 1024) throw new Error('Tệp ý liệu quá lớn (hơn 1 MB).');
  let raw;
  try {
    raw = JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`Tệp “${file.name}” không phải JSON hợp lệ: ${e.message}`);
  }
  const created = await api('/api/drafts', { method: 'POST', body: raw });
  state.conversation = null;
  resetChat();
  await openDraft(created.id, { keepConversation: true });
  note(`Đã nhập tệp ý liệu “${file.name}”: ${created.title}. Đang soạn từng mục…`);
  await draftAll();
}

function wire() {
  wireComposer();
  $('new-document').addEventListener('click', newDocument);
  $('toggle-drafts').addEventListener('click', () => {
    const panel = $('drafts-panel');
    panel.hidden = !panel.hidden;
    $('toggle-drafts').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) refreshList();
  });
  $('toggle-profile').addEventListener('click', async () => {
    const panel = $('profile-panel');
    const button = $('toggle-profile');
    $('chat-status').textContent = '';
    if (!panel.hidden) {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    await openProfile(panel, (message) => {
      panel.hidden = true;
      panel.replaceChildren();
      button.setAttribute('aria-expanded', 'false');
      $('chat-status').textContent = message ?? '';
      button.focus();
    });
  });
  $('import-brief').addEventListener('click', () => $('brief-file').click());
  $('brief-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      await importBrief(file);
    } catch (e) {
      showError($('chat-error'), e);
    }
  });
  $('draft-all').addEventListener('click', () => draftAll());
  $('stop-all').addEventListener('click', stopAll);
  $('export').addEventListener('click', async () => {
    const panel = $('export-panel');
    const open = panel.hidden;
    closePanels();
    if (!open) return;
    $('export').setAttribute('aria-expanded', 'true');
    await openExport(panel, () => {
      closePanels();
      $('export').focus();
    });
  });
  $('history').addEventListener('click', async () => {
    const open = $('history-panel').hidden;
    closePanels();
    if (!open) return;
    $('history').setAttribute('aria-expanded', 'true');
    await openHistory($('history-panel'), state.draft.id, () => {
      closePanels();
      $('history').focus();
    });
  });
  $('edit-header').addEventListener('click', () => {
    const panel = $('header-panel');
    const open = panel.hidden;
    closePanels();
    if (!open) return;
    panel.hidden = false;
    $('edit-header').setAttribute('aria-expanded', 'true');
    renderHeaderForm(panel, (message) => {
      closePanels();
      status(message);
      render();
      $('edit-header').focus();
    });
  });
  $('copy-text').addEventListener('click', async () => {
    status('');
    try {
      await copyDocument();
      status('Đã sao chép toàn văn vào bộ nhớ tạm.');
      showError($('doc-error'), null);
    } catch (e) {
      showError($('doc-error'), e);
    }
  });
  $('duplicate').addEventListener('click', async () => {
    try {
      await duplicate(state.draft.id);
      status('Đã nhân bản; đang mở bản sao.');
    } catch (e) {
      showError($('doc-error'), e);
    }
  });
  // No beforeunload prompt: a reload mid-draft loses nothing stored; the sections still to write are
  // offered again ("Soạn các mục còn thiếu").
  window.addEventListener('hashchange', route);
}

async function route() {
  if (!location.hash && lastOpen()) history.replaceState(null, '', lastOpen());
  const hash = decodeURIComponent(location.hash.slice(1));
  const draft = /^(?:draft=)?([\w-]+)$/.exec(hash);
  const conv = /^conv=([\w-]+)$/.exec(hash);
  if (conv) {
    if (state.conversation?.id !== conv[1]) await loadConversation(conv[1]);
  } else if (draft && !hash.startsWith('conv=') && state.draft?.id !== draft[1]) await openDraft(draft[1]);
}

Object.assign(hooks, { render, reload, openDraft, renderChat, refreshList, newDocument, updateHash });

async function start() {
  wire();
  await renderAccount({ onRestored: () => refreshList() });
  try {
    state.templates = (await api('/api/templates')).templates;
  } catch (e) {
    showError($('chat-error'), new Error(`Không tải được danh sách loại văn bản: ${messageOf(e)}`));
  }
  renderChat();
  render();
  await refreshList();
  await route();
  document.body.dataset.ready = 'true';
}

start();
