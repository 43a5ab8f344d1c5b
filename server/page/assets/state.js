// The page's state, in one place: the open draft as the server last sent it, and what the page is
// doing with it (streams, open editors). Rendering reads only from here, so a re-render restores
// every open editor as it was.

export const state = {
  /** `{ id, name, sections }` of each document type, from /api/templates. */
  templates: [],
  /** The open draft (DraftDetail), or null. */
  draft: null,
  /** The conversation on the left (Conversation), or null before the first message. */
  conversation: null,
  /** Per section key: `{ status: 'streaming' | 'done' | 'error' | 'stopped', text, note, message, controller, minHeight }`. */
  sections: new Map(),
  /** Per paragraph id: `{ mode: 'view' | 'edit' | 'redraft' | 'revisions', ... }`. */
  paragraphs: new Map(),
  /** Per section key: facts editor open, its unsaved text and its error. */
  facts: new Map(),
};

/** Functions the modules call on each other, wired once by app.js (avoids import cycles). */
export const hooks = {
  render: () => {},
  reload: async () => {},
  openDraft: async () => {},
  renderChat: () => {},
  refreshList: async () => {},
};

export function paragraphUi(id) {
  let ui = state.paragraphs.get(id);
  if (!ui) {
    ui = { mode: 'view' };
    state.paragraphs.set(id, ui);
  }
  return ui;
}

export function sectionUi(key) {
  return state.sections.get(key);
}

export function templateOf(id) {
  return state.templates.find((t) => t.id === id);
}

/** Sections a draft writes: the opening and closing always, body sections where the brief has facts. */
export function draftableKeys(draft) {
  return draft.sections.filter((s) => s.role !== 'body' || draft.brief.sections.some((b) => b.key === s.key)).map((s) => s.key);
}

export function isStreaming() {
  for (const s of state.sections.values()) if (s.status === 'streaming') return true;
  for (const p of state.paragraphs.values()) if (p.streaming) return true;
  return false;
}

/** A short label of a section for the toolbar: its heading without the number, or its role. */
export function sectionLabel(section) {
  return section.label;
}
