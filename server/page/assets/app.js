// soanthao page: plain ES modules, no framework, no CDN. The conversation on the left, the document
// as it will print on the right. The open draft (or conversation) is kept in location.hash, one
// history entry per draft opened, so a reload reopens it and Back/Forward move between drafts;
// everything else is stored on the server as it happens.
import { $, api, showError, messageOf, once, el } from './dom.js';
import { state, hooks, draftableKeys, isStreaming } from './state.js';
import { renderPaper } from './paper.js';
import { requestDraft, confirmDraft, stopAll, progressText } from './drafting.js';
import { refreshList, renderList, duplicate } from './drafts.js';
import { renderChat, wireComposer, loadConversation, note, resetChat } from './chat.js';
import { openExport, copyDocument } from './export.js';
import { renderHeaderForm } from './brief-form.js';
import { openProfile } from './profile.js';
import { wireDocxImport } from './import-docx.js';
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

/** Puts the open draft in the address: a new history entry when staff opened it (`push`), else in place. */
function updateHash({ push = false } = {}) {
  const next = state.draft ? `#draft=${state.draft.id}` : state.conversation ? `#conv=${state.conversation.id}` : '';
  if (location.hash !== next) {
    if (push) history.pushState(null, '', next || location.pathname);
    else history.replaceState(null, '', next || location.pathname);
  }
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
  confirm: 'xác nhận',
  summary: 'xác nhận thông tin trước khi soạn',
};

function interviewStatus() {
  const c = state.conversation;
  if (!c || c.draftId || !c.asking) return '';
  const type = state.templates.find((t) => t.id === c.templateId)?.name;
  let asking = ASKS[c.asking];
  if (!asking && c.asking.startsWith('facts:')) {
    const section = state.templates.find((t) => t.id === c.templateId)?.sections.find((s) => s.key === c.asking.slice(6));
    asking = `các ý chính của mục “${section?.heading ?? (section?.role === 'opening' ? 'Mở đầu' : section?.role === 'closing' ? 'Kết thúc' : c.asking.slice(6))}”`;
  }
  return `${type ? `Đang chuẩn bị ${type.toLocaleLowerCase('vi')}. ` : ''}Đang hỏi: ${asking ?? c.asking}. Văn bản được soạn khi anh/chị xác nhận bản tóm tắt.`;
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
  // Both stay where they are: a second click on "Soạn toàn bộ" never lands on "Dừng tất cả".
  $('draft-all').disabled = streaming || !!state.confirm;
  $('stop-all').disabled = !streaming;
  const missing = draftableKeys(d).filter((k) => !d.sections.find((s) => s.key === k).paragraphs.some((p) => p.current.text));
  $('missing').hidden = missing.length === 0 || streaming;
  $('missing-text').textContent = `Còn ${missing.length} mục chưa soạn.`;
  $('missing-draft').onclick = () => requestDraft(missing);
  renderConfirm();
}

/** The question before a redraft would write over paragraphs staff edited by hand. */
function renderConfirm() {
  const box = $('staff-confirm');
  const c = state.confirm;
  box.hidden = !c;
  if (!c) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(
    el(
      'p',
      { id: 'staff-confirm-text' },
      c.imported === c.count
        ? `Có ${c.count} đoạn nhập từ tệp Word — giữ nguyên hay soạn lại?`
        : c.imported
          ? `Có ${c.count} đoạn anh/chị đã sửa tay hoặc nhập từ tệp Word — giữ nguyên hay soạn lại?`
          : `Có ${c.count} đoạn anh/chị đã sửa tay — giữ nguyên hay soạn lại?`,
    ),
    el(
      'div',
      { class: 'row' },
      el('button', { type: 'button', id: 'staff-keep', onclick: () => confirmDraft(false) }, 'Giữ nguyên các đoạn đã sửa'),
      el('button', { type: 'button', id: 'staff-overwrite', class: 'secondary', onclick: () => confirmDraft(true) }, 'Soạn lại cả các đoạn này'),
      el('button', { type: 'button', class: 'secondary', onclick: () => ((state.confirm = null), render()) }, 'Hủy'),
    ),
  );
}

function render() {
  renderToolbar();
  renderPaper();
  renderList();
}

/**
 * GET /api/drafts/:id sends each text once: a paragraph block of the document names its paragraph,
 * and a section's facts are in the brief. The views read them where they print, so put them back.
 */
function withTexts(detail) {
  const texts = new Map(detail.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p.current.text])));
  const factsOf = (key) => {
    const b = detail.brief.sections.find((x) => x.key === key);
    return b?.parts ? b.parts.flatMap((p) => p.facts) : (b?.facts ?? []);
  };
  return {
    ...detail,
    sections: detail.sections.map((s) => (s.facts ? s : { ...s, facts: factsOf(s.key) })),
    document: {
      ...detail.document,
      body: detail.document.body.map((b) => (b.kind === 'paragraph' && b.text === undefined ? { ...b, text: texts.get(b.paragraphId) ?? '' } : b)),
    },
  };
}

/** Reloads answered out of order must not put an older draft over a newer one. */
const reloads = { asked: 0, applied: 0 };

async function reload() {
  if (!state.draft) return;
  const id = state.draft.id;
  const mine = ++reloads.asked;
  try {
    const detail = withTexts(await api(`/api/drafts/${encodeURIComponent(id)}`));
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
  state.confirm = null;
  state.undo = null;
  state.sections.clear();
  state.paragraphs.clear();
  state.facts.clear();
  closePanels();
}

/** On a phone the panes stack: an opened draft is scrolled to, or it would seem that nothing happened. */
function showDocument() {
  if (window.matchMedia('(max-width: 900px)').matches) $('doc').scrollIntoView({ block: 'start' });
}

/**
 * Counts navigations (a draft opened, the start shown). A draft that arrives after staff have already
 * gone elsewhere (two quick Backs, a second click in the list) is dropped instead of covering the
 * newer page and rewriting the address.
 */
let navigation = 0;

/**
 * Opens a draft; its conversation comes with it unless the conversation on screen just made it.
 * `fromHistory`: Back/Forward or a reload brought it, so no new history entry.
 */
async function openDraft(id, { keepConversation = false, fromHistory = false } = {}) {
  const mine = ++navigation;
  try {
    const detail = withTexts(await api(`/api/drafts/${encodeURIComponent(id)}`));
    if (mine !== navigation) return;
    if (state.draft?.id !== detail.id) {
      clearDraftUi();
      status('');
      showError($('doc-error'), null);
      renderReview(detail.id);
    }
    state.draft = detail;
    showError($('doc-error'), null);
    if (!keepConversation) {
      const conversationId = detail.conversationId ?? null;
      if (state.conversation?.id !== conversationId || !conversationId) {
        resetChat();
        await loadConversation(conversationId);
        if (mine !== navigation) return;
      }
    }
    updateHash({ push: !fromHistory });
    render();
    renderChat();
    showDocument();
  } catch (e) {
    if (mine !== navigation) return;
    showError(state.draft ? $('doc-error') : $('chat-error'), e);
  }
  await refreshList();
}

function newDocument({ fromHistory = false } = {}) {
  navigation++;
  clearDraftUi();
  state.draft = null;
  state.conversation = null;
  status('');
  resetChat();
  updateHash({ push: !fromHistory });
  render();
  renderChat();
  if (!fromHistory) $('message').focus();
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

/** The line under the toolbar: what the last action did, with an optional button (Hoàn tác). */
function status(text, action = null) {
  const line = $('doc-status');
  line.replaceChildren(text ?? '');
  if (text && action) line.append(' ', el('button', { type: 'button', class: 'small secondary', id: 'status-action', onclick: once(action.run) }, action.label));
}

async function importBrief(file) {
  showError($('chat-error'), null);
  if (file.size > 1024 * 1024) throw new Error('Tệp các ý chính quá lớn (hơn 1 MB).');
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
  note(`Đã nhập tệp các ý chính “${file.name}”: ${created.title}. Đang soạn từng mục…`);
  await requestDraft();
}

function wire() {
  wireComposer();
  wireDocxImport();
  $('new-document').addEventListener('click', () => newDocument());
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
  $('draft-all').addEventListener('click', () => requestDraft());
  $('stop-all').addEventListener('click', stopAll);
  $('export').addEventListener(
    'click',
    once(async () => {
      const panel = $('export-panel');
      const open = panel.hidden;
      closePanels();
      status('');
      if (!open) return;
      $('export').setAttribute('aria-expanded', 'true');
      await openExport(panel, () => {
        closePanels();
        $('export').focus();
      });
    }),
  );
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
    status('');
    const panel = $('header-panel');
    const open = panel.hidden;
    closePanels();
    if (!open) return;
    panel.hidden = false;
    $('edit-header').setAttribute('aria-expanded', 'true');
    renderHeaderForm(panel, (message) => {
      closePanels();
      status(message && `${message}${staleNote()}`);
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
  $('duplicate').addEventListener(
    'click',
    once(async () => {
      status('');
      try {
        await duplicate(state.draft.id);
        status('Đã nhân bản; đang mở bản sao.');
      } catch (e) {
        showError($('doc-error'), e);
      }
    }),
  );
  // No beforeunload prompt: a reload mid-draft loses nothing stored; the sections still to write are
  // offered again ("Soạn các mục còn thiếu").
  window.addEventListener('popstate', () => route({ fromHistory: true }));
  window.addEventListener('hashchange', () => route({ fromHistory: true }));
}

/** After a header edit: how many paragraphs still read the old values. */
function staleNote() {
  const n = (state.draft?.sections ?? []).flatMap((s) => s.paragraphs).filter((p) => p.current.text && p.current.findings?.some((f) => f.rule === 'stale.header')).length;
  return n ? ` Có ${n} đoạn viết theo thông tin cũ, được đánh dấu để soạn lại hoặc sửa tay.` : '';
}

/** Opens what the address names; an address with nothing is the start, where the list of drafts is. */
async function route({ fromHistory = false } = {}) {
  if (!location.hash && !fromHistory && lastOpen()) history.replaceState(null, '', lastOpen());
  const hash = decodeURIComponent(location.hash.slice(1));
  const draft = /^(?:draft=)?([\w-]+)$/.exec(hash);
  const conv = /^conv=([\w-]+)$/.exec(hash);
  if (conv) {
    if (state.conversation?.id !== conv[1]) {
      navigation++;
      await loadConversation(conv[1]);
    }
  } else if (draft && !hash.startsWith('conv=')) {
    if (state.draft?.id !== draft[1]) await openDraft(draft[1], { fromHistory: true });
  } else if (!hash && fromHistory && (state.draft || state.conversation)) {
    newDocument({ fromHistory: true });
    openDraftList();
  }
}

function openDraftList() {
  $('drafts-panel').hidden = false;
  $('toggle-drafts').setAttribute('aria-expanded', 'true');
  refreshList();
}

Object.assign(hooks, { render, reload, openDraft, renderChat, refreshList, newDocument, updateHash, status });

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
