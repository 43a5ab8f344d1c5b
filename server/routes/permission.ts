import type { Context } from 'hono';
import { can, type Action } from '../auth/roles.js';
import { DraftError } from '../errors.js';

/** Refuses, with a 403 naming what is missing, a request whose role may not do `action`. */
export function requirePermission(c: Context, action: Action, what: string): void {
  if (!can(c.get('scope').actor.role, action)) {
    throw new DraftError('forbidden', `Tài khoản của bạn không có quyền ${what}; việc này dành cho quản trị viên của cơ quan.`);
  }
}
