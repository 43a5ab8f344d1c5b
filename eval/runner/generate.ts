import type { DraftingService } from '../../server/draft/service.js';
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
 * Drafts a case through the product's own drafting service (provider, checks, store), then reads
 * the document as it would print: sub-headings of parts as lines, headings apart.
 */
export async function draftCase(service: DraftingService, c: Case): Promise<Generated> {
  const created = await service.create(c.brief);
  try {
    const outcomes = await service.draftAll(created.id);
    const detail = await service.detail(created.id);
    const texts: Record<string, string[]> = {};
    const headings: Record<string, string> = {};
    for (const block of detail.document.body) {
      if (block.kind === 'heading') headings[block.section] = block.text;
      // A task table is printed by code from the brief's cells, not written by the provider: not scored.
      else if (block.kind === 'subheading' || block.kind === 'paragraph') (texts[block.section] ??= []).push(block.text);
    }
    const first = detail.sections.flatMap((s) => s.paragraphs)[0]?.current;
    return {
      output: { sections: Object.fromEntries(Object.entries(texts).map(([k, ps]) => [k, ps.join('\n\n')])), headings },
      promptVersion: first?.promptVersion ?? null,
      model: first?.model ?? null,
      errors: outcomes.filter((o) => !o.ok).map((o) => `${o.section}: ${o.error?.message ?? 'lỗi'}`),
    };
  } finally {
    await service.delete(created.id);
  }
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
    sample: k.sample,
  });
}

/** A cached answer when there is one; otherwise drafts, and keeps the answer unless a section failed. */
export async function draftCaseCached(service: DraftingService, c: Case, cache: DiskCache | null, key: string): Promise<Generated> {
  const hit = cache?.get<Generated>(key);
  if (hit) return hit;
  const generated = await draftCase(service, c);
  // A failure (timeout, unreachable server) is not the model's answer; the next run should ask again.
  if (cache && generated.errors.length === 0) cache.set(key, generated);
  return generated;
}
