/** Open a new branch. `branchCode`: three upper-case letters; `name`: 1–100 characters after trimming. */
export interface OpenBranch {
  readonly type: 'OpenBranch';
  readonly branchCode: string;
  readonly name: string;
}

/**
 * Take a member number from the branch's register. Without `requestedMemberNo` the next number after
 * the highest one taken is allocated (gaps are never reused: a number once printed on a passbook stays
 * that member's). With it (register import, or staff keeping a paper number) exactly that number is taken.
 */
export interface ReserveMemberNumber {
  readonly type: 'ReserveMemberNumber';
  readonly branchCode: string;
  readonly requestedMemberNo?: string;
}

/** Every command the branch decider accepts. */
export type BranchCommand = OpenBranch | ReserveMemberNumber;
