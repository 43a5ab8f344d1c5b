import type { MiddlewareHandler } from 'hono';
import { DraftError } from '../errors.js';
import type { IdempotencyStore, StoredAnswer } from './store.js';

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7E]{1,200}$/u;

/**
 * A changing request that carries an `Idempotency-Key` runs once: a repeat with the same key on
 * the same route gets the first answer (marked `Idempotent-Replayed: true`) and changes nothing;
 * a repeat while the first still runs gets a 409. A server error frees the key for a retry.
 */
export function idempotency(store: IdempotencyStore): MiddlewareHandler {
  return async (c, next) => {
    if (!CHANGING.has(c.req.method)) return next();
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!KEY.test(key)) {
      throw new DraftError('bad_input', 'Mã chống gửi lặp (Idempotency-Key) không hợp lệ: tối đa 200 ký tự ASCII, không có khoảng trắng.', [
        { field: 'Idempotency-Key', message: 'Mã không hợp lệ' },
      ]);
    }
    // A key is one person's: another user sending the same key gets nothing of the first answer.
    // It also stands for one body: a key sent again with other content (a client reusing keys) is a
    // new request, never answered with the first one's result, which would drop the new edit.
    const route = `${c.get('scope').actor.userId} ${c.req.method} ${c.req.path} ${await fingerprint(c.req.arrayBuffer())}`;
    const claim = await store.claim(key, route);
    if (claim.kind === 'answered') return replay(claim.answer);
    if (claim.kind === 'running') {
      throw new DraftError('in_progress', 'Yêu cầu này đang được xử lý (có thể do bấm hai lần); xin chờ kết quả của lần bấm đầu.');
    }
    try {
      await next();
    } catch (e) {
      await store.release(key, route);
      throw e;
    }
    const res = c.res;
    if (res.status >= 500 || res.status === 499) {
      await store.release(key, route);
      return;
    }
    const contentType = res.headers.get('Content-Type');
    if (!res.body || !contentType?.startsWith('text/event-stream')) {
      await store.answer(key, route, { status: res.status, contentType, body: res.body ? await res.clone().text() : '' });
      return;
    }
    // A stream is passed on as it comes and kept whole once it ends; a client gone midway frees the key.
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) {
          text += decoder.decode();
          await store.answer(key, route, { status: res.status, contentType, body: text });
          controller.close();
          return;
        }
        text += decoder.decode(value, { stream: true });
        controller.enqueue(value);
      },
      async cancel(reason) {
        await reader.cancel(reason);
        await store.release(key, route);
      },
    });
    c.res = new Response(stream, { status: res.status, headers: res.headers });
  };
}

/**
 * The body's SHA-256, hashed off the event loop (a 20 MB upload would take tens of milliseconds).
 * Hono keeps the body it read here for the route to read again.
 */
async function fingerprint(body: Promise<ArrayBuffer>): Promise<string> {
  const bytes = await body;
  if (bytes.byteLength === 0) return '-';
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('base64url');
}

function replay(answer: StoredAnswer): Response {
  const headers = new Headers({ 'Idempotent-Replayed': 'true' });
  if (answer.contentType) headers.set('Content-Type', answer.contentType);
  return new Response(answer.status === 204 || answer.status === 304 ? null : answer.body, { status: answer.status, headers });
}
