import type { Finding } from '../checks/finding.js';

/** What drafting tells the page as it goes (sent as SSE events by the routes). */
export type DraftEvent =
  | { type: 'section-start'; section: string }
  /** The section's model call waits for a free slot: its place in the line (1: next), then 0 when its turn comes. */
  | { type: 'queued'; section: string; position: number }
  | { type: 'text'; section: string; delta: string; paragraphId?: number }
  /** The text streamed so far is discarded: the model is asked again, for this reason. */
  | { type: 'retry'; section: string; reason: string; paragraphId?: number }
  /** `kept`: paragraphs whose text stayed (written by staff, or changed while the section was drafted). */
  | { type: 'section-done'; section: string; findings: Finding[]; kept: number[] }
  /** `current` false: staff changed the paragraph meanwhile; the new text is a revision to look at. */
  | { type: 'paragraph-done'; section: string; paragraphId: number; revisionId: number; findings: Finding[]; current: boolean }
  | { type: 'error'; section?: string; paragraphId?: number; code: string; message: string };

export interface RunOptions {
  signal?: AbortSignal;
  onEvent?: (event: DraftEvent) => void;
  /** Redraft paragraphs staff wrote too; without it they keep their text. */
  overwriteStaff?: boolean;
}
