import { can, type Action } from '../auth/roles.js';
import { currentScope } from '../auth/scope.js';
import { DraftError } from '../errors.js';

/** Refuses, with a 403 naming what is missing, a request whose role may not do `action`. */
export function requirePermission(action: Action, what: string): void {
  if (!can(currentScope().actor.role, action)) {
    throw new DraftError('forbidden', `Tài khoản của bạn không có quyền ${what}; việc này dành cho quản trị viên của cơ quan.`);
  }
}
