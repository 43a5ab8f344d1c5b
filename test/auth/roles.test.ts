import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, can, draftAccess, isRole, type Role } from '../../server/auth/roles.js';

describe('roles and permissions', () => {
  it('lets lãnh đạo and văn thư read every draft of the office and approve; not chuyên viên or quản trị', () => {
    const approvers = ROLES.filter((r) => can(r, 'draft.approve'));
    expect(approvers.sort()).toEqual(['lanh-dao', 'van-thu']);
    expect(ROLES.filter((r) => can(r, 'draft.read-office')).sort()).toEqual(['lanh-dao', 'van-thu']);
  });

  it('lets only quản trị manage users, the office profile and the model, and read the audit trail', () => {
    for (const action of ['users.manage', 'profile.manage', 'model.manage', 'audit.read', 'draft.restore'] as const) {
      expect(ROLES.filter((r) => can(r, action)), action).toEqual(['quan-tri']);
    }
  });

  it('lets every role draft and read what is shared', () => {
    for (const r of ROLES) for (const a of ['draft.create', 'draft.read-shared', 'profile.read'] as const) expect(can(r, a)).toBe(true);
    expect(ACTIONS.length).toBeGreaterThan(5);
  });

  it('recognises role names as typed on the command line', () => {
    expect(isRole('quan-tri')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });
});

describe('access to one draft', () => {
  const office = 'UBND-NX';
  const actor = (role: Role, userId = 'u-actor', officeId = office) => ({ userId, officeId, role });
  const draft = (shared: boolean, ownerId = 'u-owner', officeId = office) => ({ ownerId, officeId, shared });
  const access = (a: ReturnType<typeof actor>, d: ReturnType<typeof draft>) => [...draftAccess(a, d)].sort();

  it('lets the owner read and write, whatever their role', () => {
    expect(access(actor('chuyen-vien', 'u-owner'), draft(false))).toEqual(['comment', 'read', 'write']);
    expect(access(actor('quan-tri', 'u-owner'), draft(false))).toEqual(['comment', 'read', 'write']);
  });

  it('lets a chuyên viên read and comment on a shared draft of a colleague, never an unshared one', () => {
    expect(access(actor('chuyen-vien'), draft(true))).toEqual(['comment', 'read']);
    expect(access(actor('chuyen-vien'), draft(false))).toEqual([]);
  });

  it('lets lãnh đạo read, comment on and approve any draft of the office, but not write it', () => {
    expect(access(actor('lanh-dao'), draft(false))).toEqual(['approve', 'comment', 'read']);
    expect(access(actor('van-thu'), draft(true))).toEqual(['approve', 'comment', 'read']);
  });

  it('gives nothing at all on another office’s draft, even to its lãnh đạo or quản trị', () => {
    for (const r of ROLES) expect(access(actor(r, 'u-owner', 'UBND-KHAC'), draft(true))).toEqual([]);
  });
});
