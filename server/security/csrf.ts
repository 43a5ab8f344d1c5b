import type { MiddlewareHandler } from 'hono';
import { DraftError } from '../errors.js';
import { seenRequest } from './forwarded.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The content types an HTML form can send to another site without the browser asking first. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(;|$)/i;

export interface CsrfInput {
  method: string;
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | undefined;
  contentType: string | undefined;
  /** Our own origin as the browser sees it, e.g. `http://127.0.0.1:8080`. */
  ownOrigin: string;
}

export type CsrfVerdict = { allowed: true } | { allowed: false; message: string };

const CROSS_SITE =
  'Yêu cầu thay đổi dữ liệu bị từ chối vì được gửi từ một trang web khác, không phải từ trang soanthao. Hãy thao tác trực tiếp trên trang soanthao.';
const FORM_WITHOUT_ORIGIN =
  'Yêu cầu thay đổi dữ liệu bị từ chối: không rõ nguồn gửi và kiểu nội dung giống biểu mẫu web. Nếu gửi bằng công cụ dòng lệnh, hãy ghi rõ kiểu nội dung (ví dụ Content-Type: application/json, hoặc application/octet-stream cho tệp .docx).';

/**
 * Whether a request may change data. Safe methods always may. A browser tells us where a request
 * comes from: Sec-Fetch-Site (modern browsers) must say same-origin (same-site is refused too: a
 * sibling sub-domain or another port on localhost is another application), otherwise Origin must be
 * ours. A request with neither comes from a command-line client (curl, scripts) and may pass, except
 * with a content type an old browser's cross-site form could have sent without those headers.
 */
export function csrfVerdict(input: CsrfInput): CsrfVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true };
  if (input.secFetchSite !== undefined) {
    return input.secFetchSite.trim().toLowerCase() === 'same-origin' ? { allowed: true } : { allowed: false, message: CROSS_SITE };
  }
  if (input.origin !== undefined) {
    return sameOrigin(input.origin, input.ownOrigin) ? { allowed: true } : { allowed: false, message: CROSS_SITE };
  }
  if (input.contentType !== undefined && FORM_TYPES.test(input.contentType)) return { allowed: false, message: FORM_WITHOUT_ORIGIN };
  return { allowed: true };
}

function sameOrigin(origin: string, own: string): boolean {
  // `null` (sandboxed frames, privacy redirects) and anything unparsable are foreign.
  try {
    return new URL(origin).origin === new URL(own).origin;
  } catch {
    return false;
  }
}

/** Refuses (403) a state-changing request another site made the browser send. */
export function csrfGuard(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    const seen = seenRequest(c, trustProxy);
    const verdict = csrfVerdict({
      method: c.req.method,
      origin: c.req.header('origin'),
      secFetchSite: c.req.header('sec-fetch-site'),
      contentType: c.req.header('content-type'),
      ownOrigin: `${seen.protocol}://${seen.host}`,
    });
    if (!verdict.allowed) throw new DraftError('forbidden', verdict.message);
    await next();
  };
}
