import type { BriefHeader } from '../brief/schema.js';

const MAX_SUBJECT_CHARS = 80;

/** Lower-case words joined by "-", Vietnamese letters kept: `kết-quả-thực-hiện`. */
export function slug(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The same slug without marks (đ → d), for programs that only take ASCII names. */
export function asciiSlug(text: string): string {
  return slug(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/[^a-z0-9-]/g, '').replace(/-{2,}/g, '-');
}

/**
 * The name a downloaded file gets, from số, ký hiệu and trích yếu: `84-bc-ttt-kết-quả-thanh-tra….pdf`,
 * or `bc-ubnd-…` while the number is blank; the trích yếu is cut at a word past 80 characters.
 */
export function documentFileName(header: Pick<BriefHeader, 'number' | 'symbol' | 'subject'>, extension: 'docx' | 'pdf' | 'png'): string {
  let subject = slug(header.subject.replace(/^v\/v\s+/i, ''));
  if (subject.length > MAX_SUBJECT_CHARS) {
    const cut = subject.lastIndexOf('-', MAX_SUBJECT_CHARS);
    subject = subject.slice(0, cut > 0 ? cut : MAX_SUBJECT_CHARS);
  }
  const name = [slug(header.number), slug(header.symbol), subject].filter(Boolean).join('-') || 'văn-bản';
  return `${name}.${extension}`;
}

/** Content-Disposition for a download: the Vietnamese name, and its ASCII form for old clients. */
export function attachment(name: string): string {
  return `attachment; filename="${asciiSlug(name.replace(/\.[a-z]+$/, ''))}${/\.[a-z]+$/.exec(name)?.[0] ?? ''}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
