import type { Provider, SectionAsk, WrittenSection, ParagraphAsk, RewrittenParagraph } from './types.js';
import type { RevisionMeta } from '../types/draft.js';
import { composeSection } from '../composer/compose.js';
import { DraftError } from '../errors.js';

export const COMPOSER_VERSION = 'composer-1';

export const OFFLINE_META: RevisionMeta = { author: 'offline', provider: 'offline', model: null, promptVersion: COMPOSER_VERSION, instruction: null, usage: null };

/**
 * The embedded default provider: no model, no network. Deterministic, so regenerating a paragraph
 * gives the same text back; it is the baseline every model is compared against.
 */
export class OfflineProvider implements Provider {
  readonly name = 'offline';
  readonly model = null;

  async writeSection(ask: SectionAsk): Promise<WrittenSection> {
    if (ask.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn mục này');
    const paragraphs = composeSection(ask.template, ask.brief, ask.section, ask.briefSection, ask.glossary);
    const parts = Array.from({ length: ask.partCount }, (_, i) => paragraphs.filter((p) => (p.part ?? 0) === i).map((p) => p.text));
    for (const p of paragraphs) ask.onText?.(`${p.text}\n\n`);
    return { parts, answer: paragraphs.map((p) => p.text).join('\n\n'), meta: OFFLINE_META };
  }

  async rewriteParagraph(ask: ParagraphAsk): Promise<RewrittenParagraph> {
    if (ask.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn lại đoạn này');
    const all = composeSection(ask.template, ask.brief, ask.section, ask.briefSection, ask.glossary);
    const text = all[ask.paragraph.position]?.text ?? ask.paragraph.text;
    ask.onText?.(text);
    // The composer cannot follow an instruction; the revision does not claim it did.
    return { texts: [text], answer: text, meta: OFFLINE_META };
  }
}
