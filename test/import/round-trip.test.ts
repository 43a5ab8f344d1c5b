import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testApp } from '../helpers/app.js';
import { BRIEFS_DIR, briefFiles } from '../helpers/fixtures.js';
import { withTexts } from '../helpers/draft-detail.js';

/** Export → import of every example brief: the same document comes back, whatever its type. */
const ctx = await testApp();
afterAll(() => ctx.close());

describe('each example brief’s export imports as the same document', () => {
  it.each(briefFiles())('%s', async (file) => {
    const brief = JSON.parse(readFileSync(join(BRIEFS_DIR, file), 'utf8'));
    const created = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
    await ctx.request(`/api/drafts/${created.id}/draft`, { method: 'POST' });
    const original = withTexts(await (await ctx.request(`/api/drafts/${created.id}`)).json());
    const docx = new Uint8Array(await (await ctx.request(`/api/drafts/${created.id}/export.docx`)).arrayBuffer());
    const res = await ctx.request('/api/drafts/import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      body: docx,
    });
    expect(res.status).toBe(201);
    const imported = (await res.json()) as any;
    expect(imported.templateId).toBe(original.templateId);
    // orgName is how running text names the body; the print has no place for it.
    const { orgName: _, ...header } = original.brief.header;
    expect(imported.brief.header).toEqual(header);
    expect(imported.document.body).toEqual(
      original.document.body.map((b: any) => expect.objectContaining(b.kind === 'table' ? { kind: 'table', rows: b.rows } : { kind: b.kind, text: b.text })),
    );
    expect(imported.document.signer).toEqual(original.document.signer);
    expect(imported.document.copies).toEqual(original.document.copies);
    expect(imported.import.notes).toEqual([]);
  });
});
