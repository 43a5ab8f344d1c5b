import type { Config } from '../config.js';
import { Database } from '../store/database.js';
import { join } from 'node:path';
import { AccountStore } from '../store/account-store.js';
import type { AccountDirectory, AccountSummary, CreateResult, NewAccount } from './directory.js';

/** The admin command's and the start rule's view of the accounts store; closing it closes the database. */
export class StoreAccountDirectory implements AccountDirectory {
  private readonly accounts: AccountStore;

  constructor(private readonly db: Database) {
    this.accounts = new AccountStore(db);
  }

  static async open(config: Config): Promise<StoreAccountDirectory> {
    const location = config.databaseUrl ? { url: config.databaseUrl, maxConnections: 2 } : { file: join(config.dataDir, 'soanthao.db') };
    return new StoreAccountDirectory(await Database.open(location));
  }

  create(account: NewAccount): Promise<CreateResult> {
    return this.accounts.create(account);
  }

  async list(): Promise<AccountSummary[]> {
    return (await this.accounts.list()).map(({ username, officeCode, role, createdAt, active }) => ({ username, officeCode, role, createdAt, active }));
  }

  countAdministrators(): Promise<number> {
    return this.accounts.countAdministrators();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
