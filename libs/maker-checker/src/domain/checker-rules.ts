import { DomainError, ValidationError, type Actor, type StaffRole } from '@samabay/domain-kit';

/** Roles that act only within their own branch (DESIGN §7); such a checker checks only items of that branch. */
export const BRANCH_BOUND_ROLES: readonly StaffRole[] = ['teller', 'branch_manager'];

/**
 * Maker–checker (DESIGN §7): the checker holds one of `checkerRoles`, is neither the maker nor one of
 * `excluded`, and — for a branch-bound role — works at the item's branch.
 * @throws ValidationError INVALID_ACTOR (actor.userId) for a missing actor;
 *   DomainError CHECKER_ROLE_NOT_ALLOWED (actor.role), MAKER_CANNOT_APPROVE (actor.userId),
 *   CHECKER_EXCLUDED (actor.userId), CHECKER_OUTSIDE_BRANCH (actor.branchCode).
 */
export function requireDistinctChecker(
  checker: Actor | undefined,
  item: { readonly makerUserId: string; readonly checkerRoles: readonly StaffRole[]; readonly branchCode: string; readonly excludedCheckers?: readonly string[] },
): Actor {
  if (!checker || typeof checker.userId !== 'string' || checker.userId.trim() === '') throw new ValidationError('actor.userId', 'the acting staff member is missing', 'INVALID_ACTOR');
  if (!item.checkerRoles.includes(checker.role)) {
    throw new DomainError('CHECKER_ROLE_NOT_ALLOWED', `this needs a checker with the role ${item.checkerRoles.join(' or ')}`, 'actor.role');
  }
  if (checker.userId === item.makerUserId) throw new DomainError('MAKER_CANNOT_APPROVE', 'the checker must be a different staff member from the maker', 'actor.userId');
  if (item.excludedCheckers?.includes(checker.userId)) throw new DomainError('CHECKER_EXCLUDED', 'this staff member may not check this item', 'actor.userId');
  if (BRANCH_BOUND_ROLES.includes(checker.role) && checker.branchCode !== item.branchCode) {
    throw new DomainError('CHECKER_OUTSIDE_BRANCH', `a ${checker.role} checks only items of their own branch`, 'actor.branchCode');
  }
  return checker;
}
