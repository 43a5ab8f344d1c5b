import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Role } from './roles.js';
import { StoreAccountDirectory } from './store-directory.js';

/** Where accounts live, as the admin command and the start-up check need them. */
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

/**
 * The accounts store of this configuration (the drafts' database, migrated if need be). With
 * `existingOnly`, null instead of creating a SQLite database that is not there yet: the start rule
 * then knows there is no administrator without leaving an empty data folder behind.
 */
export async function openAccountDirectory(config: Config, options: { existingOnly?: boolean } = {}): Promise<AccountDirectory | null> {
  if (options.existingOnly && !config.databaseUrl && !existsSync(join(config.dataDir, 'soanthao.db'))) return null;
  return StoreAccountDirectory.open(config);
}
