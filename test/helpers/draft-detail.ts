/**
 * GET /api/drafts/:id sends each text once (a paragraph block names its paragraph; a section's facts
 * are in the brief). Tests that read the document as printed put the texts back, as the page does.
 */
export function withTexts(detail: any): any {
  const texts = new Map<number, string>(detail.sections.flatMap((s: any) => s.paragraphs.map((p: any) => [p.id, p.current.text])));
  const factsOf = (key: string) => {
    const b = detail.brief.sections.find((x: any) => x.key === key);
    return b?.parts ? b.parts.flatMap((p: any) => p.facts) : (b?.facts ?? []);
  };
  return {
    ...detail,
    sections: detail.sections.map((s: any) => (s.facts ? s : { ...s, facts: factsOf(s.key) })),
    document: {
      ...detail.document,
      body: detail.document.body.map((b: any) => (b.kind === 'paragraph' && b.text === undefined ? { ...b, text: texts.get(b.paragraphId) ?? '' } : b)),
    },
  };
}
