import type { OfficeProfile } from '../profile/schema.js';
import { currentScope } from '../auth/scope.js';
import type { Database } from './database.js';

export interface StoredProfile {
  profile: OfficeProfile;
  updatedAt: string;
}

/**
 * Each office's profile (and the glossary inside it): one row per office, replaced as a whole on
 * save, always the profile of the office the request is made for. It shares the DraftStore's
 * database, which opening has already migrated.
 */
export class ProfileStore {
  constructor(private readonly db: Database) {}

  async get(): Promise<StoredProfile | null> {
    const office = currentScope().actor.officeId;
    const row = await this.db.kysely.selectFrom('office_profiles').select(['profile_json', 'updated_at']).where('office_id', '=', office).executeTakeFirst();
    return row ? { profile: JSON.parse(row.profile_json) as OfficeProfile, updatedAt: row.updated_at } : null;
  }

  async put(profile: OfficeProfile): Promise<StoredProfile> {
    const office = currentScope().actor.officeId;
    const updatedAt = new Date().toISOString();
    await this.db.kysely
      .insertInto('office_profiles')
      .values({ office_id: office, profile_json: JSON.stringify(profile), updated_at: updatedAt })
      .onConflict((oc) => oc.column('office_id').doUpdateSet((eb) => ({ profile_json: eb.ref('excluded.profile_json'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
    return { profile, updatedAt };
  }
}
