// Drafting over server-sent events: a POST whose answer streams `section-start`, `queued` (the place
// in the model's line), `text`, `retry`, `section-done`, `paragraph-done` and `error` events, then
// `done` with the result. Aborting the signal closes the connection, and the server then stops the
// model and keeps the old text.
import { ApiError, OFFLINE_MESSAGE, errorOf, changingHeaders } from './dom.js';

const CUT = 'Kết nối bị ngắt trước khi soạn xong; văn bản trước đó được giữ nguyên. Xin thử lại.';

function abortError() {
  const e = new Error('Đã dừng.');
  e.name = 'AbortError';
  return e;
}

function parseBlock(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return { event, data: data.length ? JSON.parse(data.join('\n')) : null };
}

/**
 * POSTs `body` and calls `onEvent({ event, data })` for each event. Resolves with the `done` data;
 * rejects with the job's own error (an `error` event not tied to a section), an AbortError, or a
 * Vietnamese message when the connection breaks.
 */
export async function postStream(url, { body = {}, signal, onEvent = () => {} } = {}) {
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...changingHeaders('POST') },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) throw abortError();
    throw new ApiError(OFFLINE_MESSAGE);
  }
  if (!res.ok) throw await errorOf(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result;
  let failure;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = (buffer + value).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.trim() || block.startsWith(':')) continue;
        const e = parseBlock(block);
        if (e.event === 'done') result = e.data;
        else if (e.event === 'error' && !e.data?.section && e.data?.paragraphId === undefined) failure = e.data;
        onEvent(e);
      }
    }
  } catch {
    if (signal?.aborted) throw abortError();
    throw new ApiError(CUT);
  }
  if (result !== undefined) return result;
  if (failure) throw new ApiError(failure.message ?? CUT, { code: failure.code ?? '' });
  if (signal?.aborted) throw abortError();
  throw new ApiError(CUT);
}
