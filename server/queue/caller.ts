import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress } from '../security/forwarded.js';

/** Who a model call is made for, and who wants to hear its place in the line. */
export interface ModelCaller {
  /** The caller's line in the model queue. */
  key: string;
  onQueued?: (section: string, position: number) => void;
}

/** Names a request's caller: an office or user once requests carry one. */
export type CallerKey = (c: Context) => string;

declare module 'hono' {
  interface ContextVariableMap {
    /** Names the request's caller in the model queue (set by namingCallers, worked out on demand). */
    callerKey: () => string;
  }
}

/**
 * A drafting job's abort signal goes unchanged from the route through the pipeline to the provider,
 * so it carries the caller there without a new parameter at every step. (AsyncLocalStorage would do
 * the same, but on Node 20 it slows every promise of the process.)
 */
const callerOfSignal = new WeakMap<AbortSignal, ModelCaller>();

/** Names the caller of every request; the name is worked out only for requests that draft. */
export function namingCallers(key: CallerKey): MiddlewareHandler {
  // On the context, not in a WeakMap keyed by it: a WeakMap entry per request made the garbage
  // collector the largest cost of every cheap route.
  return async (c, next) => {
    c.set('callerKey', () => key(c));
    await next();
  };
}

/** Model calls made with `signal` wait in the line of the request's caller, and report their place to `onQueued`. */
export function queueAs(c: Context, signal: AbortSignal, onQueued?: ModelCaller['onQueued']): void {
  callerOfSignal.set(signal, { key: c.get('callerKey')?.() ?? ANONYMOUS, onQueued });
}

export function callerOf(signal: AbortSignal | undefined): ModelCaller | undefined {
  return signal && callerOfSignal.get(signal);
}

/** The line of calls made outside any request (the command line, the evaluation, the chat). */
export const ANONYMOUS = 'anonymous';

/**
 * Until requests carry an office or a user: the draft or conversation the request works on, else the
 * client's address. Each page request drafts one section of one draft, so a draft's sections share a line.
 */
export function defaultCallerKey(trustProxy: boolean): CallerKey {
  return (c) => {
    const own = /^\/api\/(drafts|conversations)\/([^/]+)/.exec(c.req.path);
    return own ? `${own[1]}:${own[2]}` : `address:${clientAddress(c, trustProxy)}`;
  };
}
