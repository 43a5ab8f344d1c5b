import OpenAI from 'openai';
import { DraftError } from '../../errors.js';
import { RetryLater } from './retry.js';

export interface ErrorContext {
  baseURL: string;
  model: string;
  timeoutMs: number;
}

const KEPT = 'Văn bản trước đó được giữ nguyên.';

/** The stream ended without its closing chunk: the connection was cut halfway. */
export class StreamCut extends Error {}
/** No chunk arrived for the whole timeout while streaming. */
export class StreamStalled extends Error {}

/**
 * One mapping from whatever the model server or the connection did to a DraftError whose
 * Vietnamese message says what happened and what to do.
 */
export function modelError(error: unknown, ctx: ErrorContext, signal?: AbortSignal): DraftError {
  if (error instanceof DraftError) return error;
  const cause = { cause: error };
  const seconds = Math.round(ctx.timeoutMs / 1000);
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) {
    return new DraftError('cancelled', `Đã dừng soạn. ${KEPT}`, [], cause);
  }
  if (error instanceof StreamStalled || error instanceof OpenAI.APIConnectionTimeoutError) {
    return new DraftError(
      'provider_timeout',
      `Máy chủ mô hình không trả lời trong ${seconds} giây. Hãy thử lại sau, hoặc tăng SOANTHAO_TIMEOUT_MS. ${KEPT}`,
      [],
      cause,
    );
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new DraftError(
      'provider_unreachable',
      `Không kết nối được máy chủ mô hình tại ${ctx.baseURL}. Kiểm tra máy chủ đã bật và địa chỉ OPENAI_BASE_URL đúng. ${KEPT}`,
      [],
      cause,
    );
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new DraftError('provider_auth', `Máy chủ mô hình từ chối khóa truy cập (${error.status}). Kiểm tra OPENAI_API_KEY. ${KEPT}`, [], cause);
  }
  if (error instanceof OpenAI.NotFoundError) {
    return new DraftError(
      'provider_failed',
      `Máy chủ mô hình không có mô hình "${ctx.model}" (404). Kiểm tra tên mô hình trong SOANTHAO_MODEL. ${KEPT}`,
      [],
      cause,
    );
  }
  if (error instanceof RetryLater) {
    const limited = error.cause instanceof OpenAI.RateLimitError;
    const status = error.cause instanceof OpenAI.APIError ? error.cause.status : undefined;
    const state = limited ? 'quá tải (429)' : `bận${status ? ` (${status})` : ''}`;
    return new DraftError(limited ? 'provider_rate_limited' : 'provider_failed', `Máy chủ mô hình đang ${state} và đề nghị chờ ${waitPhrase(error.waitMs)}. Hãy thử lại sau ${waitPhrase(error.waitMs)} (khoảng ${clock(error.waitMs)}). ${KEPT}`, [], cause);
  }
  if (error instanceof OpenAI.RateLimitError) {
    const after = error.headers?.get('retry-after');
    const wait = after && /^\d+$/.test(after) ? ` Máy chủ đề nghị chờ ${after} giây.` : '';
    return new DraftError('provider_rate_limited', `Máy chủ mô hình đang quá tải (429).${wait} Hãy thử lại sau ít phút. ${KEPT}`, [], cause);
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    if (error.status >= 500) {
      return new DraftError(
        'provider_failed',
        `Máy chủ mô hình gặp lỗi (${error.status}). Hãy thử lại sau; nếu còn lỗi, báo người quản trị máy chủ mô hình. ${KEPT}`,
        [],
        cause,
      );
    }
    return new DraftError('provider_failed', `Máy chủ mô hình không nhận yêu cầu (${error.status}): ${error.message}. ${KEPT}`, [], cause);
  }
  if (error instanceof StreamCut || (error instanceof TypeError && /terminated|socket|fetch failed/i.test(error.message))) {
    return new DraftError(
      'provider_failed',
      `Kết nối tới máy chủ mô hình bị ngắt giữa chừng; phần đang soạn dở không được lưu. ${KEPT}`,
      [],
      cause,
    );
  }
  return new DraftError('provider_failed', `Lỗi khi gọi máy chủ mô hình: ${(error as Error)?.message ?? String(error)}. ${KEPT}`, [], cause);
}

/** "45 giây", "02 phút", "01 giờ": a wait as staff read it. */
export function waitPhrase(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds < 60) return `${two(seconds)} giây`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${two(minutes)} phút`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${two(hours)} giờ` : `${two(hours)} giờ ${two(rest)} phút`;
}

/** The time of day when the wait ends, as "14 giờ 05". */
function clock(ms: number): string {
  const at = new Date(Date.now() + ms);
  return `${String(at.getHours()).padStart(2, '0')} giờ ${String(at.getMinutes()).padStart(2, '0')}`;
}
