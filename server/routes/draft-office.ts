import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { DraftOffice } from '../store/draft-office.js';
import { DraftError } from '../errors.js';
import { readJson } from './body.js';

const ShareBody = z.object({ shared: z.boolean({ error: 'shared là true hoặc false' }) });
const CommentBody = z.object({
  text: z.string({ error: 'Cần nội dung góp ý (text)' }).max(5_000, { error: 'Góp ý dài quá 5.000 ký tự' }),
});

/**
 * What a draft's office does with it beyond writing (mounted under `/api/drafts/:id`, behind the
 * draft gate): its history, sharing, approval ("đã duyệt"), comments.
 */
export function draftOfficeRoutes(office: DraftOffice, audit: AuditLog) {
  return new Hono()
    .get('/:id/history', async (c) => c.json({ history: await audit.forDraft(c.get('draft').id) }))
    .get('/:id/standing', (c) => {
      const d = c.get('draft');
      return c.json({ shared: d.shared, approvedAt: d.approvedAt, approvedBy: d.approvedBy, mine: d.ownerId === c.get('scope').actor.userId, access: d.access });
    })
    .post('/:id/share', async (c) => {
      const { shared } = await readJson(c, ShareBody);
      const d = c.get('draft');
      await office.setShared(d.id, shared);
      await audit.record({ action: shared ? 'share' : 'unshare', draftId: d.id }, c.get('scope'));
      return c.json({ shared });
    })
    .post('/:id/approve', async (c) => {
      const d = c.get('draft');
      const scope = c.get('scope');
      const approvedAt = await office.approve(d.id, scope.username);
      await audit.record({ action: 'approve', draftId: d.id }, scope);
      return c.json({ approvedAt, approvedBy: scope.username });
    })
    .get('/:id/comments', async (c) => c.json({ comments: await office.comments(c.get('draft').id) }))
    .post('/:id/comments', async (c) => {
      const text = (await readJson(c, CommentBody)).text.normalize('NFC').trim();
      if (!text) throw new DraftError('bad_input', 'Góp ý không được để trống', [{ field: 'text', message: 'Cần nội dung' }]);
      const scope = c.get('scope');
      const d = c.get('draft');
      const comment = await office.addComment(d.id, scope.actor.userId, scope.username, text);
      await audit.record({ action: 'comment', draftId: d.id, detail: text.slice(0, 200) }, scope);
      return c.json(comment, 201);
    });
}
