import type { Finding } from '../checks/finding.js';

/** What drafting tells the page as it goes (sent as SSE events by the routes). */
export type DraftEvent =
  | { type: 'section-start'; section: string }
  /** The section's model call waits for a free slot: its place in the line (1: next), then 0 when its turn comes. */
  | { type: 'queued'; section: string; position: number }
  | { type: 'text'; section: string; delta: string; paragraphId?: number }
  /** The text streamed so far is discarded: the model is asked again, for this reason. */
  | { type: 'retry'; section: string; reason: string; paragraphId?: number }
  | { type: 'section-done'; section: string; findings: Finding[] }
  | { type: 'paragraph-done'; section: string; paragraphId: number; revisionId: number; findings: Finding[] }
  | { type: 'error'; section?: string; paragraphId?: number; code: string; message: string };

export interface RunOptions {
  signal?: AbortSignal;
  onEvent?: (event: DraftEvent) => void;
}
