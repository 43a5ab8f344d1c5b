import type { Actor } from './roles.js';

/**
 * On whose behalf a request runs: who, in which office, from which address. The session gate works
 * it out once per request and keeps it on the context (`c.get('scope')`); routes hand it, or the
 * actor or office it holds, to the services and stores, so every query made for the request is
 * limited to the actor's office. It is passed, not looked up: AsyncLocalStorage would slow every
 * promise of the process on Node 20.
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

/** The local user's scope: a loopback request without a login, and the command line and scripts. */
export const LOCAL_SCOPE: RequestScope = {
  actor: { userId: LOCAL_USER, officeId: LOCAL_OFFICE, role: 'quan-tri' },
  username: 'người dùng trên máy này',
  address: '',
  local: true,
};
