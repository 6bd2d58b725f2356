import type { DomainEvent } from '@samabay/domain-kit';

/** A branch of the co-operative was opened. `name` is the branch's public name (not personal data). */
export type BranchOpened = DomainEvent<'BranchOpened', { readonly branchCode: string; readonly name: string }>;

/**
 * A member number was taken from the branch's register before the member's own stream is written.
 * `allocation`: 'auto' = next free after the last automatic one; 'requested' = a number chosen by the caller
 * (the legacy register's own numbers). `sequence` is the number's six-digit part as an integer.
 */
export type MemberNumberReserved = DomainEvent<
  'MemberNumberReserved',
  { readonly branchCode: string; readonly memberNo: string; readonly sequence: number; readonly allocation: 'auto' | 'requested' }
>;

/** Every event of a `branch-<CODE>` stream. */
export type BranchEvent = BranchOpened | MemberNumberReserved;
