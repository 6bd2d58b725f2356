/** @samabay/membership — branches, members, shares and the member directory (issue 2 items 4–5). */
export { createMembership, type Membership, type MembershipOptions } from './application/create-membership';
export { MembershipCommandService, type MembershipCommands, type MemberCommandAccepted, type EnsuredBranch } from './application/membership-commands';
export type {
  AdmitMemberInput,
  BranchDefinition,
  ChangeNomineeInput,
  ExitMemberInput,
  ForgetMemberInput,
  ImportMemberInput,
  OpenBranchInput,
  PurchaseSharesInput,
} from './application/membership-inputs';
export { DEFAULT_BRANCHES } from './application/default-branches';
export { noOpenDues, type OpenDuesLookup } from './application/open-dues';
export { openLoanDues } from './application/open-loan-dues';
export { OpenLoansProjection } from './infrastructure/open-loans-projection';
export { MemberActivityProjection } from './infrastructure/member-activity-projection';
export { memberExitStanding, noExitStanding, type ExitStandingLookup } from './application/member-exit-standing';
export type { MembershipProducts, MembershipTerms } from './domain/membership-products';
export { MEMBER_STATUSES, type MemberStatus } from './domain/member/member-status';
export type { NomineeDetails, PersonalDetails } from './domain/member/personal-details';
export type { ExitStanding, OpenDue, OpenSavingsAccount } from './domain/member/member-commands';
export type {
  MemberAdmitted,
  MemberEvent,
  MemberExited,
  MemberForgetRequested,
  MemberForgotten,
  MemberRegisteredFromLegacyRegister,
  MemberStatusCarriedForward,
  NomineeChanged,
  SharesPurchased,
} from './domain/member/member-events';
export type { BranchEvent, BranchOpened, MemberNumberReserved } from './domain/branch/branch-events';
export { branchStreamId, memberStreamId } from './domain/stream-ids';
export { formatMemberNo, parseMemberNo } from './domain/member-number';
export { defaultMembershipProducts, loadMembershipProducts, parseMembershipProducts } from './infrastructure/membership-products-config';
export {
  SqlMemberDirectoryReader,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type BranchSummary,
  type ListMembersQuery,
  type MemberDirectoryReader,
  type MemberPage,
  type MemberRecord,
} from './infrastructure/member-directory-reader';
export { encodeMemberCursor, decodeMemberCursor } from './infrastructure/member-cursor';
export { MemberDirectoryProjection } from './infrastructure/member-directory-projection';
export { BranchSummaryProjection } from './infrastructure/branch-summary-projection';
export { vaultOpener, type PersonalDataOpener } from './infrastructure/personal-data-opener';
export { DEFAULT_READ_MODEL_SCHEMA } from './infrastructure/read-model-schema';
export type { PersonalDataRetention, RetentionTerms } from './domain/personal-data-retention';
export { defaultPersonalDataRetention, loadPersonalDataRetention, parsePersonalDataRetention } from './infrastructure/personal-data-retention-config';
export { reapplyForgottenMembers } from './application/reapply-forgets';
export { MEMBERSHIP_COMMAND_NAMES } from './application/membership-command-names';
