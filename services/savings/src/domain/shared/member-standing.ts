import { DomainError, ValidationError } from '@samabay/domain-kit';

/** A member's status as the savings service knows it from membership events (MemberAdmitted, MemberStatusCarriedForward, MemberExited). */
export type MemberStanding = 'ACTIVE' | 'INACTIVE' | 'EXITED';

const STANDINGS: readonly MemberStanding[] = ['ACTIVE', 'INACTIVE', 'EXITED'];

/**
 * Checks that an account may be opened for a member of `status`: only ACTIVE members open accounts
 * (DESIGN §8), except that the register import also carries an INACTIVE member's balances over as they stand.
 * @throws ValidationError INVALID_MEMBER_STATUS (not a known status), DomainError MEMBER_NOT_ACTIVE (field memberStatus).
 */
export function requireMemberMayOpen(status: unknown, allowInactive: boolean): MemberStanding {
  if (!STANDINGS.includes(status as MemberStanding)) {
    throw new ValidationError('memberStatus', 'memberStatus must be ACTIVE, INACTIVE or EXITED', 'INVALID_MEMBER_STATUS');
  }
  if (status === 'ACTIVE' || (status === 'INACTIVE' && allowInactive)) return status;
  throw new DomainError('MEMBER_NOT_ACTIVE', 'accounts are opened only for active members', 'memberStatus');
}
