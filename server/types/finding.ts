/** One problem found in a draft or a document, told to staff in Vietnamese. */
export interface Finding {
  /** Stable id, e.g. `grounding.invented-number`, `nd30.date-line`. */
  rule: string;
  severity: 'error' | 'warning';
  where: FindingLocation;
  /** What is wrong and what to do, in Vietnamese. */
  message: string;
  /** A question staff answer into the office's glossary: the abbreviation, the meanings to offer (none: they type it), the question. */
  ask?: { abbr: string; candidates: string[]; question: string };
}

export interface FindingLocation {
  /** Section key of the template. */
  section?: string;
  /** Index of the paragraph within its section (0-based, in document order). */
  paragraph?: number;
  /** Character range [start, end) in the paragraph's text. */
  span?: [number, number];
  /** A brief or header field, e.g. `header.symbol`. */
  field?: string;
}
