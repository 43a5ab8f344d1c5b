import { DraftError } from '../errors.js';

/** Why a file could not be checked at all. */
export type DocxCheckReason =
  | 'too_large'
  | 'not_zip'
  | 'legacy_or_encrypted'
  | 'not_word'
  | 'unreadable'
  /** Nesting, time or memory past the bounds of reading an untrusted file. */
  | 'too_complex'
  /** A DOCTYPE or entity declaration, which no .docx has. */
  | 'unsafe_xml';

/**
 * The uploaded file cannot be checked (not a .docx, damaged, too large). It belongs to soanthao's
 * error family, so a route maps it to 413 (too large) or 422 (anything else) with its Vietnamese message.
 */
export class DocxCheckError extends DraftError {
  readonly reason: DocxCheckReason;

  constructor(reason: DocxCheckReason, message: string, options?: { cause?: unknown }) {
    super(reason === 'too_large' ? 'too_large' : 'bad_input', message, [], options);
    this.name = 'DocxCheckError';
    this.reason = reason;
  }
}
