import type { Brief, BriefSection } from '../brief/schema.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { ParagraphText, RevisionMeta } from '../draft/model.js';

export interface SectionRequest {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  /** The brief's facts for this section; undefined when staff gave none. */
  briefSection: BriefSection | undefined;
  /** Text of the sections before and after, for continuity. */
  neighbours: { before: string; after: string };
  signal?: AbortSignal;
  /** Called with text as it arrives (streaming). */
  onText?: (delta: string) => void;
  /** Called when the text so far is thrown away and asked for again, with the reason. */
  onRetry?: (reason: string) => void;
}

export interface DraftedSection {
  paragraphs: ParagraphText[];
  meta: RevisionMeta;
}

export interface ParagraphRequest {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  briefSection: BriefSection | undefined;
  /** The paragraph's current text and its place. */
  paragraph: ParagraphText & { position: number };
  /** Current texts of the section's paragraphs, in order (the paragraph's neighbours among them). */
  sectionParagraphs: string[];
  instruction: string | null;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
  onRetry?: (reason: string) => void;
}

export interface RedraftedParagraph {
  text: string;
  meta: RevisionMeta;
}

/** Something that writes a section's prose: the offline composer or an OpenAI-compatible model. */
export interface Provider {
  readonly name: string;
  readonly model: string | null;
  draftSection(request: SectionRequest): Promise<DraftedSection>;
  redraftParagraph(request: ParagraphRequest): Promise<RedraftedParagraph>;
}
