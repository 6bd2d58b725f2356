/** Open a new branch. `branchCode`: three upper-case letters; `name`: 1–100 characters after trimming. */
export interface OpenBranch {
  readonly type: 'OpenBranch';
  readonly branchCode: string;
  readonly name: string;
}

/**
 * Take a member number from the branch's register. Without `requestedMemberNo` the next free number
 * after the last automatically allocated one is taken (before the first: after the highest taken),
 * skipping numbers already taken; past 999999 it wraps to the lowest free number. A number once
 * taken is never handed out again (it stays that member's, exited or not). With `requestedMemberNo`
 * (register import, or staff keeping a paper number) exactly that number is taken.
 */
export interface ReserveMemberNumber {
  readonly type: 'ReserveMemberNumber';
  readonly branchCode: string;
  readonly requestedMemberNo?: string;
}

/** Every command the branch decider accepts. */
export type BranchCommand = OpenBranch | ReserveMemberNumber;
