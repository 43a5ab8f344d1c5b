// Beside a paragraph, the abbreviations the draft kept as written because nobody could say what
// they mean: their meanings as buttons, "Giữ nguyên", or a meaning typed. The answer joins the
// office's glossary (every later draft uses it) and the paragraph's section is drafted again.
import { el, api, messageOf } from './dom.js';
import { draftAll } from './drafting.js';
import { state, hooks } from './state.js';

/** Per abbreviation: `{ busy, error }` while an answer is being saved. */
const answering = new Map();

/**
 * The office's glossary as last read: a draft written before an answer still carries the question,
 * which then shows the meaning already chosen and offers to redraft instead. null until read.
 */
let known = null;
let reading = false;

function readGlossary() {
  if (known || reading) return;
  reading = true;
  api('/api/profile/glossary').then(
    ({ glossary }) => glossaryChanged(glossary),
    () => (reading = false),
  );
}

/** The glossary changed elsewhere on the page (the profile panel): questions show it at once. */
export function glossaryChanged(glossary) {
  known = glossary;
  reading = false;
  hooks.render();
}

/** Every section of the open draft that kept this abbreviation, the given one first. */
function sectionsAsking(abbr, first) {
  const asking = (state.draft?.sections ?? []).filter((s) => s.paragraphs.some((p) => (p.current.findings ?? []).some((f) => f.ask?.abbr === abbr))).map((s) => s.key);
  return [first, ...asking.filter((k) => k !== first)];
}

async function answer(sectionKey, abbr, meaning) {
  const clean = meaning.normalize('NFC').trim();
  const ui = { busy: true, error: null };
  answering.set(abbr, ui);
  rerender(abbr);
  try {
    await api('/api/profile/glossary', { method: 'POST', body: { abbr, meaning: clean } });
  } catch (e) {
    ui.busy = false;
    ui.error = messageOf(e);
    rerender(abbr);
    return;
  }
  answering.delete(abbr);
  if (known) known = { ...known, [abbr]: clean };
  await draftAll(sectionsAsking(abbr, sectionKey));
}

/** Only the answer blocks of that abbreviation change while it is saved: the rest of the page stays as it is. */
function rerender(abbr) {
  for (const node of document.querySelectorAll('.glossary-ask')) {
    if (node.dataset.abbr !== abbr) continue;
    node.replaceWith(askBlock(node.dataset.section, JSON.parse(node.dataset.ask)));
  }
}

function askBlock(sectionKey, ask) {
  const chosen = known?.[ask.abbr];
  if (chosen !== undefined) {
    return el(
      'div',
      { class: 'glossary-ask', dataset: { abbr: ask.abbr, section: sectionKey, ask: JSON.stringify(ask) } },
      el('span', { class: 'glossary-question' }, chosen === ask.abbr ? `Cơ quan đã chọn giữ nguyên "${ask.abbr}".` : `Bảng chữ viết tắt của cơ quan đã ghi ${ask.abbr} là "${chosen}".`),
      el('button', { type: 'button', class: 'small', onclick: () => draftAll(sectionsAsking(ask.abbr, sectionKey)) }, 'Soạn lại theo nghĩa này'),
    );
  }
  const ui = answering.get(ask.abbr) ?? { busy: false, error: null };
  const typed = el('input', { type: 'text', class: 'glossary-typed', 'aria-label': `Nghĩa của ${ask.abbr}`, placeholder: 'gõ nghĩa khác', maxlength: 200 });
  const choose = (meaning) => () => {
    if (!ui.busy) void answer(sectionKey, ask.abbr, meaning);
  };
  return el(
    'div',
    { class: 'glossary-ask', role: 'group', 'aria-label': ask.question, dataset: { abbr: ask.abbr, section: sectionKey, ask: JSON.stringify(ask) } },
    el('span', { class: 'glossary-question' }, ask.question),
    ask.candidates.map((c) => el('button', { type: 'button', class: 'small', disabled: ui.busy, onclick: choose(c) }, c)),
    el('button', { type: 'button', class: 'small secondary', disabled: ui.busy, title: 'Giữ chữ viết tắt như đã viết, không hỏi lại', onclick: choose(ask.abbr) }, 'Giữ nguyên'),
    el(
      'form',
      {
        class: 'glossary-type',
        onsubmit: (e) => {
          e.preventDefault();
          if (!typed.value.trim()) {
            ui.error = `Hãy gõ nghĩa của ${ask.abbr}.`;
            answering.set(ask.abbr, ui);
            rerender(ask.abbr);
            return;
          }
          choose(typed.value)();
        },
      },
      typed,
      el('button', { type: 'submit', class: 'small secondary', disabled: ui.busy }, 'Ghi nghĩa'),
    ),
    ui.busy ? el('span', { class: 'muted', role: 'status' }, 'Đang ghi vào bảng chữ viết tắt…') : null,
    ui.error ? el('p', { class: 'error', role: 'alert' }, ui.error) : null,
  );
}

/** The answer blocks of a paragraph's abbreviation questions, or null when it has none. */
export function glossaryAnswers(paragraph, findings) {
  if (!state.draft) return null;
  const asks = findings.filter((f) => f.rule === 'abbreviation.unclear' && f.ask);
  if (asks.length === 0) return null;
  readGlossary();
  return el(
    'div',
    { class: 'glossary-asks' },
    asks.map((f) => askBlock(paragraph.sectionKey, f.ask)),
  );
}
