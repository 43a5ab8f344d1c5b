// Before the .docx: the findings still open (the draft's checks and the Nghị định 30 check of the
// exported file), each with a way to the paragraph it is about; then the downloads (.docx, PDF) and
// the first page as printed. Also: the
// document as plain text, to the clipboard.
import { el, api, errorOf, messageOf, fieldLabel, ApiError, OFFLINE_MESSAGE } from './dom.js';
import { state, hooks, sectionLabel } from './state.js';

const SEVERITY = { error: 'Lỗi', warning: 'Lưu ý' };

function place(finding) {
  const where = finding.where ?? {};
  const section = state.draft.sections.find((s) => s.key === where.section);
  const parts = [];
  if (section) {
    parts.push(sectionLabel(section));
    if (typeof where.paragraph === 'number') parts.push(`đoạn ${where.paragraph + 1}`);
  }
  // Brief fields have Vietnamese names; the .docx checker's own locations mean nothing to staff.
  const field = where.field ? fieldLabel(where.field) : '';
  if (field && field !== where.field) parts.push(field);
  return parts.join(', ');
}

function paragraphNode(finding) {
  const where = finding.where ?? {};
  if (!where.section) return null;
  const section = document.querySelector(`[data-section="${where.section}"]`);
  if (!section) return null;
  if (typeof where.paragraph === 'number') {
    const s = state.draft.sections.find((x) => x.key === where.section);
    const p = s?.paragraphs.find((x) => x.position === where.paragraph);
    if (p) return section.querySelector(`[data-paragraph-id="${p.id}"]`) ?? section;
  }
  return section;
}

function findingItem(f) {
  const target = paragraphNode(f);
  const where = place(f);
  return el(
    'li',
    { class: f.severity },
    el('strong', {}, `${SEVERITY[f.severity] ?? 'Lưu ý'}${where ? ` (${where})` : ''}: `),
    f.message,
    target
      ? el('button', {
          type: 'button',
          class: 'small link',
          onclick: () => {
            target.scrollIntoView({ block: 'center' });
            target.classList.add('flash');
            setTimeout(() => target.classList.remove('flash'), 1500);
            target.querySelector('button')?.focus({ preventScroll: true });
          },
        }, 'Xem')
      : null,
  );
}

/** Checks the draft and fills the export panel; the download link comes last. */
export async function openExport(panel, onClose) {
  const id = state.draft.id;
  panel.hidden = false;
  panel.replaceChildren(el('h3', {}, 'Xuất văn bản'), el('p', { class: 'muted', role: 'status' }, 'Đang kiểm tra văn bản…'));
  let draftFindings = [];
  let nd30 = [];
  let nd30Note = null;
  try {
    draftFindings = (await api(`/api/drafts/${id}/check`, { method: 'POST' })).findings;
    // Text typed without accents that staff have not confirmed is listed before it is printed.
    draftFindings.push(...(await api(`/api/accents/drafts/${encodeURIComponent(id)}`)).findings);
  } catch (e) {
    panel.replaceChildren(el('h3', {}, 'Xuất văn bản'), el('p', { class: 'error', role: 'alert' }, messageOf(e)), close(onClose));
    return;
  }
  try {
    nd30 = (await api(`/api/drafts/${id}/nd30`)).findings;
  } catch (e) {
    nd30Note = `Chưa kiểm tra được thể thức Nghị định 30: ${messageOf(e)}`;
  }
  await hooks.reload();
  if (state.draft?.id !== id) return;
  const all = [...draftFindings, ...nd30];
  // Sections not drafted yet would be missing from the file: listed first, and never "sẵn sàng".
  const undrafted = draftFindings.filter((f) => f.rule === 'draft.section-missing');
  const content = draftFindings.filter((f) => f.rule !== 'draft.section-missing');
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  // An empty download attribute keeps the server's file name (số, ký hiệu, trích yếu).
  const download = el('a', { class: 'button', id: 'download-docx', href: `/api/drafts/${encodeURIComponent(id)}/export.docx`, download: '' }, all.length ? 'Vẫn tải về .docx' : 'Tải về .docx');
  const pdf = el('a', { class: 'button secondary', id: 'download-pdf', href: `/api/drafts/${encodeURIComponent(id)}/export.pdf`, download: '' }, 'Tải về PDF');
  // A draft with open errors is never exported by a stray click: staff first say they have read them.
  const confirmation = errors ? exportConfirmation(errors, [download, pdf]) : null;
  const parts = [
    el('h3', {}, 'Xuất văn bản (.docx, PDF)'),
    el('p', { class: all.length ? 'warning-text' : 'ok-text', role: 'status', id: 'export-readiness' }, readiness(undrafted.length, errors - undrafted.length, warnings, !!nd30Note)),
    undrafted.length ? [el('h4', {}, 'Mục chưa soạn'), el('ul', { class: 'findings export-findings', id: 'export-undrafted' }, undrafted.map(findingItem))] : null,
    content.length ? [el('h4', {}, 'Nội dung'), el('ul', { class: 'findings export-findings' }, content.map(findingItem))] : null,
    nd30.length ? [el('h4', {}, 'Thể thức (Nghị định 30)'), el('ul', { class: 'findings export-findings' }, nd30.map(findingItem))] : null,
    nd30Note ? el('p', { class: 'notice' }, nd30Note) : null,
    confirmation,
    el('div', { class: 'row' }, download, pdf, close(onClose)),
    printPreview(id),
  ];
  panel.replaceChildren(...parts.flat().filter(Boolean));
  panel.querySelector(errors ? '#confirm-export' : '#download-docx').focus();
}

/** The box staff tick to export with errors still open; until then the link does nothing but point to it. */
function exportConfirmation(errors, links) {
  const box = el('input', { type: 'checkbox', id: 'confirm-export', onchange: () => links.forEach((a) => a.setAttribute('aria-disabled', String(!box.checked))) });
  for (const link of links) {
    link.setAttribute('aria-disabled', 'true');
    link.addEventListener('click', (e) => {
      if (box.checked) return;
      e.preventDefault();
      box.focus();
    });
  }
  return el('p', { class: 'confirm-export' }, el('label', { for: 'confirm-export' }, box, ` Đã xem ${errors} lỗi ở trên, vẫn xuất tệp`));
}

/** "Sẵn sàng" only when nothing is missing, wrong or unchecked; otherwise what is left, counted. */
function readiness(undrafted, errors, warnings, unchecked) {
  const left = [undrafted ? `${undrafted} mục chưa soạn` : '', errors ? `${errors} lỗi` : '', warnings ? `${warnings} lưu ý` : ''].filter(Boolean);
  if (undrafted || errors) return `Chưa sẵn sàng: còn ${left.join(', ')}. Nên xử lý trước khi tải về; muốn tải về ngay thì đánh dấu xác nhận bên dưới.`;
  if (warnings) return `Không còn lỗi; còn ${left.join(', ')} nên xem lại trước khi tải về.`;
  if (unchecked) return 'Không còn lỗi hay lưu ý nào trong nội dung; chưa kiểm tra được thể thức.';
  return 'Không còn lỗi hay lưu ý nào. Văn bản sẵn sàng để tải về.';
}

/** The first page as LibreOffice prints it; where it cannot print, the reason, and no PDF button. */
function printPreview(id) {
  const box = el('figure', { class: 'print-preview', id: 'print-preview' }, el('p', { class: 'muted', role: 'status' }, 'Đang dựng trang đầu như khi in…'));
  fetch(`/api/drafts/${encodeURIComponent(id)}/preview.png`)
    .then(async (res) => {
      if (!res.ok) throw await errorOf(res);
      const url = URL.createObjectURL(await res.blob());
      const img = el('img', { src: url, alt: 'Trang đầu của văn bản khi in', width: 496 });
      img.addEventListener('load', () => URL.revokeObjectURL(url));
      box.replaceChildren(img, el('figcaption', { class: 'muted' }, 'Trang đầu khi in (bản PDF)'));
    })
    .catch((failure) => {
      const e = failure instanceof ApiError ? failure : new ApiError(OFFLINE_MESSAGE);
      box.replaceChildren(el('p', { class: 'notice', role: 'alert' }, `Chưa xem trước được trang in: ${messageOf(e)}`));
      if (e.code === 'pdf_unavailable') box.closest('.export-panel')?.querySelector('#download-pdf')?.remove();
    });
  return box;
}

function close(onClose) {
  return el('button', { type: 'button', class: 'secondary', onclick: onClose }, 'Đóng');
}

/** The document as plain text, in print order. */
export function documentText(doc) {
  const h = doc.header;
  const lines = [];
  if (h.parentOrg) lines.push(h.parentOrg);
  lines.push(h.org, h.numberLine);
  if (doc.template.vv) lines.push(h.subject);
  lines.push('', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', h.dateLine, '');
  if (h.typeName) lines.push(h.typeName, h.subject, '');
  if (h.kinhGui.length) lines.push(...h.kinhGui, '');
  for (const b of doc.body) lines.push(b.text);
  lines.push('', ...doc.signer.lines, '', doc.signer.name, '', 'Nơi nhận:', ...doc.copies);
  return lines.join('\n');
}

export async function copyDocument() {
  const text = documentText(state.draft.document);
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // An office server reached over plain http is not a secure context: copy through a selection.
  const area = el('textarea', { class: 'sr-only', readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('Trình duyệt không cho sao chép tự động. Hãy chọn văn bản rồi bấm Ctrl+C.');
}
