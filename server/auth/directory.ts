import type { Config } from '../config.js';
import type { Role } from './roles.js';

/**
 * Where accounts live, as the admin command and the start-up check need them. The accounts store
 * implements it; until then `openAccountDirectory` has nothing to open.
 */
export interface NewAccount {
  /** Already checked and normalised (names.ts). */
  username: string;
  officeCode: string;
  role: Role;
  /** From `hashPassword`; the password itself never reaches the directory. */
  passwordHash: string;
}

export interface AccountSummary {
  username: string;
  officeCode: string;
  role: Role;
  createdAt: string;
  /** False once an administrator disabled the account. */
  active: boolean;
}

export type CreateResult = { created: AccountSummary; officeCreated: boolean } | { taken: true };

export interface AccountDirectory {
  /** Creates the account, and its office when the code is new. */
  create(account: NewAccount): Promise<CreateResult>;
  list(): Promise<AccountSummary[]>;
  /** Active accounts with the quan-tri role, in any office. */
  countAdministrators(): Promise<number>;
  close(): Promise<void>;
}

/** The accounts store of this configuration, or null while soanthao has none. */
export async function openAccountDirectory(_config: Config): Promise<AccountDirectory | null> {
  return null;
}
