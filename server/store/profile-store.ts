import type { OfficeProfile } from '../profile/schema.js';
import { GlossarySchema, withAnswer, type Glossary } from '../lexicon/glossary.js';
import type { Database } from './database.js';

export interface StoredProfile {
  profile: OfficeProfile;
  updatedAt: string;
}

/** What the row holds: a whole profile, or only a glossary when staff answered before filling the profile in. */
type StoredJson = Partial<OfficeProfile>;

/**
 * Each office's profile in the drafts' database: one row per office, replaced as a whole on save;
 * every method names the office whose profile it reads or writes. It shares the DraftStore's
 * database, which opening has already migrated. The glossary lives in the same row but is saved on
 * its own, one answer at a time, so a profile form that does not show it never erases it.
 */
export class ProfileStore {
  constructor(private readonly db: Database) {}

  private async row(office: string): Promise<{ json: StoredJson; updatedAt: string } | null> {
    const row = await this.db.kysely.selectFrom('office_profiles').select(['profile_json', 'updated_at']).where('office_id', '=', office).executeTakeFirst();
    return row ? { json: JSON.parse(row.profile_json) as StoredJson, updatedAt: row.updated_at } : null;
  }

  private async write(office: string, json: StoredJson): Promise<string> {
    const updatedAt = new Date().toISOString();
    await this.db.kysely
      .insertInto('office_profiles')
      .values({ office_id: office, profile_json: JSON.stringify(json), updated_at: updatedAt })
      .onConflict((oc) => oc.column('office_id').doUpdateSet((eb) => ({ profile_json: eb.ref('excluded.profile_json'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
    return updatedAt;
  }

  /** The profile, or null while staff have not saved one (a glossary alone is no profile). */
  async get(office: string): Promise<StoredProfile | null> {
    const row = await this.row(office);
    if (!row || typeof row.json.org !== 'string') return null;
    return { profile: row.json as OfficeProfile, updatedAt: row.updatedAt };
  }

  /** Replaces the profile; a profile sent without a glossary keeps the one saved. */
  put(office: string, profile: OfficeProfile): Promise<StoredProfile> {
    return this.serial(async () => {
      const glossary = profile.glossary ?? (await this.row(office))?.json.glossary;
      const saved: OfficeProfile = glossary && Object.keys(glossary).length > 0 ? { ...profile, glossary } : profile;
      return { profile: saved, updatedAt: await this.write(office, saved) };
    });
  }

  /** The office's glossary; empty when staff have answered nothing yet. */
  async glossary(office: string): Promise<Glossary> {
    return (await this.row(office))?.json.glossary ?? {};
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Writes one after another: two answers given at once both count, each reading what the one before wrote. */
  private serial<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private change(office: string, f: (glossary: Glossary) => Glossary): Promise<Glossary> {
    return this.serial(async () => {
      const { glossary: before, ...rest } = (await this.row(office))?.json ?? {};
      const after = GlossarySchema.parse(f(before ?? {}));
      await this.write(office, Object.keys(after).length > 0 ? { ...rest, glossary: after } : rest);
      return after;
    });
  }

  /** Staff's answer about an abbreviation, for every later draft. */
  answer(office: string, abbr: string, meaning: string): Promise<Glossary> {
    return this.change(office, (g) => withAnswer(g, abbr, meaning));
  }

  /** An entry removed: the lexicon and the context decide again, or staff are asked again. */
  forget(office: string, abbr: string): Promise<Glossary> {
    return this.change(office, (g) => Object.fromEntries(Object.entries(g).filter(([k]) => k !== abbr.normalize('NFC').trim())));
  }
}
