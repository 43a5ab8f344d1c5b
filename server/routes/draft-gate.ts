import type { MiddlewareHandler } from 'hono';
import { draftAccess, type DraftAccess } from '../auth/roles.js';
import type { DraftOffice, DraftStanding } from '../store/draft-office.js';
import { DraftError } from '../errors.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The draft of `/api/drafts/:id…`, once the gate let the request through. */
    draft: DraftStanding & { access: DraftAccess[] };
  }
}

/** What a request on a draft needs: reading for GETs, else writing, except reviewing actions. */
function needed(method: string, rest: string): DraftAccess {
  if (rest === '/comments' && method === 'POST') return 'comment';
  if (rest === '/approve') return 'approve';
  if (method === 'GET' || method === 'HEAD' || rest === '/duplicate') return 'read';
  return 'write';
}

const NOT_FOUND = 'Không tìm thấy bản thảo này: có thể đã bị xóa.';

/**
 * Every `/api/drafts/:id…` request passes here first. A draft of another office, one the user may
 * not read, and a deleted one answer 404 exactly like a missing one; a readable draft the user may
 * not change answers 403.
 */
export function draftGate(office: DraftOffice): MiddlewareHandler {
  return async (c, next) => {
    const id = c.req.param('id');
    // `POST /api/drafts/import` makes a draft; it names none.
    if (id === 'import' && c.req.path === '/api/drafts/import') return next();
    const { actor } = c.get('scope');
    const standing = id ? await office.standing(actor.officeId, id) : null;
    const access = standing ? draftAccess(actor, standing) : new Set<DraftAccess>();
    if (!standing || !access.has('read')) throw new DraftError('not_found', NOT_FOUND);
    const rest = c.req.path.slice(c.req.path.indexOf(id!) + id!.length);
    const need = needed(c.req.method, rest);
    if (!access.has(need)) {
      const why: Record<DraftAccess, string> = {
        read: 'xem bản thảo này',
        write: 'sửa bản thảo này: chỉ người soạn được sửa, người khác xem và góp ý',
        comment: 'góp ý bản thảo này',
        approve: 'duyệt bản thảo: việc này dành cho lãnh đạo hoặc văn thư',
      };
      throw new DraftError('forbidden', `Bạn không có quyền ${why[need]}.`);
    }
    c.set('draft', { ...standing, access: [...access] });
    await next();
  };
}
