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
  | { type: 'redraft-paragraph'; draftId: string; paragraphId: number; instruction: string | null }
  /** Opens a paragraph's edit box, where staff write what the offline composer cannot. */
  | { type: 'edit-paragraph'; draftId: string; paragraphId: number };

/**
 * Something the interview asks staff to confirm before it counts: a value read from another answer
 * (the trích yếu of the first message, a Kính gửi found in it), the accented form of a value typed
 * without accents, or cancelling the whole interview.
 */
export interface Proposal {
  kind: 'value' | 'accents' | 'cancel' | 'glossary';
  /** The question it settles (`header.subject`, `facts:ket-qua`, …): another answer typed instead is read as the answer to it. */
  ask: string | null;
  /** What is put to staff. */
  question: string;
  /** Applied on yes. */
  accept?: Intent;
  /** Applied on "giữ nguyên" (accents): the message as typed, and its unaccented stretches to remember as confirmed. */
  keep?: Intent;
  typed?: string[];
  /** Other readings offered as quick replies (ambiguous syllables). */
  alternatives?: string[];
  /** A question about an abbreviation: its answer joins the office's glossary, then the sections it is written in are redrafted. */
  glossary?: { abbr: string; candidates: string[]; sections: string[] };
}

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
  /** Proposals waiting for staff's yes or no; the first is asked. */
  pending?: Proposal[];
  /** A question staff went back to ("quay lại", "sửa ký hiệu"), asked until answered. */
  focus?: string;
  /** Questions answered, in order, for "quay lại". */
  history?: string[];
  /** Staff confirmed the summary: the draft is made. */
  confirmed?: boolean;
  /** Stretches of text staff chose to keep as typed without accents ("Nghi Xuan"). */
  keptTyped?: string[];
}

export interface Conversation {
  id: string;
  draftId: string | null;
  templateId: string | null;
  /**
   * What the interview waits for: `template`, `header.org`, …, `facts:<section>`, `summary` (the
   * summary before drafting), `confirm` (a proposal to confirm); null once the draft is made.
   */
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
  /** "quay lại": the question before. */
  | { kind: 'back' }
  /** "hủy": start again, once confirmed. */
  | { kind: 'cancel' }
  | { kind: 'help' }
  /** "đúng", "có": yes to what is being confirmed. */
  | { kind: 'yes' }
  /** "giữ nguyên": keep a value as typed, without accents. */
  | { kind: 'keep' }
  /** "đổi sang tờ trình", "à nhầm, tôi cần soạn tờ trình". */
  | { kind: 'change-template'; template: string; subject?: string }
  /** "sửa ký hiệu": ask that question again. */
  | { kind: 'edit'; ask: string }
  | { kind: 'unknown' };
