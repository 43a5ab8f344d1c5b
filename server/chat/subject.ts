import { fold } from '../accents/table.js';
import { isAddressee } from './agency.js';
import { readList } from './values.js';

const ISSUER = /^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|so|phong|van phong|cong an|ban)\s/u;

export interface SubjectReading {
  /** The trích yếu, without the routing words. */
  subject: string;
  /** Whom staff said it goes to ("… gửi Sở Tư pháp"): a Kính gửi to propose. */
  recipients: string[];
  /** The cơ quan staff said it is from ("… của UBND huyện Nghi Xuân"), when it names one. */
  from: string | null;
}

/**
 * Splits a trích yếu as staff say it from the routing words that belong in the header: "kết quả
 * công tác năm 2024 của UBND huyện gửi Sở Tư pháp" is the trích yếu "kết quả công tác năm 2024",
 * sent from UBND huyện to Sở Tư pháp. Words are split off only when what follows names a cơ quan
 * or chức danh, so "tiền gửi tiết kiệm" stays whole. Folding keeps offsets, so the typed text is cut.
 */
export function splitRouting(text: string): SubjectReading {
  let subject = text.normalize('NFC').trim();
  let recipients: string[] = [];
  let from: string | null = null;
  const to = /(?:^|\s+)(?:(?:de\s+)?kinh\s+gui|gui(?:\s+(?:den|toi|len|ve|cho))?)\s+(.+)$/u.exec(fold(subject));
  if (to) {
    const rest = subject.slice(to.index + to[0].length - to[1]!.length);
    // "Sở Tài chính và Sở Nội vụ" is two; "Sở Văn hóa, Thể thao và Du lịch" is one.
    const split = readList(rest.replace(/\s+và\s+/giu, ';'));
    const list = split.length > 1 && split.every(isAddressee) ? split : readList(rest);
    if (list.length && list.every(isAddressee)) {
      recipients = list;
      subject = subject.slice(0, to.index).trim();
    }
  }
  const of = /\s+(?:cua|thuoc)\s+(.+)$/u.exec(fold(subject));
  if (of) {
    const rest = subject.slice(of.index + of[0].length - of[1]!.length).trim();
    // Only a named issuing body: "của các xã" is part of what the document is about.
    if (ISSUER.test(fold(rest))) {
      // "UBND huyện" alone does not say which one: it is dropped from the trích yếu, not proposed.
      from = rest.split(/\s+/u).length >= 3 ? rest : null;
      subject = subject.slice(0, of.index).trim();
    }
  }
  return { subject, recipients, from };
}
