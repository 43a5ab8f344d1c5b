import { paragraphsOf } from '../output.js';
import type { ScoreContext } from './types.js';

/**
 * The section keys to walk, in document order: the template's order when known, then any key of
 * the brief or the output the template lacks.
 */
export function sectionOrder(ctx: ScoreContext): string[] {
  const keys = [
    ...(ctx.template?.sections.map((s) => s.key) ?? []),
    ...ctx.brief.sections.map((s) => s.key),
    ...Object.keys(ctx.output.sections),
  ];
  return [...new Set(keys)];
}

/** The output's paragraphs of a section; none when the section is absent. */
export function outputParagraphs(ctx: ScoreContext, key: string): string[] {
  return paragraphsOf(ctx.output.sections[key] ?? '');
}

/**
 * Paragraphs without the numbering of sub-headings ("1. Về công tác tuyên truyền"): code numbers
 * parts, so their "1." is no figure the facts must hold.
 */
export function withoutNumbering(paragraphs: readonly string[]): string[] {
  return paragraphs.map((p) => p.replace(/^(?:\d{1,2}\.)+\s+/u, ''));
}

/** Every paragraph of the output, with its section key. */
export function allParagraphs(ctx: ScoreContext): { section: string; text: string }[] {
  return sectionOrder(ctx).flatMap((section) => outputParagraphs(ctx, section).map((text) => ({ section, text })));
}

/** Up to `max` items, then how many more. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown}; và ${items.length - max} chỗ khác` : shown;
}

export const fraction = (ok: number, total: number): number => (total === 0 ? 1 : ok / total);
