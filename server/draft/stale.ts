import type { Brief, BriefHeader } from '../types/brief.js';
import type { Finding } from '../types/finding.js';

/** A header field whose value changed, with the words prose may have taken from the old value. */
export interface HeaderChange {
  field: 'org' | 'subject' | 'recipients' | 'date';
  /** What staff call the field. */
  label: string;
  before: string;
  after: string;
  /** How the old value may read inside prose. */
  oldForms: string[];
}

export const STALE_RULE = 'stale.header';

const LABELS: Record<HeaderChange['field'], string> = {
  org: 'cơ quan ban hành',
  subject: 'trích yếu',
  recipients: 'nơi gửi (Kính gửi)',
  date: 'ngày ban hành',
};

/** The ways a brief date (`YYYY-MM-DD` or `YYYY-MM`) is written in prose. */
function dateForms(date: string): string[] {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(date);
  if (!m) return [date];
  const [, y, mm, dd] = m;
  const month = String(Number(mm));
  if (!dd) return [`tháng ${month} năm ${y}`, `tháng ${mm} năm ${y}`, `${mm}/${y}`];
  const day = String(Number(dd));
  return [`ngày ${day} tháng ${month} năm ${y}`, `ngày ${dd} tháng ${mm} năm ${y}`, `${dd}/${mm}/${y}`, `${day}/${month}/${y}`];
}

/** A recipient line as prose names it: "- Sở Tư pháp;" reads "Sở Tư pháp". */
const bareRecipient = (r: string) => r.replace(/^[\s\-–•]+/u, '').replace(/[;,.:\s]+$/u, '').trim();

function orgForms(h: BriefHeader): string[] {
  return [h.org, h.orgName ?? ''].map((v) => v.trim()).filter((v) => v.length > 0);
}

/** The header fields prose depends on that differ between two briefs. */
export function headerChanges(before: Brief, after: Brief): HeaderChange[] {
  const a = before.header;
  const b = after.header;
  const changes: HeaderChange[] = [];
  const add = (field: HeaderChange['field'], was: string, now: string, oldForms: string[]) => {
    if (was.normalize('NFC').trim() !== now.normalize('NFC').trim()) changes.push({ field, label: LABELS[field], before: was, after: now, oldForms });
  };
  add('org', [a.org, a.orgName ?? ''].join('\n'), [b.org, b.orgName ?? ''].join('\n'), orgForms(a));
  add('subject', a.subject, b.subject, [a.subject]);
  const removed = a.recipients.map(bareRecipient).filter((r) => r && !b.recipients.map(bareRecipient).includes(r));
  if (removed.length > 0 || a.recipients.length !== b.recipients.length) {
    changes.push({ field: 'recipients', label: LABELS.recipients, before: a.recipients.map(bareRecipient).join('; '), after: b.recipients.map(bareRecipient).join('; '), oldForms: removed });
  }
  add('date', a.date, b.date, dateForms(a.date));
  // Compared on all they hold; told to staff as printed: the cơ quan's name, the date in words.
  return changes.map((c) =>
    c.field === 'org' ? { ...c, before: a.org, after: b.org } : c.field === 'date' ? { ...c, before: dateForms(a.date)[0]!, after: dateForms(b.date)[0]! } : c,
  );
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ');

/** Whether a text names the old value of a changed field. */
export function mentions(text: string, change: HeaderChange): boolean {
  const t = fold(text);
  return change.oldForms.some((f) => f.trim().length >= 3 && t.includes(fold(f)));
}

/** The mark a paragraph carries until staff write a new revision of it (redraft or edit). */
export function staleFinding(section: string, paragraph: number, changes: readonly HeaderChange[]): Finding {
  const what = changes.map((c) => `${c.label} “${c.before}” (nay là “${c.after}”)`).join('; ');
  return {
    rule: STALE_RULE,
    severity: 'error',
    where: { section, paragraph },
    message: `Mục này viết theo thông tin cũ: ${what}. Hãy soạn lại mục này hoặc sửa tay đoạn văn.`,
  };
}
