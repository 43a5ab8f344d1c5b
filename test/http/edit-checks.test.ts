import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { rawBrief } from '../helpers/fixtures.js';
import { checkDraft } from '../../server/checks/index.js';
import type { Finding } from '../../server/checks/finding.js';
import { LOCAL_OFFICE } from '../../server/auth/scope.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
afterEach(() => ctx?.close());

const byRule = (fs: Finding[]) => [...fs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('editing a paragraph checks what the edit touches', () => {
  it('leaves the other sections and paragraphs as stored, and stores what a full check of the draft finds', async () => {
    ctx = await testApp();
    const created = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).json()) as { id: string };
    const id = created.id;
    expect((await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).status).toBe(200);
    // Every section and paragraph gets its findings from a check of the whole draft first.
    expect((await ctx.request(`/api/drafts/${id}/check`, { method: 'POST' })).status).toBe(200);
    const before = await ctx.store.getDraft(LOCAL_OFFICE, id);
    const sectionsBefore = await ctx.store.sectionFindings(id);

    const target = before.paragraphs['phuong-huong']![0]!;
    // An invented figure and name, and the section's first fact no longer written anywhere.
    const text = 'Năm tới, Ủy ban nhân dân huyện tổ chức 987 hội nghị do Nguyễn Văn Bịa chủ trì.';
    const res = await ctx.request(`/api/drafts/${id}/paragraphs/${target.id}`, { method: 'PUT', json: { text } });
    expect(res.status).toBe(200);

    const after = await ctx.store.getDraft(LOCAL_OFFICE, id);
    const sectionsAfter = await ctx.store.sectionFindings(id);
    for (const key of Object.keys(before.paragraphs)) {
      if (key === 'phuong-huong') continue;
      expect(sectionsAfter[key]).toEqual(sectionsBefore[key]);
      expect(after.paragraphs[key]!.map((p) => [p.current.id, p.current.findings])).toEqual(before.paragraphs[key]!.map((p) => [p.current.id, p.current.findings]));
    }
    const others = (ps: typeof before.paragraphs[string]) => ps!.filter((p) => p.id !== target.id).map((p) => [p.current.id, p.current.findings]);
    expect(others(after.paragraphs['phuong-huong'])).toEqual(others(before.paragraphs['phuong-huong']));

    // What the edit stored is what checking the whole draft from scratch finds in that section.
    const full = checkDraft(after, ctx.service.parse(after.brief).template).filter((f) => f.where.section === 'phuong-huong');
    const edited = after.paragraphs['phuong-huong']!.find((p) => p.id === target.id)!;
    expect(byRule(sectionsAfter['phuong-huong']!)).toEqual(byRule(full.filter((f) => f.where.paragraph === undefined)));
    expect(byRule(edited.current.findings)).toEqual(byRule(full.filter((f) => f.where.paragraph === edited.position)));
    expect(edited.current.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['grounding.invented-figure', 'grounding.invented-name']));
    expect(sectionsAfter['phuong-huong']!.some((f) => f.rule === 'grounding.dropped-fact' || f.rule === 'grounding.missing-figure')).toBe(true);
  });
});
