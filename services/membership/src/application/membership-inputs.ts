import type { MemberStatus } from '../domain/member/member-status';
import type { NomineeDetails, PersonalDetails } from '../domain/member/personal-details';

/** Open a branch: `branchCode` three upper-case letters, `name` its public name. */
export interface OpenBranchInput {
  readonly branchCode: string;
  readonly name: string;
}

/** A branch to make sure of at start-up (see MembershipCommands.ensureBranches): `code` e.g. 'SNG', `name` its public name. */
export interface BranchDefinition {
  readonly code: string;
  readonly name: string;
}

/**
 * Admit a new member at `branchCode` on the context's business date, buying `shares` whole shares.
 * `memberNo` is allocated (next free in the branch) unless given. Personal fields in plaintext:
 * the application seals them before they reach an event.
 */
export interface AdmitMemberInput {
  readonly branchCode: string;
  readonly memberNo?: string | null;
  readonly personal: PersonalDetails;
  readonly nominee?: NomineeDetails | null;
  readonly shares: number;
}

/**
 * One row of the legacy register (issue 2 item 7): explicit member number with its branch prefix,
 * historical admission date (YYYY-MM-DD; it becomes the command's business date), shares and
 * status as the register carries them.
 */
export interface ImportMemberInput {
  readonly memberNo: string;
  readonly branchCode: string;
  readonly admissionDate: string;
  readonly personal: PersonalDetails;
  readonly nominee?: NomineeDetails | null;
  readonly sharesHeld: number;
  readonly status: MemberStatus;
}

/** Buy `shares` more whole shares on the context's business date. */
export interface PurchaseSharesInput {
  readonly memberNo: string;
  readonly shares: number;
}

/** Replace the member's nominee. */
export interface ChangeNomineeInput {
  readonly memberNo: string;
  readonly nominee: NomineeDetails;
}

/** The member exits on the context's business date; share capital is refunded. */
export interface ExitMemberInput {
  readonly memberNo: string;
}

/**
 * Forget a former member (issue 6 item 4): `requestForgetMember` by one head-office user, then
 * `approveForgetMember` by another, both on the context's business date.
 */
export interface ForgetMemberInput {
  readonly memberNo: string;
}
