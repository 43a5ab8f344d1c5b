import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { llmApp } from '../helpers/llm-app.js';
import { answerByHeading, answerWithReference, referenceParagraphs } from '../helpers/model-answers.js';
import { rawBrief } from '../helpers/fixtures.js';
import { docxParagraphs } from '../helpers/docx.js';
import { withTexts } from '../helpers/draft-detail.js';

let ctx: Awaited<ReturnType<typeof llmApp>>;
afterEach(async () => ctx?.close());

const REAL = ['bao-cao-nghi-xuan-2021', 'bc-thanhtra-ninhthuan-84-2020', 'cv-haugiang-454-2011', 'kh-caobang-2276-2022'];

const caseOf = (id: string) => JSON.parse(readFileSync(new URL(`../../eval/cases/${id}.json`, import.meta.url), 'utf8'));

async function draftAll(brief: unknown) {
  const { id } = (await (await ctx.request('/api/drafts', { method: 'POST', json: { brief } })).json()) as any;
  const { sections } = (await (await ctx.request(`/api/drafts/${id}/draft`, { method: 'POST' })).json()) as any;
  return { id, sections };
}

describe('against a perfect model (the real text of the document)', () => {
  it.each(REAL)('%s: one round per section, no error finding, the text exported unchanged', async (name) => {
    const c = caseOf(name);
    ctx = await llmApp(answerWithReference(c.brief, c.references));
    const { id, sections } = await draftAll(c.brief);
    expect(sections.every((s: any) => s.ok), JSON.stringify(sections)).toBe(true);
    expect(ctx.fake.requests).toHaveLength(sections.length);
    const errors = sections.flatMap((s: any) => s.findings).filter((f: any) => f.severity === 'error');
    expect(errors).toEqual([]);

    const detail = withTexts(await (await ctx.request(`/api/drafts/${id}`)).json());
    const exported = await docxParagraphs(Buffer.from(await (await ctx.request(`/api/drafts/${id}/export.docx`)).arrayBuffer()));
    for (const [key, reference] of Object.entries(c.references as Record<string, string>)) {
      const printed = detail.document.body.filter((b: any) => b.section === key && (b.kind === 'paragraph' || b.kind === 'subheading')).map((b: any) => b.text);
      // Code adds the end mark "./." to the document's last paragraph, nothing else.
      const expected = referenceParagraphs(reference).map((p) => p.replace(/\s+/gu, ' '));
      const unmarked = (p: string) => p.replace(/(\.\/\.|\.)$/u, '');
      expect(printed.map(unmarked), key).toEqual(expected.map(unmarked));
      for (const p of printed) expect(exported).toContain(p);
    }
  });
});

describe('against a server that follows the JSON schema strictly', () => {
  it('gets exactly the number of parts asked for, so no section is lost to a miscount', async () => {
    const brief = rawBrief();
    const good = answerByHeading(brief);
    // Like vLLM or llama.cpp with a grammar: the answer has as many parts as the schema allows, no more, no fewer.
    ctx = await llmApp((request) => {
      const reply = good(request);
      const parts = request.body.response_format.json_schema.schema.properties.parts;
      expect(parts.minItems).toBe(parts.maxItems);
      if (reply.kind !== 'stream') return reply;
      const answer = JSON.parse(reply.content);
      const filler = answer.parts.at(-1);
      answer.parts = Array.from({ length: parts.maxItems }, (_, i) => answer.parts[i] ?? filler);
      return { ...reply, content: JSON.stringify(answer) };
    });
    const { sections } = await draftAll(brief);
    expect(sections.every((s: any) => s.ok)).toBe(true);
    expect(ctx.fake.requests).toHaveLength(sections.length);
    const asked = ctx.fake.requests.map((r) => r.body.response_format.json_schema.schema.properties.parts.maxItems);
    expect(asked.sort()).toEqual([1, 1, 1, 3]);
  });
});
