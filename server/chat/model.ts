import type { BriefInput, BriefTask } from '../brief/schema.js';

export interface Message {
  id: number;
  role: 'user' | 'assistant';
  text: string;
  createdAt: string;
  /** Quick replies the page offers as buttons: remembered office values, document types, "bỏ qua". */
  suggestions?: string[];
}

/** What the page does after a reply, with the streaming endpoints it already uses. */
export type Action =
  | { type: 'open-draft'; draftId: string }
  | { type: 'draft-all'; draftId: string }
  | { type: 'draft-section'; draftId: string; section: string }
  | { type: 'redraft-paragraph'; draftId: string; paragraphId: number; instruction: string | null };

/**
 * The brief as the interview gathers it: any field may still be missing. It becomes a draft's
 * brief once the header is complete and the required sections have facts.
 */
export interface Intake {
  template?: string;
  header: Partial<BriefInput['header']>;
  signer?: { lines: string[]; name: string };
  copies?: string[];
  archive?: string;
  sections: { key: string; title?: string; facts?: string[]; parts?: { title: string; facts: string[] }[]; tasks?: BriefTask[] }[];
  /** Questions staff chose to skip ("bỏ qua"). */
  skipped: string[];
}

export interface Conversation {
  id: string;
  draftId: string | null;
  templateId: string | null;
  /** What the interview waits for: `template`, `header.org`, …, `facts:<section>`; null once everything is asked. */
  asking: string | null;
  /** The brief gathered so far (not yet valid), for the page to preview; null before the type is chosen. */
  brief: BriefInput | null;
  messages: Message[];
}

/** Header fields the interview can set, and the signer. */
export interface FieldValues {
  parentOrg?: string;
  org?: string;
  number?: string;
  symbol?: string;
  place?: string;
  date?: string;
  subject?: string;
  recipients?: string[];
  signer?: { lines: string[]; name: string };
  copies?: string[];
  archive?: string;
}

/** What a message means, read by code (the deterministic interview) or by a model. */
export type Intent =
  /** `problems`: fields of the same message that could not be read, told to staff. */
  | { kind: 'set'; template?: string; fields: FieldValues; problems?: string[] }
  | { kind: 'facts'; section: string | null; lines: string[] }
  /** "xóa ý phần mở đầu": the section's facts start again. */
  | { kind: 'clear-facts'; section: string | null }
  | { kind: 'redraft-paragraph'; section: string | null; paragraph: number; instruction: string | null }
  | { kind: 'redraft-section'; section: string | null }
  | { kind: 'draft-all' }
  | { kind: 'skip' }
  | { kind: 'next' }
  | { kind: 'invalid'; message: string }
  | { kind: 'unknown' };
