/**
 * Who may do what inside their own cơ quan (issue 12.3). Every role drafts: a chuyên viên writes
 * their own drafts and reads those shared with the office; lãnh đạo and văn thư also read, comment
 * on and approve ("đã duyệt") every draft of the office; quản trị manages the office itself (users,
 * profile, model settings, the audit trail, recovering deleted drafts) but reads only what is shared,
 * like anyone else. Nobody reaches another office: that is decided before any permission.
 */
export const ROLES = ['chuyen-vien', 'van-thu', 'lanh-dao', 'quan-tri'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'chuyen-vien': 'Chuyên viên',
  'van-thu': 'Văn thư',
  'lanh-dao': 'Lãnh đạo',
  'quan-tri': 'Quản trị',
};

export const ACTIONS = [
  /** Create drafts and conversations, which they then own. */
  'draft.create',
  /** Read drafts another member shared with the office. */
  'draft.read-shared',
  /** Read every draft of the office, shared or not. */
  'draft.read-office',
  /** Comment on a draft they can read. */
  'draft.comment',
  /** Mark a draft "đã duyệt". */
  'draft.approve',
  /** Read the office profile (prefills every new draft). */
  'profile.read',
  /** Change the office profile. */
  'profile.manage',
  /** Create, change, lock users of the office; reset their passwords. */
  'users.manage',
  /** Choose the model and its settings. */
  'model.manage',
  /** Read and export the office's audit trail. */
  'audit.read',
  /** Bring back a deleted draft within 30 days. */
  'draft.restore',
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYONE: Action[] = ['draft.create', 'draft.read-shared', 'draft.comment', 'profile.read'];
const REVIEWER: Action[] = [...EVERYONE, 'draft.read-office', 'draft.approve'];

export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  'chuyen-vien': new Set(EVERYONE),
  'van-thu': new Set(REVIEWER),
  'lanh-dao': new Set(REVIEWER),
  'quan-tri': new Set([...EVERYONE, 'profile.manage', 'users.manage', 'model.manage', 'audit.read', 'draft.restore']),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].has(action);
}

export interface Actor {
  userId: string;
  officeId: string;
  role: Role;
}

export interface DraftOwnership {
  ownerId: string;
  officeId: string;
  /** Shared with the office by its owner. */
  shared: boolean;
}

export type DraftAccess = 'read' | 'write' | 'comment' | 'approve';

/**
 * What an actor may do with one draft. Empty for another office's draft, which the routes answer
 * with 404 exactly like a missing one. Only the owner writes: a reviewer comments and approves.
 */
export function draftAccess(actor: Actor, draft: DraftOwnership): ReadonlySet<DraftAccess> {
  const access = new Set<DraftAccess>();
  if (actor.officeId !== draft.officeId) return access;
  const own = actor.userId === draft.ownerId;
  const readable = own || (draft.shared && can(actor.role, 'draft.read-shared')) || can(actor.role, 'draft.read-office');
  if (!readable) return access;
  access.add('read');
  if (own) access.add('write');
  if (can(actor.role, 'draft.comment')) access.add('comment');
  if (can(actor.role, 'draft.approve')) access.add('approve');
  return access;
}
