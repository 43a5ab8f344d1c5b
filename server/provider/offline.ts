import type { Provider, SectionRequest, DraftedSection, ParagraphRequest, RedraftedParagraph } from './types.js';
import type { RevisionMeta } from '../draft/model.js';
import { composeSection } from '../composer/compose.js';
import { DraftError } from '../errors.js';

export const COMPOSER_VERSION = 'composer-1';

/**
 * The embedded default provider: no model, no network. Deterministic, so regenerating a paragraph
 * gives the same text back; it is the baseline every model is compared against.
 */
export class OfflineProvider implements Provider {
  readonly name = 'offline';
  readonly model = null;

  private meta(instruction: string | null): RevisionMeta {
    return { author: 'offline', provider: 'offline', model: null, promptVersion: COMPOSER_VERSION, instruction, usage: null };
  }

  async draftSection(req: SectionRequest): Promise<DraftedSection> {
    if (req.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn mục này');
    const paragraphs = composeSection(req.template, req.brief, req.section, req.briefSection);
    for (const p of paragraphs) req.onText?.(`${p.text}\n\n`);
    return { paragraphs, meta: this.meta(null) };
  }

  async redraftParagraph(req: ParagraphRequest): Promise<RedraftedParagraph> {
    if (req.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn lại đoạn này');
    const all = composeSection(req.template, req.brief, req.section, req.briefSection);
    const text = all[req.paragraph.position]?.text ?? req.paragraph.text;
    req.onText?.(text);
    // The composer cannot follow an instruction; the revision does not claim it did.
    return { text, meta: this.meta(null) };
  }
}
