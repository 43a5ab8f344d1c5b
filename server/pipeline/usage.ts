import type { RevisionMeta, Usage } from '../types/draft.js';

/** Tokens and time of every round, added up: what the text really cost. */
export class UsageTally {
  private total: Usage | null = null;

  add(usage: Usage | null): void {
    if (!usage) return;
    const t = (this.total ??= { promptTokens: 0, completionTokens: 0, latencyMs: 0 });
    t.promptTokens += usage.promptTokens;
    t.completionTokens += usage.completionTokens;
    t.latencyMs += usage.latencyMs;
  }

  meta(meta: RevisionMeta): RevisionMeta {
    return { ...meta, usage: this.total };
  }
}
