import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'hono';
import { clientAddress } from '../security/forwarded.js';

/** Who a model call is made for, and who wants to hear its place in the line. */
export interface ModelCaller {
  /** The caller's line in the model queue; worked out when the request first calls the model. */
  key: () => string;
  onQueued?: (section: string, position: number) => void;
}

/** Names a request's caller: an office or user once requests carry one. */
export type CallerKey = (c: Context) => string;

/**
 * The caller travels with the request's async work rather than through every signature between the
 * route and the provider, so the pipeline and the providers stay as they are.
 */
const current = new AsyncLocalStorage<ModelCaller>();

/** Model calls made inside `fn` wait in `key`'s line; the key is worked out once, when first needed. */
export function asCaller<T>(key: () => string, fn: () => T): T {
  let known: string | undefined;
  return current.run({ key: () => (known ??= key()) }, fn);
}

/** Model calls made inside `fn` report their place in the line to `onQueued`. */
export function hearingQueue<T>(onQueued: (section: string, position: number) => void, fn: () => T): T {
  return current.run({ key: current.getStore()?.key ?? (() => ANONYMOUS), onQueued }, fn);
}

export function currentCaller(): ModelCaller | undefined {
  return current.getStore();
}

/** The line of calls made outside any request (the command line, the evaluation). */
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
