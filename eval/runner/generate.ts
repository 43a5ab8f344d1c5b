import { writeDocument } from '../../server/pipeline/write-document.js';
import { toDocument } from '../../server/draft/document.js';
import type { Provider } from '../../server/provider/types.js';
import type { Template } from '../../server/template/schema.js';
import type { Case } from '../case.js';
import type { CaseOutput } from '../output.js';
import { hashOf, type DiskCache } from './cache.js';

export interface Generated {
  output: CaseOutput;
  /** As recorded on the revisions. */
  promptVersion: string | null;
  model: string | null;
  /** Sections the provider failed to write: "key: message". */
  errors: string[];
}

/**
 * Drafts a case through the product's own pipeline (provider, formulas, checks, one repair round),
 * with no store, then reads the document as it would print: sub-headings of parts as lines, headings apart.
 */
export async function draftCase(provider: Provider, template: Template, c: Case): Promise<Generated> {
  const { draft, outcomes } = await writeDocument(c.brief, template, provider, { glossary: c.glossary });
  const document = toDocument(draft, template);
  const texts: Record<string, string[]> = {};
  const headings: Record<string, string> = {};
  for (const block of document.body) {
    if (block.kind === 'heading') headings[block.section] = block.text;
    // A task table is printed by code from the brief's cells, not written by the provider: not scored.
    else if (block.kind === 'subheading' || block.kind === 'paragraph') (texts[block.section] ??= []).push(block.text);
  }
  const first = outcomes.find((o) => o.result && o.result.meta.author === 'model')?.result ?? outcomes.find((o) => o.result)?.result;
  return {
    output: { sections: Object.fromEntries(Object.entries(texts).map(([k, ps]) => [k, ps.join('\n\n')])), headings },
    promptVersion: first?.meta.promptVersion ?? null,
    model: first?.meta.model ?? null,
    errors: outcomes.filter((o) => o.error).map((o) => `${o.section}: ${o.error!.message}`),
  };
}

export interface CacheKeyInput {
  provider: Provider;
  promptVersion: string;
  template: Template;
  c: Case;
  sample: number;
}

/** Everything the answer depends on: prompts, provider and model, template, brief, and which sample. */
export function cacheKey(k: CacheKeyInput): string {
  return hashOf({
    promptVersion: k.promptVersion,
    provider: k.provider.name,
    model: k.provider.model,
    template: k.template,
    brief: k.c.brief,
    // Only a case with a glossary hashes it: answers cached before glossaries existed stay valid.
    ...(k.c.glossary ? { glossary: k.c.glossary } : {}),
    sample: k.sample,
  });
}

/** A cached answer when there is one; otherwise drafts, and keeps the answer unless a section failed. */
export async function draftCaseCached(provider: Provider, template: Template, c: Case, cache: DiskCache | null, key: string): Promise<Generated> {
  const hit = cache?.get<Generated>(key);
  if (hit) return hit;
  const generated = await draftCase(provider, template, c);
  // A failure (timeout, unreachable server) is not the model's answer; the next run should ask again.
  if (cache && generated.errors.length === 0) cache.set(key, generated);
  return generated;
}
