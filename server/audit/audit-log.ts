import type { RequestScope } from '../auth/scope.js';
import type { Database } from '../store/database.js';
import { AUDIT_ACTIONS, type AuditAction } from './actions.js';
import type { Selectable } from 'kysely';
import type { AuditEventTable } from '../store/schema.js';

export interface AuditEntry {
  action: AuditAction;
  draftId?: string | null;
  paragraphId?: number | null;
  revisionId?: number | null;
  /** What changed, in a few words (a section key, a new title, the name of a user). */
  detail?: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  username: string;
  address: string;
  action: AuditAction;
  label: string;
  draftId: string | null;
  paragraphId: number | null;
  revisionId: number | null;
  detail: string;
}

/**
 * The audit trail: one row per change, who made it, when, from where. The application only ever
 * inserts; the database itself refuses to update or delete a row (triggers of migration 6).
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  /** Records a change made on behalf of `scope`: its user, office and address. */
  async record(entry: AuditEntry, scope: RequestScope): Promise<void> {
    await this.db.kysely
      .insertInto('audit_events')
      .values({
        at: new Date().toISOString(),
        office_id: scope.actor.officeId,
        user_id: scope.actor.userId,
        username: scope.username,
        address: scope.address,
        action: entry.action,
        draft_id: entry.draftId ?? null,
        paragraph_id: entry.paragraphId ?? null,
        revision_id: entry.revisionId ?? null,
        detail: (entry.detail ?? '').normalize('NFC').slice(0, 500),
      })
      .execute();
  }

  /** A draft's history, oldest first. The caller has checked that the draft is readable. */
  async forDraft(draftId: string): Promise<AuditEvent[]> {
    const rows = await this.db.kysely.selectFrom('audit_events').selectAll().where('draft_id', '=', draftId).orderBy('id').execute();
    return rows.map(toEvent);
  }

  /** Everything recorded in an office, oldest first. */
  async forOffice(officeId: string): Promise<AuditEvent[]> {
    const rows = await this.db.kysely.selectFrom('audit_events').selectAll().where('office_id', '=', officeId).orderBy('id').execute();
    return rows.map(toEvent);
  }
}

function toEvent(r: Selectable<AuditEventTable>): AuditEvent {
  const action = r.action as AuditAction;
  return {
    id: Number(r.id),
    at: r.at,
    username: r.username,
    address: r.address,
    action,
    label: AUDIT_ACTIONS[action] ?? r.action,
    draftId: r.draft_id,
    paragraphId: r.paragraph_id === null ? null : Number(r.paragraph_id),
    revisionId: r.revision_id === null ? null : Number(r.revision_id),
    detail: r.detail,
  };
}

/**
 * The trail as CSV for a spreadsheet: a BOM so Excel reads UTF-8, every cell quoted, and a cell
 * that starts like a formula prefixed with ' so opening the file cannot run anything.
 */
export function auditCsv(events: AuditEvent[]): string {
  const cell = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const header = ['Thời điểm', 'Người thực hiện', 'Địa chỉ', 'Hành động', 'Mã hành động', 'Bản thảo', 'Đoạn', 'Bản sửa', 'Chi tiết'];
  const lines = [header.map(cell).join(',')];
  for (const e of events) lines.push([e.at, e.username, e.address, e.label, e.action, e.draftId, e.paragraphId, e.revisionId, e.detail].map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
