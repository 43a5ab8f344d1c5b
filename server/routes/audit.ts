import { Hono } from 'hono';
import { auditCsv, type AuditLog } from '../audit/audit-log.js';
import type { DraftOffice } from '../store/draft-office.js';
import type { DraftStore } from '../store/draft-store.js';
import { DraftError } from '../errors.js';
import { requirePermission } from './permission.js';

/** `/api/audit.csv`: the office's whole trail, for its administrator. */
export function auditRoutes(audit: AuditLog) {
  return new Hono().get('/audit.csv', async (c) => {
    requirePermission(c, 'audit.read', 'xem nhật ký thay đổi');
    const { officeId } = c.get('scope').actor;
    const day = new Date().toISOString().slice(0, 10);
    return c.body(auditCsv(await audit.forOffice(officeId)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="nhat-ky-${officeId}-${day}.csv"`,
    });
  });
}

/**
 * `/api/deleted-drafts`: drafts of the office deleted within 30 days, and bringing one back (the
 * administrator's). Older ones are removed for good as this list is read.
 */
export function deletedDraftRoutes(office: DraftOffice, store: DraftStore, audit: AuditLog) {
  return new Hono()
    .use(async (c, next) => {
      requirePermission(c, 'draft.restore', 'khôi phục bản thảo đã xóa');
      await next();
    })
    .get('/', async (c) => {
      for (const id of await office.expired()) await store.purgeDraft(id);
      return c.json({ drafts: await office.deleted(c.get('scope').actor.officeId) });
    })
    .post('/:id/restore', async (c) => {
      const id = c.req.param('id');
      const scope = c.get('scope');
      if (!(await office.restore(scope.actor.officeId, id))) {
        throw new DraftError('not_found', 'Không có bản thảo đã xóa này, hoặc đã quá 30 ngày nên không khôi phục được nữa.');
      }
      await audit.record({ action: 'restore', draftId: id }, scope);
      return c.json({ id, restored: true });
    });
}
