import type { OfficeProfile } from '../profile/schema.js';
import type { Database } from './database.js';

export interface StoredProfile {
  profile: OfficeProfile;
  updatedAt: string;
}

/**
 * The office profile in the drafts' database: one row, replaced as a whole on save. It shares the
 * DraftStore's database, which opening has already migrated.
 */
export class ProfileStore {
  constructor(private readonly db: Database) {}

  async get(): Promise<StoredProfile | null> {
    const row = await this.db.kysely.selectFrom('office_profile').select(['profile_json', 'updated_at']).where('id', '=', 1).executeTakeFirst();
    return row ? { profile: JSON.parse(row.profile_json) as OfficeProfile, updatedAt: row.updated_at } : null;
  }

  async put(profile: OfficeProfile): Promise<StoredProfile> {
    const updatedAt = new Date().toISOString();
    await this.db.kysely
      .insertInto('office_profile')
      .values({ id: 1, profile_json: JSON.stringify(profile), updated_at: updatedAt })
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ profile_json: eb.ref('excluded.profile_json'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
    return { profile, updatedAt };
  }
}
