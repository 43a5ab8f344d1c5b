import { outputParagraphs, sectionOrder } from './sections.js';
import type { ScoreContext } from './types.js';

/** The text an assertion looks at: one section, or the whole body in document order. */
export function scopeText(ctx: ScoreContext, section: string | undefined): string {
  const keys = section ? [section] : sectionOrder(ctx);
  return keys.map((k) => outputParagraphs(ctx, k).join('\n\n')).filter(Boolean).join('\n\n');
}

export const scopeName = (section: string | undefined) => (section ? `mục ${section}` : 'toàn văn bản');
