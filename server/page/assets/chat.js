// The conversation: staff write what they need in their own words; the server interviews (document
// type, missing header fields, facts section by section) and answers with actions the page performs
// with the streaming endpoints, so drafting shows in the document as it is written.
import { el, $, api, showError, messageOf } from './dom.js';
import { state, hooks } from './state.js';
import { draftAll, draftSection } from './drafting.js';
import { redraftParagraph } from './paragraph.js';

const chat = { pending: null, notes: [] };

const INTRO =
  'Chào anh/chị. Tôi giúp soạn văn bản hành chính đúng thể thức Nghị định 30. Hãy cho biết cần soạn loại văn bản nào và nội dung chính, ví dụ: “Báo cáo kết quả thực hiện chương trình sản xuất tiêu dùng bền vững năm 2021”. Có thể dán cả danh sách ý, hoặc nhập tệp các ý chính (.json) có sẵn.';
/** The offline composer writes from the facts alone: the page does not promise rewrites it cannot do. */
const introDraft = () =>
  document.getElementById('provider')?.dataset.offline === 'true'
    ? 'Bản thảo này đang mở ở khung văn bản. Nhắn để thêm ý, ví dụ: “thêm vào mục I: …”, hoặc “soạn lại mục I”; sửa câu chữ ngay trong từng đoạn bằng nút “Sửa”.'
    : 'Bản thảo này đang mở ở khung văn bản. Nhắn để thêm ý hoặc sửa, ví dụ: “viết lại đoạn 2 mục I ngắn gọn hơn”; hoặc dùng các nút ngay trên văn bản.';

/** A note from the page itself (not the server), shown in the conversation where it happened. */
export function note(text) {
  chat.notes.push({ text, after: state.conversation?.messages.length ?? 0, conversationId: state.conversation?.id ?? null });
  renderChat();
}

export function resetChat() {
  loads++;
  chat.notes = [];
  chat.pending = null;
  showError($('chat-error'), null);
}

function bubble(role, text, extra = []) {
  return el('div', { class: `msg ${role}` }, el('span', { class: 'sr-only' }, role === 'user' ? 'Anh/chị: ' : role === 'note' ? 'Ghi chú: ' : 'Trợ lý: '), el('div', { class: 'msg-text' }, text), extra);
}

function suggestionButtons(suggestions) {
  if (!suggestions?.length || chat.pending) return [];
  return el('div', { class: 'suggestions' }, suggestions.map((s) => el('button', { type: 'button', class: 'small secondary suggestion', onclick: () => send(s) }, s)));
}

export function renderChat() {
  const box = $('messages');
  const c = state.conversation;
  const items = [];
  if (!c || c.messages.length === 0) {
    const types = state.draft ? [] : state.templates.map((t) => t.name);
    items.push(bubble('assistant', state.draft ? introDraft() : INTRO, suggestionButtons(types)));
  }
  const messages = c?.messages ?? [];
  const notes = chat.notes.filter((n) => n.conversationId === (c?.id ?? null) || n.conversationId === null);
  const lastAssistant = messages.map((m) => m.role).lastIndexOf('assistant');
  for (let i = 0; i <= messages.length; i++) {
    for (const n of notes) if (n.after === i) items.push(bubble('note', n.text));
    const m = messages[i];
    if (!m) continue;
    items.push(bubble(m.role, m.text, i === lastAssistant && i === messages.length - 1 ? suggestionButtons(m.suggestions) : []));
  }
  if (chat.pending) {
    items.push(bubble('user', chat.pending));
    items.push(el('div', { class: 'msg assistant typing', role: 'status' }, 'Đang trả lời…'));
  }
  box.replaceChildren(...items);
  box.scrollTop = box.scrollHeight;
  $('send').disabled = !!chat.pending;
}

async function ensureConversation() {
  if (state.conversation) return state.conversation;
  state.conversation = await api('/api/conversations', { method: 'POST', body: state.draft ? { draftId: state.draft.id } : {} });
  return state.conversation;
}

export async function send(text) {
  const clean = text.normalize('NFC').trim();
  if (!clean || chat.pending) return;
  const input = $('message');
  chat.pending = clean;
  input.value = '';
  showError($('chat-error'), null);
  renderChat();
  try {
    const c = await ensureConversation();
    const r = await api(`/api/conversations/${encodeURIComponent(c.id)}/messages`, { method: 'POST', body: { text: clean } });
    chat.pending = null;
    state.conversation = r.conversation;
    hooks.updateHash();
    hooks.render();
    renderChat();
    void perform(r.actions ?? []);
  } catch (e) {
    chat.pending = null;
    if (!input.value) input.value = clean;
    renderChat();
    const missing = e.status === 404 && !state.conversation;
    showError($('chat-error'), missing ? new Error(`${messageOf(e)}\nMáy chủ này chưa hỗ trợ trò chuyện; hãy nhập tệp các ý chính (.json).`) : e);
  }
  input.focus();
}

/** Performs the server's actions in order; drafting streams into the document as it goes. */
async function perform(actions) {
  for (const a of actions) {
    try {
      // The server may have changed the brief before asking for this (facts added, header fields set).
      if (a.draftId && state.draft?.id !== a.draftId) await hooks.openDraft(a.draftId, { keepConversation: true });
      else if (a.draftId) await hooks.reload();
      if (a.type === 'draft-all') await draftAll();
      else if (a.type === 'draft-section') await draftSection(a.section);
      else if (a.type === 'redraft-paragraph') {
        document.querySelector(`[data-paragraph-id="${a.paragraphId}"]`)?.scrollIntoView({ block: 'center' });
        await redraftParagraph(a.paragraphId, a.instruction);
      } else if (a.type === 'edit-paragraph') {
        // The paragraph's own "Sửa" button opens its edit box, as if staff had pressed it.
        document.querySelector(`[data-paragraph-id="${a.paragraphId}"]`)?.scrollIntoView({ block: 'center' });
        document.querySelector(`[data-focus="p${a.paragraphId}-edit"]`)?.click();
      }
    } catch (e) {
      showError($('chat-error'), e);
    }
  }
}

/** Counts conversation loads; a load that answers after a newer one (or a reset) is dropped. */
let loads = 0;

/** Loads the conversation of a draft (or by id); a draft without one gets one at the first message. */
export async function loadConversation(id) {
  const mine = ++loads;
  if (!id) {
    state.conversation = null;
    renderChat();
    return;
  }
  try {
    const conversation = await api(`/api/conversations/${encodeURIComponent(id)}`);
    if (mine !== loads) return;
    state.conversation = conversation;
  } catch (e) {
    if (mine !== loads) return;
    state.conversation = null;
    showError($('chat-error'), e);
  }
  hooks.render();
  renderChat();
}

export function wireComposer() {
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    send($('message').value);
  });
  $('message').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send($('message').value);
    }
  });
}
