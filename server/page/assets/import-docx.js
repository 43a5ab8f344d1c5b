// Starting from last period's document: upload a .docx, get a draft with its paragraphs kept and
// its figures marked; "Kỳ sau" also moves the trích yếu and date on to the next period.
import { el, $, errorOf, messageOf, ApiError, OFFLINE_MESSAGE, changingHeaders } from './dom.js';
import { hooks } from './state.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_BYTES = 20 * 1024 * 1024;

async function upload(file, nextPeriod) {
  if (!/\.docx$/i.test(file.name)) throw new ApiError(`Tệp “${file.name}” không phải văn bản Word .docx.`);
  if (file.size > MAX_BYTES) throw new ApiError('Tệp Word quá lớn (hơn 20 MB).');
  let res;
  try {
    res = await fetch(`/api/drafts/import${nextPeriod ? '?nextPeriod=1' : ''}`, { method: 'POST', headers: { 'Content-Type': DOCX, ...changingHeaders('POST') }, body: file });
  } catch {
    throw new ApiError(OFFLINE_MESSAGE);
  }
  if (!res.ok) throw await errorOf(res);
  return res.json();
}

function summary(file, draft) {
  const r = draft.import;
  const lines = [`Đã nhập “${file.name}”: ${r.paragraphs} đoạn trong ${r.sections} mục, ${r.marks} số liệu, ngày tháng được đánh dấu để cập nhật.`];
  for (const c of r.nextPeriod?.changes ?? []) lines.push(`Kỳ sau: “${c.from}” thành “${c.to}”.`);
  if (r.nextPeriod) lines.push('Ngày ban hành để trống ngày, số để trống cho văn thư.');
  lines.push(...r.notes);
  return lines;
}

/** The upload controls at the top of the drafts panel. */
export function wireDocxImport() {
  const input = el('input', { id: 'docx-file', class: 'sr-only', type: 'file', accept: `.docx,${DOCX}`, tabindex: -1, 'aria-hidden': 'true' });
  const next = el('input', { id: 'docx-next-period', type: 'checkbox' });
  const status = el('div', { id: 'docx-import-status', role: 'status', class: 'muted' });
  const error = el('p', { id: 'docx-import-error', class: 'error', role: 'alert', hidden: true });
  const button = el('button', { id: 'import-docx', type: 'button', class: 'small secondary', onclick: () => input.click() }, 'Nhập văn bản Word (.docx)');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    error.hidden = true;
    status.replaceChildren(`Đang đọc “${file.name}”…`);
    button.disabled = true;
    try {
      const draft = await upload(file, next.checked);
      status.replaceChildren(...summary(file, draft).map((line) => el('p', {}, line)));
      await hooks.openDraft(draft.id);
      await hooks.refreshList();
    } catch (e) {
      status.replaceChildren();
      error.textContent = messageOf(e);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  $('drafts-panel').prepend(
    el('div', { class: 'docx-import' }, button, el('label', { for: 'docx-next-period' }, next, ' Kỳ sau (đề xuất kỳ tiếp theo)'), input),
    status,
    error,
  );
}
