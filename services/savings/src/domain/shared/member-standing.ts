import { DomainError, ValidationError } from '@samabay/domain-kit';

/** A member's status as the savings service knows it from membership events (MemberAdmitted, MemberStatusCarriedForward, MemberExited). */
export type MemberStanding = 'ACTIVE' | 'INACTIVE' | 'EXITED';

/**
 * How a member came to the co-operative as savings knows it: ADMITTED at a counter (MemberAdmitted) or
 * REGISTER, carried over from the legacy member register (MemberRegisteredFromLegacyRegister). Only a
 * REGISTER member may take opening balances from the register import.
 */
export type MemberOrigin = 'ADMITTED' | 'REGISTER';

/** Savings' copy of one member: status, branch code (e.g. 'SNG') and origin. */
export interface MemberStandingRecord {
  readonly status: MemberStanding;
  readonly branchCode: string;
  readonly origin: MemberOrigin;
}

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

/**
 * Checks that a member came from the legacy register: opening balances "brought forward from the
 * member register" exist only for them (a member admitted at a counter has no register balance to carry).
 * @throws DomainError MEMBER_NOT_FROM_REGISTER (field memberNo) for any other origin.
 */
export function requireMemberFromRegister(origin: unknown): 'REGISTER' {
  if (origin === 'REGISTER') return origin;
  throw new DomainError('MEMBER_NOT_FROM_REGISTER', 'opening balances are carried over only for members brought in by the register import', 'memberNo');
}
