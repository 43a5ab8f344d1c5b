import type Database from 'better-sqlite3';
import type { OfficeProfile } from '../profile/schema.js';

export interface StoredProfile {
  profile: OfficeProfile;
  updatedAt: string;
}

/**
 * The office profile in the drafts' database: one row, replaced as a whole on save. It shares the
 * DraftStore's connection, whose constructor has already run the migrations.
 */
export class ProfileStore {
  constructor(private readonly db: Database.Database) {}

  get(): StoredProfile | null {
    const row = this.db.prepare('SELECT profile_json, updated_at FROM office_profile WHERE id = 1').get() as
      | { profile_json: string; updated_at: string }
      | undefined;
    return row ? { profile: JSON.parse(row.profile_json) as OfficeProfile, updatedAt: row.updated_at } : null;
  }

  put(profile: OfficeProfile): StoredProfile {
    const updatedAt = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO office_profile (id, profile_json, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET profile_json = excluded.profile_json, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(profile), updatedAt);
    return { profile, updatedAt };
  }
}
