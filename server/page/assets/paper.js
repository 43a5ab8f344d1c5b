// The document as it will print (Nghị định 30 layout): header in two columns, tên loại and trích
// yếu, Kính gửi, numbered sections with their paragraphs, signature and Nơi nhận. Each section carries
// a thin bar (status, facts, redraft, stop) and its facts beside the prose; the bars and notes are
// screen-only and never part of the text.
import { el, $ } from './dom.js';
import { state, draftableKeys, sectionLabel } from './state.js';
import { withdrawnList, renderParagraph, findingList } from './paragraph.js';
import { requestDraft, stopSection, statusText } from './drafting.js';
import { factsEditor, factsSummary, toggleFacts, openFacts, factsOpen } from './brief-form.js';

function header(doc) {
  const h = doc.header;
  return el(
    'div',
    { class: 'doc-header' },
    el(
      'div',
      { class: 'col' },
      h.parentOrg ? el('div', {}, h.parentOrgPrint ?? h.parentOrg) : null,
      el('div', { class: 'b rule org' }, h.orgPrint ?? h.org),
      el('div', { class: 'number-line' }, h.numberLine),
      doc.template.vv ? el('div', { class: 'vv' }, h.subject) : null,
    ),
    el(
      'div',
      { class: 'col' },
      el('div', { class: 'b' }, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      el('div', { class: 'b motto rule' }, 'Độc lập - Tự do - Hạnh phúc'),
      el('div', { class: 'i date-line' }, h.dateLine),
    ),
  );
}

function title(doc) {
  if (!doc.header.typeName) return null;
  return el('div', { class: 'doc-title' }, el('div', { class: 'b type-name' }, doc.header.typeName), el('div', { class: 'b rule' }, doc.header.subject));
}

function kinhGui(doc) {
  if (!doc.header.kinhGui.length) return null;
  return el('div', { class: 'kinh-gui' }, doc.header.kinhGui.map((line, i) => el('div', { class: i ? 'recipient' : 'first' }, line)));
}

function signature(doc) {
  return el(
    'div',
    { class: 'doc-signature' },
    el('div', { class: 'col copies' }, el('div', { class: 'noi-nhan' }, 'Nơi nhận:'), doc.copies.map((c) => el('div', {}, c))),
    el('div', { class: 'col signer' }, doc.signer.lines.map((l) => el('div', { class: 'b' }, l)), el('div', { class: 'sign-space' }), el('div', { class: 'b' }, doc.signer.name)),
  );
}

function table(block) {
  return el(
    'table',
    { class: 'task-table' },
    el('thead', {}, el('tr', {}, block.columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, block.rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))),
  );
}

function sectionBar(section, s, hasText) {
  const streaming = s?.status === 'streaming' || s?.status === 'queued';
  const stale = section.paragraphs.some((p) => p.current.text && p.current.findings?.some((f) => f.rule === 'stale.header'));
  const chip = s ? statusText(s) : !hasText ? 'Chưa soạn' : stale ? 'Viết theo thông tin cũ' : '';
  const factCount = section.facts.length;
  return el(
    'div',
    { class: 'section-bar' },
    el('span', { class: 'section-name' }, sectionLabel(section)),
    el('span', { class: `status ${s?.status ?? (stale && hasText ? 'stale' : '')}`, 'aria-live': 'polite' }, chip),
    el(
      'span',
      { class: 'section-actions' },
      section.role === 'body' || factCount
        ? el(
            'button',
            { type: 'button', class: 'small secondary', 'aria-expanded': String(factsOpen(section.key)), 'data-focus': `facts-${section.key}-toggle`, onclick: () => toggleFacts(section.key) },
            `Các ý chính (${factCount})`,
          )
        : null,
      // "Dừng" comes in to the left while the draft button stays put (disabled): a second click never stops it.
      streaming
        ? el('button', { type: 'button', class: 'small danger', 'data-focus': `section-${section.key}-stop`, onclick: () => stopSection(section.key), 'aria-label': `Dừng soạn ${sectionLabel(section)}` }, 'Dừng')
        : null,
      el(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus': `section-${section.key}-draft`,
          disabled: streaming,
          onclick: () => requestDraft([section.key]),
          'aria-label': `${hasText ? 'Soạn lại' : 'Soạn'} ${sectionLabel(section)}`,
        },
        hasText ? 'Soạn lại mục' : 'Soạn mục này',
      ),
    ),
  );
}

function renderSection(d, section) {
  const s = state.sections.get(section.key);
  const blocks = d.document.body.filter((b) => b.section === section.key);
  const byId = new Map(section.paragraphs.map((p) => [p.id, p]));
  const hasText = blocks.some((b) => b.kind === 'paragraph');
  const node = el('section', { class: 'doc-section', 'data-section': section.key });
  node.append(sectionBar(section, s, hasText));
  if (s?.message && (s.status === 'error' || s.status === 'stopped')) {
    node.append(el('p', { class: s.status === 'error' ? 'error' : 'notice', role: s.status === 'error' ? 'alert' : 'status', 'data-section-error': section.key }, s.message));
  }
  node.append(factsEditor(section) ?? '');
  const prose = el('div', { class: 'section-body' });
  const streaming = s?.status === 'streaming';
  const heading = blocks.find((b) => b.kind === 'heading');
  if (streaming || !hasText) {
    if (heading) prose.append(el('h3', {}, heading.text));
    else if (section.role === 'body' && section.heading) prose.append(el('h3', { class: 'pending' }, section.heading));
  }
  if (streaming) {
    prose.append(
      el('p', { class: 'notice stream-note', hidden: !s.note }, s.note ?? ''),
      el('div', { class: 'para stream', 'data-stream': section.key, style: `min-height:${s.minHeight}px`, 'aria-busy': 'true' }, s.text),
    );
  } else if (hasText) {
    const shown = new Set();
    for (const b of blocks) {
      if (b.kind === 'heading') prose.append(el('h3', {}, b.text));
      else if (b.kind === 'subheading') prose.append(el('h4', {}, b.text));
      else if (b.kind === 'table') prose.append(table(b));
      else if (b.kind === 'paragraph' && !shown.has(b.paragraphId)) {
        shown.add(b.paragraphId);
        const p = byId.get(b.paragraphId);
        // A rewrite the model split in two prints as two blocks; staff see and edit them together, as stored.
        const text = blocks.filter((x) => x.kind === 'paragraph' && x.paragraphId === b.paragraphId).map((x) => x.text).join('\n\n');
        if (p) prose.append(renderParagraph(p, text));
      }
    }
  } else {
    prose.append(el('p', { class: 'placeholder' }, s?.status === 'queued' ? 'Mục này đang chờ đến lượt soạn…' : 'Mục này chưa được soạn.'));
  }
  const withdrawn = section.paragraphs.filter((p) => p.current.text === '' && p.current.author === 'staff');
  if (withdrawn.length && !streaming) prose.append(withdrawnList(withdrawn));
  const list = findingList(section.findings);
  if (list) prose.append(list);
  node.append(el('div', { class: 'section-grid' }, prose, factsSummary(section) ?? el('aside', { class: 'facts empty' })));
  return node;
}

/** Optional sections the brief has no facts for: a button each, to add facts and so the section. */
function optionalSections(d) {
  const keys = new Set(draftableKeys(d));
  const missing = d.sections.filter((s) => s.role === 'body' && !keys.has(s.key));
  if (!missing.length) return null;
  return el(
    'div',
    { class: 'add-sections' },
    el('span', { class: 'ui-label' }, 'Thêm mục:'),
    missing.map((s) =>
      factsOpen(s.key)
        ? el('div', { class: 'doc-section', 'data-section': s.key }, el('div', { class: 'section-bar' }, el('span', { class: 'section-name' }, sectionLabel(s))), factsEditor(s))
        : el('button', { type: 'button', class: 'small secondary', 'data-focus': `facts-${s.key}-toggle`, onclick: () => openFacts(s.key) }, sectionLabel(s)),
    ),
  );
}

function captureFocus() {
  const a = document.activeElement;
  const key = a?.dataset?.focus;
  if (!key) return null;
  return { key, start: a.selectionStart, end: a.selectionEnd };
}

function restoreFocus(f) {
  if (!f) return;
  const node = document.querySelector(`[data-focus="${CSS.escape(f.key)}"]`);
  if (!node || node.disabled) return;
  node.focus({ preventScroll: true });
  if (typeof f.start === 'number' && 'setSelectionRange' in node) {
    try {
      node.setSelectionRange(f.start, f.end);
    } catch {
      // Inputs of some types have no selection.
    }
  }
}

export function renderPaper() {
  const d = state.draft;
  const paper = $('paper');
  if (!d) {
    paper.replaceChildren();
    return;
  }
  const focus = captureFocus();
  const doc = d.document;
  const keys = new Set(draftableKeys(d));
  const body = el('div', { class: 'doc-body' }, d.sections.filter((s) => keys.has(s.key)).map((s) => renderSection(d, s)));
  // title() and kinhGui() give null where the type has none; replaceChildren would print "null".
  paper.replaceChildren(...[header(doc), title(doc), kinhGui(doc), body, signature(doc)].filter(Boolean));
  const extra = $('optional-sections');
  extra.replaceChildren(optionalSections(d) ?? '');
  restoreFocus(focus);
}

