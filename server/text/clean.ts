/**
 * Cleaning of text that staff type or paste, shared by every place that takes text in.
 * Two concerns: characters XML 1.0 forbids (a .docx part holding one is not well-formed and Word
 * refuses to open it), and values that look filled in but show nothing on the page.
 */

/**
 * Characters XML 1.0 forbids: C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; surrogate
 * halves without their pair. Linear: no quantifier, only one-character lookarounds.
 */
export const XML_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'g');
/** Vertical tab and form feed are what Word puts on the clipboard for a line or page break. */
const BREAKS = /[\x0B\x0C]/g;

/** Whether the code point may appear in an XML 1.0 document (the `Char` production). */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `U+FFFF`-style name of the first code unit of `s`, for messages. */
export function codePointName(s: string): string {
  return `U+${s.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without the characters XML 1.0 forbids; a pasted line or page break becomes a space. */
export function stripXmlForbidden(s: string): string {
  if (!XML_FORBIDDEN.test(s)) return s;
  return s.replace(BREAKS, ' ').replace(XML_FORBIDDEN_ALL, '');
}

/**
 * Characters that print nothing: white space (NBSP included), zero-width space, joiners, BOM,
 * bidi marks, embeddings and isolates, soft hyphen, and the other default-ignorable code points.
 */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/** True when the value shows nothing on the page, so a required field holding it is empty. */
export function isBlank(s: string): boolean {
  return INVISIBLE_ONLY.test(s);
}

/**
 * Text as staff meant it: NFC, without XML-forbidden characters, trimmed, and '' when nothing
 * visible is left (so "required" checks see an invisible-only value as empty).
 */
export function cleanText(s: string): string {
  const t = stripXmlForbidden(s).normalize('NFC').trim();
  return isBlank(t) ? '' : t;
}
