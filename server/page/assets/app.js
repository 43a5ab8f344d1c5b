// soanthao page client: plain DOM, no framework, no CDN. Every text from the server goes in through
// textContent, never innerHTML, so a "<script>" typed by staff shows as text.

const $ = (id) => document.getElementById(id);
const state = { draft: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function api(path, options = {}) {
  let res;
  try {
    res = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...options });
  } catch {
    throw new Error('Không kết nối được máy chủ soanthao. Kiểm tra mạng rồi thử lại; dữ liệu đã lưu không bị mất.');
  }
  if (res.status === 204) return null;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body?.error;
    const details = (err?.issues ?? []).map((i) => (i.field ? `${i.field}: ${i.message}` : i.message));
    throw new Error([err?.message ?? `Lỗi máy chủ (${res.status})`, ...details].join('\n'));
  }
  return body;
}

function showError(target, error) {
  target.textContent = error ? error.message ?? String(error) : '';
  target.hidden = !error;
}

async function loadList() {
  const { drafts } = await api('/api/drafts');
  const list = $('draft-list');
  list.replaceChildren(
    ...drafts.map((d) =>
      el('li', {}, el('button', { type: 'button', class: state.draft?.id === d.id ? 'active' : '', onclick: () => openDraft(d.id) }, d.title)),
    ),
  );
  $('no-drafts').hidden = drafts.length > 0;
}

async function openDraft(id) {
  try {
    state.draft = await api(`/api/drafts/${encodeURIComponent(id)}`);
    history.replaceState(null, '', `#${id}`);
    render();
    showError($('draft-error'), null);
  } catch (e) {
    showError($('draft-error'), e);
  }
  loadList().catch(() => {});
}

function findingsOf(paragraph) {
  return paragraph.current.findings ?? [];
}

function renderParagraph(section, p) {
  const findings = findingsOf(p);
  const text = el('p', { class: `para${findings.some((f) => f.severity === 'error') ? ' has-error' : ''}`, 'data-paragraph-id': p.id }, p.current.text);
  const meta = el(
    'span',
    { class: 'meta' },
    `bản ${p.current.seq}/${p.revisionCount} · ${authorName(p.current)}`,
  );
  const edit = el('button', { type: 'button', class: 'small', onclick: () => startEdit(wrapper, p) }, 'Sửa');
  const wrapper = el('div', { class: 'paragraph' }, text, el('div', { class: 'para-tools' }, meta, edit));
  if (findings.length) wrapper.append(el('ul', { class: 'findings inline' }, findings.map((f) => el('li', { class: f.severity }, f.message))));
  return wrapper;
}

function authorName(revision) {
  if (revision.author === 'staff') return 'cán bộ sửa';
  if (revision.author === 'offline') return 'bộ soạn ngoại tuyến';
  return `mô hình ${revision.model ?? ''}`.trim();
}

function startEdit(wrapper, p) {
  const area = el('textarea', { rows: 5, class: 'edit', 'aria-label': 'Nội dung đoạn văn' });
  area.value = p.current.text;
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const save = el('button', { type: 'button', onclick: async () => {
    save.disabled = true;
    try {
      await api(`/api/drafts/${state.draft.id}/paragraphs/${p.id}`, { method: 'PUT', body: JSON.stringify({ text: area.value }) });
      await openDraft(state.draft.id);
    } catch (e) {
      showError(error, e);
      save.disabled = false;
    }
  } }, 'Lưu đoạn này');
  const cancel = el('button', { type: 'button', class: 'secondary', onclick: render }, 'Hủy');
  wrapper.replaceChildren(area, el('div', { class: 'para-tools' }, save, cancel), error);
  area.focus();
}

function render() {
  const d = state.draft;
  $('empty').hidden = !!d;
  $('draft').hidden = !d;
  if (!d) return;
  $('draft-title').textContent = d.title;
  $('download').href = `/api/drafts/${d.id}/export.docx`;
  const doc = d.document;
  const page = $('page');
  const header = el(
    'div',
    { class: 'doc-header' },
    el('div', { class: 'col left' }, doc.header.parentOrg ? el('div', {}, doc.header.parentOrg) : '', el('div', { class: 'b' }, doc.header.org), el('div', {}, doc.header.numberLine), doc.template.vv ? el('div', { class: 'vv' }, doc.header.subject) : ''),
    el('div', { class: 'col right' }, el('div', { class: 'b' }, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), el('div', { class: 'b' }, 'Độc lập - Tự do - Hạnh phúc'), el('div', { class: 'i' }, doc.header.dateLine)),
  );
  const title = doc.header.typeName ? el('div', { class: 'doc-title' }, el('div', { class: 'b' }, doc.header.typeName), el('div', { class: 'b' }, doc.header.subject)) : '';
  const recipients = el('div', { class: 'kinh-gui' }, doc.header.kinhGui.map((line, i) => el('div', { class: i ? 'recipient' : '' }, line)));
  const body = el('div', { class: 'doc-body' });
  for (const s of d.sections) {
    const visible = s.paragraphs.filter((p) => p.current.text !== '');
    if (!visible.length && !s.findings.length) continue;
    const block = el('section', { class: 'doc-section', 'data-section': s.key });
    if (s.heading && visible.length) block.append(el('h3', {}, s.heading));
    let lastPart = null;
    for (const p of visible) {
      if (p.part !== null && p.part !== lastPart && s.parts[p.part]) block.append(el('h4', {}, `${p.part + 1}. ${s.parts[p.part]}`));
      lastPart = p.part;
      block.append(renderParagraph(s, p));
    }
    if (s.findings.length) block.append(el('ul', { class: 'findings inline' }, s.findings.map((f) => el('li', { class: f.severity }, f.message))));
    block.append(el('button', { type: 'button', class: 'small', onclick: () => redraftSection(s.key) }, 'Soạn lại mục này'));
    body.append(block);
  }
  const signature = el(
    'div',
    { class: 'doc-signature' },
    el('div', { class: 'col left' }, el('div', { class: 'noi-nhan' }, 'Nơi nhận:'), doc.copies.map((c) => el('div', { class: 'copy' }, c))),
    el('div', { class: 'col right' }, doc.signer.lines.map((l) => el('div', { class: 'b' }, l)), el('div', { class: 'sign-space' }), el('div', { class: 'b' }, doc.signer.name)),
  );
  page.replaceChildren(header, title, recipients, body, signature);
}

async function redraftSection(key) {
  try {
    const r = await api(`/api/drafts/${state.draft.id}/sections/${key}/draft`, { method: 'POST' });
    if (!r.ok && r.error) showError($('draft-error'), new Error(r.error.message));
    await openDraft(state.draft.id);
  } catch (e) {
    showError($('draft-error'), e);
  }
}

async function createDraft() {
  const button = $('create');
  button.disabled = true;
  showError($('create-error'), null);
  try {
    const text = $('brief-text').value.trim();
    if (!text) throw new Error('Chưa có ý liệu: chọn tệp .json hoặc dán nội dung vào ô trên.');
    let brief;
    try {
      brief = JSON.parse(text);
    } catch (e) {
      throw new Error(`Ý liệu không phải JSON hợp lệ: ${e.message}`);
    }
    const created = await api('/api/drafts', { method: 'POST', body: JSON.stringify({ brief }) });
    const result = await api(`/api/drafts/${created.id}/draft`, { method: 'POST' });
    const failed = result.sections.filter((s) => !s.ok);
    await openDraft(created.id);
    if (failed.length) showError($('draft-error'), new Error(failed.map((s) => `${s.section}: ${s.error.message}`).join('\n')));
  } catch (e) {
    showError($('create-error'), e);
  } finally {
    button.disabled = false;
  }
}

$('brief-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  if (file.size > 1024 * 1024) {
    showError($('create-error'), new Error('Tệp ý liệu quá lớn (hơn 1 MB).'));
    return;
  }
  $('brief-text').value = await file.text();
});
$('create').addEventListener('click', createDraft);
$('redraft-all').addEventListener('click', async () => {
  try {
    await api(`/api/drafts/${state.draft.id}/draft`, { method: 'POST' });
    await openDraft(state.draft.id);
  } catch (e) {
    showError($('draft-error'), e);
  }
});
$('run-check').addEventListener('click', async () => {
  try {
    const { findings } = await api(`/api/drafts/${state.draft.id}/check`, { method: 'POST' });
    await openDraft(state.draft.id);
    $('findings').replaceChildren(
      ...(findings.length ? findings.map((f) => el('li', { class: f.severity }, f.message)) : [el('li', { class: 'ok' }, 'Không phát hiện lỗi nào.')]),
    );
  } catch (e) {
    showError($('draft-error'), e);
  }
});

loadList().catch((e) => showError($('create-error'), e));
if (location.hash.length > 1) openDraft(decodeURIComponent(location.hash.slice(1)));
