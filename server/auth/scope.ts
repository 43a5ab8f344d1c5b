import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './roles.js';

/**
 * On whose behalf the current request runs: who, in which office, from which address. Set once per
 * request by the session middleware and read by the stores, so every query made for the request is
 * limited to the actor's office without threading the actor through each service (the drafting
 * service, the chat) that calls them.
 */
export interface RequestScope {
  actor: Actor;
  username: string;
  address: string;
  /** The one person on a loopback server, working without an account. */
  local: boolean;
}

/** What existed before accounts belongs here; a loopback user without a login works in it. */
export const LOCAL_OFFICE = 'LOCAL';
export const LOCAL_USER = 'local';

export const LOCAL_SCOPE: RequestScope = {
  actor: { userId: LOCAL_USER, officeId: LOCAL_OFFICE, role: 'quan-tri' },
  username: 'người dùng trên máy này',
  address: '',
  local: true,
};

const storage = new AsyncLocalStorage<RequestScope>();

/** The request's scope; outside any request (the CLI, a script), the local user's. */
export function currentScope(): RequestScope {
  return storage.getStore() ?? LOCAL_SCOPE;
}

export function withScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}
