import { DomainError, parseIsoDate, ValidationError, type Actor, type StaffRole } from '@samabay/domain-kit';
import type { StaffMember, StaffState } from './staff-state';

/** Roles that administer the staff registry (register, disable, enable, request and check role changes). */
export const REGISTRY_ADMIN_ROLES: readonly StaffRole[] = ['head_office', 'admin'];
/** Roles whose registration needs a second administrator (maker–checker): they administer, or see, everything. */
export const PRIVILEGED_ROLES: readonly StaffRole[] = ['admin', 'head_office', 'auditor'];
/** The platform's own start-up actor; reserved, so no staff user (and no token) can be it. */
export const BOOTSTRAP_ACTOR_ID = 'system';
/** Every staff role (DESIGN §7 plus admin). */
export const ALL_STAFF_ROLES: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'auditor', 'partner', 'admin'];

const USER_ID = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const BRANCH = /^[A-Z]{3}$/;
const REASON = /^[A-Z][A-Z0-9_]{1,63}$/;

/** @throws ValidationError INVALID_USER_ID (userId) unless 2–64 lower-case letters, digits, dots, dashes or underscores. */
export function requireUserId(userId: unknown): string {
  if (typeof userId !== 'string' || !USER_ID.test(userId)) throw new ValidationError('userId', 'the user id must be 2–64 lower-case letters, digits, dots, dashes or underscores', 'INVALID_USER_ID');
  return userId;
}

/** @throws ValidationError INVALID_ROLE (role), INVALID_BRANCH_CODE (branchCode). */
export function requireRoleAndBranch(role: unknown, branchCode: unknown): { role: StaffRole; branchCode: string } {
  if (!ALL_STAFF_ROLES.includes(role as StaffRole)) throw new ValidationError('role', `the role must be one of ${ALL_STAFF_ROLES.join(', ')}`, 'INVALID_ROLE');
  return { role: role as StaffRole, branchCode: requireBranchCode(branchCode) };
}

/** @throws ValidationError INVALID_BRANCH_CODE (branchCode) unless three capital letters. */
export function requireBranchCode(branchCode: unknown): string {
  if (typeof branchCode !== 'string' || !BRANCH.test(branchCode)) throw new ValidationError('branchCode', 'the branch code is three capital letters', 'INVALID_BRANCH_CODE');
  return branchCode;
}

/**
 * A registration of a privileged role ({@link PRIVILEGED_ROLES}) carries an approved maker–checker
 * item, or is the platform's start-up registration of its first administrator.
 * @throws DomainError APPROVAL_REQUIRED (role).
 */
export function requireApprovalForPrivilegedRole(role: StaffRole, approvalId: unknown, bootstrap: unknown, actor: Actor): void {
  if (!PRIVILEGED_ROLES.includes(role)) return;
  if (typeof approvalId === 'string' && approvalId.length > 0) return;
  if (bootstrap === true && actor.userId === BOOTSTRAP_ACTOR_ID) return;
  throw new DomainError('APPROVAL_REQUIRED', `registering a user as ${PRIVILEGED_ROLES.join(', ')} needs a second administrator: use requestStaffRegistration`, 'role');
}

/** @throws DomainError RESERVED_USER_ID (userId) for the platform's own actor id. */
export function requireRegistrableUserId(userId: string): string {
  if (userId === BOOTSTRAP_ACTOR_ID) throw new DomainError('RESERVED_USER_ID', 'this user id is reserved for the platform', 'userId');
  return userId;
}

/** @throws ValidationError INVALID_REASON_CODE (reasonCode). */
export function requireReasonCode(reasonCode: unknown): string {
  if (typeof reasonCode !== 'string' || !REASON.test(reasonCode)) throw new ValidationError('reasonCode', 'the reason is a code of capital letters, digits and underscores', 'INVALID_REASON_CODE');
  return reasonCode;
}

/** @throws ValidationError INVALID_ACTOR; DomainError ROLE_NOT_ALLOWED (actor.role) unless a registry administrator. */
export function requireRegistryAdmin(actor: Actor | undefined): Actor {
  if (!actor || typeof actor.userId !== 'string' || actor.userId.trim() === '') throw new ValidationError('actor.userId', 'the acting staff member is missing', 'INVALID_ACTOR');
  if (!REGISTRY_ADMIN_ROLES.includes(actor.role)) throw new DomainError('ROLE_NOT_ALLOWED', `this needs the role ${REGISTRY_ADMIN_ROLES.join(' or ')}`, 'actor.role');
  return actor;
}

/** @throws DomainError STAFF_NOT_FOUND (userId). */
export function requireStaff(state: StaffState, userId: string): StaffMember {
  if (state === null || state.userId !== userId) throw new DomainError('STAFF_NOT_FOUND', 'there is no such staff user', 'userId');
  return state;
}

/** @throws DomainError NOT_ON_ONESELF (userId) when the actor acts on their own registry entry. */
export function requireNotSelf(actor: Actor, userId: string, what: string): void {
  if (actor.userId === userId) throw new DomainError('NOT_ON_ONESELF', `staff may not ${what} themselves`, 'userId');
}

/** The command's business date. @throws ValidationError BAD_DATE (businessDate). */
export function requireBusinessDate(date: unknown): string {
  return parseIsoDate(date, 'businessDate');
}
