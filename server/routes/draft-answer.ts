import type { DraftDetail } from '../draft/service.js';

/**
 * A draft as GET answers it: each text once. A paragraph's text is in `sections[].paragraphs`, so
 * the document's paragraph blocks name their paragraph instead of repeating it (unless printing
 * changed it, as the end mark of the last one); a section's facts are in `brief`. The page fills
 * them back in where it prints them.
 */
export function onceEach(detail: DraftDetail) {
  const texts = new Map(detail.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p.current.text] as const)));
  return {
    ...detail,
    sections: detail.sections.map(({ facts: _inBrief, ...section }) => section),
    document: {
      ...detail.document,
      body: detail.document.body.map((b) => {
        if (b.kind !== 'paragraph' || texts.get(b.paragraphId) !== b.text) return b;
        const { text: _inSection, ...rest } = b;
        return rest;
      }),
    },
  };
}
