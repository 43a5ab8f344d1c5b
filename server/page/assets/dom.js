// Small DOM and HTTP helpers shared by the page's modules. Text from the server only ever enters the
// page through text nodes (textContent), never innerHTML, so "<script>" typed by staff shows as text.

/** An element with attributes, listeners (`onclick`) and children (nodes or strings). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
    // Through the CSSOM: the Content-Security-Policy refuses style attributes set as markup.
    else if (k === 'style') node.style.cssText = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false || c === '') continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

/** A request that failed: the server's Vietnamese message, its code and the fields at fault. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = '', issues = [] } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export const OFFLINE_MESSAGE = 'Không kết nối được máy chủ soanthao. Kiểm tra mạng rồi thử lại; dữ liệu đã lưu không bị mất.';

export async function errorOf(res) {
  const body = await res.json().catch(() => null);
  const err = body?.error;
  const fallback = res.status === 404 ? 'Không tìm thấy trên máy chủ (404).' : `Máy chủ báo lỗi (${res.status}). Xin thử lại.`;
  return new ApiError(err?.message ?? fallback, { status: res.status, code: err?.code ?? '', issues: err?.issues ?? [] });
}

/**
 * A fresh key for one user action. crypto.getRandomValues works on plain http too (an office server
 * on the LAN is not a secure context, where randomUUID is missing).
 */
export function actionKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Headers of a request that changes something: the server answers a repeat of its key with the first answer. */
export function changingHeaders(method, key = actionKey()) {
  return method === 'GET' || method === 'HEAD' ? {} : { 'Idempotency-Key': key };
}

/** JSON over fetch; throws an ApiError with a Vietnamese message. */
export async function api(path, { method = 'GET', body, signal, key } = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      signal,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...changingHeaders(method, key) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(OFFLINE_MESSAGE);
  }
  // The session ended (expired, logged out elsewhere, password changed): log in again.
  if (res.status === 401 && path !== '/api/session') location.assign('/dang-nhap');
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return null;
  return res.json();
}

/** The message of an error, with the fields at fault one per line. */
export function messageOf(error) {
  if (!error) return '';
  const issues = (error.issues ?? [])
    .filter((i) => !(SELF_EXPLAINED.has(i.field) && error.message?.includes(i.message)))
    .map((i) => (SELF_EXPLAINED.has(i.field) ? i.message : `${fieldLabel(i.field)}: ${i.message}`));
  return [error.message ?? String(error), ...issues].join('\n');
}

const FIELD_LABELS = {
  'header.parentOrg': 'Cơ quan chủ quản',
  'header.org': 'Cơ quan ban hành',
  'header.number': 'Số',
  'header.symbol': 'Ký hiệu',
  'header.place': 'Địa danh',
  'header.date': 'Ngày ban hành',
  'header.subject': 'Trích yếu',
  'header.recipients': 'Kính gửi',
  'signer.lines': 'Quyền hạn, chức vụ người ký',
  'signer.name': 'Họ tên người ký',
  copies: 'Nơi nhận',
  archive: 'Lưu',
  sections: 'Các mục',
  orgName: 'Tên cơ quan trong văn bản',
  place: 'Địa danh',
  symbolSuffix: 'Ký hiệu cơ quan',
  unit: 'Đơn vị soạn thảo',
  signers: 'Người ký',
  template: 'Loại văn bản',
  title: 'Tên bản thảo',
  instruction: 'Yêu cầu',
  revisionId: 'Bản',
};

/** Fields whose message already says everything (the text of a message or paragraph). */
const SELF_EXPLAINED = new Set(['text', '', 'file']);

export function fieldLabel(field) {
  const bare = field.replace(/^brief\./, '');
  const section = /^sections\.(\d+)(?:\.(facts|parts|tasks|key|title))?/.exec(bare);
  if (section) return `Mục thứ ${Number(section[1]) + 1}${section[2] === 'facts' ? ', các ý chính' : section[2] === 'tasks' ? ', bảng nhiệm vụ' : ''}`;
  return FIELD_LABELS[bare] ?? FIELD_LABELS[bare.replace(/\.\d+$/, '')] ?? field;
}

/** A labelled form field with its own role=alert line beneath, for the server's message about it. */
export function formField(id, label, input) {
  const alert = el('p', { class: 'error field-error', role: 'alert', hidden: true, id: `${id}-error` });
  input.setAttribute('aria-describedby', alert.id);
  return { row: el('div', { class: 'field' }, el('label', { for: id }, label), input, alert), alert };
}

/**
 * Puts each of a 422's issues beside its field (`alertFor` finds the field's alert line); what has
 * no field on the form goes, with the request's message, into the form's own alert.
 */
export function showFieldIssues(err, formError, alertFor) {
  const unplaced = [];
  for (const issue of err.issues ?? []) {
    const alert = alertFor(issue.field);
    if (alert) {
      alert.textContent = [alert.hidden ? '' : alert.textContent, issue.message].filter(Boolean).join('\n');
      alert.hidden = false;
    } else unplaced.push(`${fieldLabel(issue.field)}: ${issue.message}`);
  }
  formError.textContent = [err.message, ...unplaced].join('\n');
  formError.hidden = false;
}

/** Shows (or clears, with a null error) an error in its role=alert element next to the control. */
export function showError(target, error) {
  if (!target) return;
  target.textContent = messageOf(error);
  target.hidden = !error;
}

/**
 * A click handler that disables its button until the action ends, so a double click acts once.
 * `action` gets the event; a rejection it does not handle is left to it (it should show errors).
 */
export function once(action) {
  return async (event) => {
    const button = event?.currentTarget;
    if (button?.disabled || button?.dataset.busy === 'true') return;
    if (button) {
      button.disabled = true;
      button.dataset.busy = 'true';
      button.setAttribute('aria-busy', 'true');
    }
    try {
      await action(event);
    } finally {
      if (button) {
        button.disabled = false;
        delete button.dataset.busy;
        button.removeAttribute('aria-busy');
      }
    }
  };
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

const TIME = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

export function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : TIME.format(d);
}

/** Who wrote a revision, as staff read it. */
export function authorName(revision) {
  if (revision.author === 'staff') return 'cán bộ sửa tay';
  if (revision.author === 'offline') return 'bộ soạn ngoại tuyến';
  return revision.model ? `mô hình ${revision.model}` : 'mô hình ngôn ngữ';
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export function linesOf(text) {
  return text
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/^\s*[-–•*]\s+/, '').trim())
    .filter(Boolean);
}
