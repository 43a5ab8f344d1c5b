import type { Brief } from '../brief/schema.js';
import { orgNameInProse } from './org-name.js';
import { uncapitalize } from './capitals.js';

export interface FormulaSlots {
  org: string;
  subject: string;
  recipient: string;
  /** Every Kính gửi recipient, as one phrase: "A, B và C". */
  recipients: string;
}

/** "A", "A và B", "A, B và C": a list read as one noun phrase. */
function listPhrase(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}

/** The words a template's formulas take from the brief's header; the checks allow them in the text as they are. */
export function formulaSlots(brief: Brief): FormulaSlots {
  const h = brief.header;
  const names = h.recipients.map((r) => r.replace(/^[-–•]\s*/u, '').replace(/[;.,]\s*$/u, '').trim()).filter(Boolean);
  return {
    org: h.orgName || orgNameInProse(h.org),
    subject: uncapitalize(h.subject.replace(/^(v\/v|về việc)\s*/iu, '')),
    recipient: h.recipients[0] ?? 'cấp có thẩm quyền',
    recipients: listPhrase(names) || 'cấp có thẩm quyền',
  };
}

