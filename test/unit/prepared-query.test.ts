import { afterEach, describe, expect, it } from 'vitest';
import { preparedQuery } from '../../server/store/prepared.js';
import { DraftOffice } from '../../server/store/draft-office.js';
import { LOCAL_OFFICE, LOCAL_SCOPE } from '../../server/auth/scope.js';
import { rawBrief } from '../helpers/fixtures.js';
import { parseBrief } from '../../server/brief/load.js';
import { openTempStore, testDialect } from '../helpers/store.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function store() {
  return (await openTempStore(cleanups, 'prepared-')).store;
}

describe(`a query built once and run with each request's values (${testDialect})`, () => {
  it('answers each call with its own values, keeping the values the builder wrote itself', async () => {
    const s = await store();
    const a = await s.createDraft(LOCAL_SCOPE.actor, 'Bản A', parseBrief(rawBrief()));
    const b = await s.createDraft(LOCAL_SCOPE.actor, 'Bản B', parseBrief(rawBrief()));
    let builds = 0;
    const titleOf = preparedQuery(s.db, (kysely, p: { id: string; office: string }) => {
      builds++;
      return kysely.selectFrom('drafts').select('title').where('id', '=', p.id).where('office_id', '=', p.office).where('deleted_at', 'is', null).where('shared', '>=', 0);
    });
    expect(await titleOf({ id: a.id, office: LOCAL_OFFICE })).toEqual([{ title: 'Bản A' }]);
    expect(await titleOf({ id: b.id, office: LOCAL_OFFICE })).toEqual([{ title: 'Bản B' }]);
    expect(await titleOf({ id: b.id, office: 'KHAC' })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('refuses a builder that writes a value into the SQL text, where it would be kept for every call', async () => {
    const s = await store();
    const wrong = preparedQuery(s.db, (kysely, p: { id: string }) => kysely.selectFrom('drafts').select('title').where('id', '=', p.id).orderBy(p.id as never));
    await expect(wrong({ id: 'x' })).rejects.toThrow(/SQL text/);
  });

  it("a draft's standing carries its version, which grows with a change, and nothing for another office", async () => {
    const s = await store();
    const office = new DraftOffice(s.db);
    const d = await s.createDraft(LOCAL_SCOPE.actor, 'Bản A', parseBrief(rawBrief()));
    const before = await office.standing(LOCAL_OFFICE, d.id);
    expect(before).toMatchObject({ id: d.id, title: 'Bản A', conversationId: null });
    await s.renameDraft(d.id, 'Bản A1');
    const after = await office.standing(LOCAL_OFFICE, d.id);
    expect(after!.title).toBe('Bản A1');
    expect(after!.version).toBeGreaterThan(before!.version);
    expect(await office.standing('KHAC', d.id)).toBeNull();
  });
});
