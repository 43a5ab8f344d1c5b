import OpenAI from 'openai';

/** The server asked to wait longer than our own clock allows: the request ends, saying when to try again. */
export class RetryLater extends Error {
  constructor(
    readonly waitMs: number,
    options: { cause: unknown },
  ) {
    super(`retry after ${waitMs} ms`, options);
  }
}

/** How long the server asked us to wait (Retry-After in seconds or as a date, or retry-after-ms); null when it did not say. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof OpenAI.APIError)) return null;
  const ms = error.headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/u.test(ms)) return Number(ms);
  const after = error.headers?.get('retry-after');
  if (!after) return null;
  if (/^\d+(\.\d+)?$/u.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Failures that may pass if asked again: overload, a server error, a dropped connection. */
function retryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return false;
  if (error instanceof OpenAI.APIConnectionError) return true;
  return error instanceof OpenAI.APIError && typeof error.status === 'number' && (error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new OpenAI.APIUserAbortError());
    }, { once: true });
  });

export interface RetryOptions {
  /** The whole budget, every attempt and every wait included (SOANTHAO_TIMEOUT_MS). */
  timeoutMs: number;
  retries: number;
  signal?: AbortSignal;
}

/**
 * Retries and waits on our own clock: the SDK never sleeps for us (maxRetries: 0), so a server
 * asking for an hour's pause cannot hold a request past SOANTHAO_TIMEOUT_MS. Each attempt gets what
 * is left of the budget.
 */
export async function withRetries<T>(attempt: (timeoutMs: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const deadline = Date.now() + o.timeoutMs;
  for (let n = 0; ; n++) {
    try {
      return await attempt(Math.max(1, deadline - Date.now()));
    } catch (e) {
      if (o.signal?.aborted || !retryable(e)) throw e;
      const asked = retryAfterMs(e);
      const wait = asked ?? Math.min(500 * 2 ** n, 8_000);
      const tooLong = Date.now() + wait >= deadline;
      if (n >= o.retries || tooLong) {
        if (asked !== null && tooLong) throw new RetryLater(asked, { cause: e });
        throw e;
      }
      await sleep(wait, o.signal);
    }
  }
}
