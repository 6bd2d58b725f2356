import { ValidationError } from '@samabay/domain-kit';

/** A member's standing in the co-operative, as the GraphQL enum MemberStatus shows it. */
export type MemberStatus = 'ACTIVE' | 'INACTIVE' | 'EXITED';

export const MEMBER_STATUSES: readonly MemberStatus[] = ['ACTIVE', 'INACTIVE', 'EXITED'];

/** @throws ValidationError INVALID_STATUS on `field` unless `status` is ACTIVE, INACTIVE or EXITED. */
export function assertMemberStatus(status: unknown, field = 'status'): asserts status is MemberStatus {
  if (!MEMBER_STATUSES.includes(status as MemberStatus)) {
    throw new ValidationError(field, 'status must be ACTIVE, INACTIVE or EXITED', 'INVALID_STATUS');
  }
}
