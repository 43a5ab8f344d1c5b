import type { Draft, Paragraph } from '../types/draft.js';

export type { Author, Usage, RevisionMeta, Revision, Paragraph, DraftSummary, Draft, ParagraphText } from '../types/draft.js';

/** The visible paragraphs of a section, withdrawn ones left out. */
export function visibleParagraphs(draft: Draft, sectionKey: string): Paragraph[] {
  return (draft.paragraphs[sectionKey] ?? []).filter((p) => p.current.text !== '');
}
