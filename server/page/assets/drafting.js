// Drafting sections with the text streaming into the document. Each section is its own request with
// its own AbortController, so "Dừng" stops that section alone: the server then aborts the model
// request and keeps the section's previous text.
import { isAbort, messageOf } from './dom.js';
import { postStream } from './sse.js';
import { state, hooks, draftableKeys, paragraphUi } from './state.js';

/** Sections streamed at once; browsers keep about six connections per server, the rest is for the page. */
const AT_ONCE = 3;

function sectionBodyHeight(key) {
  const node = document.querySelector(`[data-section="${key}"] .section-body`);
  return node ? node.offsetHeight : 0;
}

function updateStreamNode(key, s) {
  const node = document.querySelector(`[data-stream="${key}"]`);
  if (node) node.textContent = s.text;
  const chip = document.querySelector(`[data-section="${key}"] .status`);
  if (chip) chip.textContent = statusText(s);
  const note = document.querySelector(`[data-section="${key}"] .stream-note`);
  if (note) {
    note.textContent = s.note ?? '';
    note.hidden = !s.note;
  }
}

export function statusText(s) {
  if (!s) return '';
  if (s.status === 'queued') return 'Đang chờ…';
  // The server's model queue: the section's place in line until its turn comes (position 0).
  if (s.status === 'streaming' && s.waiting) return `Đang chờ lượt: ${s.waiting}`;
  if (s.status === 'streaming') return s.text ? `Đang soạn… ${s.text.length.toLocaleString('vi-VN')} ký tự` : 'Đang soạn…';
  if (s.status === 'done') return 'Đã soạn xong';
  if (s.status === 'stopped') return 'Đã dừng';
  if (s.status === 'error') return 'Soạn không thành';
  return '';
}

/** Paragraphs of these sections whose current text staff wrote. */
function staffParagraphs(keys) {
  return (state.draft?.sections ?? []).filter((s) => keys.includes(s.key)).flatMap((s) => s.paragraphs.filter((p) => p.current.text && p.current.author === 'staff'));
}

/**
 * Drafts the given sections (all by default); where staff edited paragraphs by hand, first asks
 * whether to keep them (the server keeps them unless told otherwise).
 */
export function requestDraft(keys) {
  const draft = state.draft;
  if (!draft) return;
  const todo = keys ?? draftableKeys(draft);
  const staff = staffParagraphs(todo);
  if (staff.length === 0) return draftAll(todo);
  // Text brought in from a .docx is staff's too, but nobody "edited" it: the question says so.
  const imported = staff.filter((p) => p.current.instruction === 'Nhập từ tệp .docx').length;
  state.confirm = { keys: todo, count: staff.length, imported };
  hooks.render();
  document.getElementById('staff-keep')?.focus();
}

export function confirmDraft(overwriteStaff) {
  const c = state.confirm;
  if (!c) return;
  state.confirm = null;
  return draftAll(c.keys, { overwriteStaff });
}

/** Drafts one section; resolves when it is stored, stopped or failed (never rejects). */
export async function draftSection(key, queued, { overwriteStaff = false, kept = [] } = {}) {
  const draft = state.draft;
  if (!draft) return;
  const s = queued ?? { status: 'queued', text: '', controller: new AbortController() };
  if (s.controller.signal.aborted) return;
  s.status = 'streaming';
  s.text = '';
  s.note = null;
  s.message = null;
  s.minHeight = sectionBodyHeight(key);
  state.sections.set(key, s);
  // "Facts saved, redraft to use them" no longer applies once the section is drafted again.
  const facts = state.facts.get(key);
  if (facts) facts.notice = null;
  hooks.render();
  let final = 'done';
  let message = null;
  try {
    const outcome = await postStream(`/api/drafts/${draft.id}/sections/${encodeURIComponent(key)}/draft`, {
      body: overwriteStaff ? { overwriteStaff: true } : {},
      signal: s.controller.signal,
      onEvent: ({ event, data }) => {
        if (data?.section && data.section !== key) return;
        if (event === 'text') s.text += data.delta;
        else if (event === 'retry') {
          s.text = '';
          s.note = `Câu trả lời chưa dùng được, đang hỏi lại: ${data.reason}`;
        } else if (event === 'error') s.message = data.message;
        else if (event === 'queued') s.waiting = data.position;
        else return;
        updateStreamNode(key, s);
      },
    });
    for (const id of outcome?.kept ?? []) {
      kept.push(id);
      paragraphUi(id).notice = 'Giữ nguyên bản anh/chị sửa tay; bản mới soạn nằm trong “Các bản”.';
    }
    if (outcome && outcome.ok === false) {
      final = 'error';
      message = outcome.error?.message ?? s.message ?? 'Không soạn được mục này; văn bản trước đó được giữ nguyên.';
    }
  } catch (e) {
    if (isAbort(e)) {
      final = 'stopped';
      message = 'Đã dừng soạn mục này; văn bản trước đó được giữ nguyên.';
    } else {
      final = 'error';
      message = messageOf(e);
    }
  }
  // The section shows as streaming until the stored text is on the page, so it never reads "done" empty.
  if (state.draft?.id === draft.id) await hooks.reload();
  s.status = final;
  s.message = message;
  s.text = '';
  hooks.render();
}

/** Drafts the given sections (all the draft's sections by default), a few at a time. */
export async function draftAll(keys, { overwriteStaff = false } = {}) {
  const draft = state.draft;
  if (!draft) return;
  hooks.status?.('');
  // Notes of an earlier run no longer apply.
  for (const ui of state.paragraphs.values()) ui.notice = null;
  const kept = [];
  const todo = (keys ?? draftableKeys(draft)).filter((k) => state.sections.get(k)?.status !== 'streaming');
  for (const [key, s] of state.sections) if (s.status !== 'streaming' && s.status !== 'queued') state.sections.delete(key);
  const queued = todo.map((key) => {
    const s = { status: 'queued', text: '', controller: new AbortController() };
    state.sections.set(key, s);
    return [key, s];
  });
  hooks.render();
  let next = 0;
  const worker = async () => {
    while (next < queued.length) {
      const [key, s] = queued[next++];
      if (s.controller.signal.aborted) {
        s.status = 'stopped';
        s.message = 'Đã dừng trước khi soạn; văn bản trước đó được giữ nguyên.';
        continue;
      }
      await draftSection(key, s, { overwriteStaff, kept });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, queued.length) }, worker));
  // "Đã soạn xong" is news only until the next look: the text itself now shows it.
  for (const [key, s] of state.sections) if (s.status === 'done') state.sections.delete(key);
  if (kept.length && state.draft?.id === draft.id) {
    hooks.status?.(`Đã giữ nguyên ${kept.length} đoạn anh/chị đã sửa tay; bản mới soạn của các đoạn này nằm trong “Các bản”.`);
  }
  hooks.render();
}

export function stopSection(key) {
  const s = state.sections.get(key);
  if (!s) return;
  s.controller.abort();
  if (s.status === 'queued') {
    s.status = 'stopped';
    s.message = 'Đã dừng trước khi soạn; văn bản trước đó được giữ nguyên.';
    hooks.render();
  }
}

export function stopAll() {
  for (const [key, s] of state.sections) if (s.status === 'streaming' || s.status === 'queued') stopSection(key);
}

/** "Đang soạn 2/4 mục" while sections are in flight, else ''. */
export function progressText() {
  const all = [...state.sections.values()];
  const active = all.filter((s) => s.status === 'streaming' || s.status === 'queued');
  if (!active.length) return '';
  const finished = all.filter((s) => s.status === 'done' || s.status === 'error' || s.status === 'stopped').length;
  return `Đang soạn: xong ${finished}/${finished + active.length} mục`;
}
