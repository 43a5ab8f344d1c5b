import type { Brief } from './brief.js';
import type { Finding } from './finding.js';

/** Who wrote a revision: the offline composer, a language model, or staff by hand. */
export type Author = 'offline' | 'model' | 'staff';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
}

/** What a provider tells about the text it wrote; recorded on each revision. */
export interface RevisionMeta {
  author: Author;
  /** `offline`, `openai`, or `staff`. */
  provider: string;
  model: string | null;
  promptVersion: string | null;
  instruction: string | null;
  usage: Usage | null;
}

export interface Revision extends RevisionMeta {
  id: number;
  paragraphId: number;
  /** 1-based number of this revision within its paragraph (bản 2/3). */
  seq: number;
  /** Empty text means the paragraph is withdrawn in this revision (a redraft wrote fewer paragraphs). */
  text: string;
  findings: Finding[];
  createdAt: string;
}

export interface Paragraph {
  id: number;
  sectionKey: string;
  /** Index of the brief part (numbered sub-section) the paragraph belongs to; null when the section has none. */
  part: number | null;
  /** Order within the section, 0-based. */
  position: number;
  current: Revision;
  revisionCount: number;
}

export interface DraftSummary {
  id: string;
  title: string;
  templateId: string;
  createdAt: string;
  updatedAt: string;
}

export interface Draft extends DraftSummary {
  brief: Brief;
  /** Current paragraphs by section key, in position order (withdrawn ones included; see Revision.text). */
  paragraphs: Record<string, Paragraph[]>;
}

/** One paragraph a provider wrote, before it is stored. */
export interface ParagraphText {
  part: number | null;
  text: string;
}
