import type { StaffRole } from '@samabay/domain-kit';
import { branchOfMemberNo, type AccessPolicy } from './access-policy';
import { branchOfLoanId } from './loan-branch';

/** Staff who may read member data: everyone but partners (partner NGOs only ever see pseudonymised public topics). */
const STAFF_READERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'auditor', 'admin'];
/** Staff who may run member commands: auditors read only. */
const STAFF_WRITERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'admin'];
const HEAD_OFFICE: readonly StaffRole[] = ['head_office', 'admin'];
/** Staff who record loan business (the lending decider's LENDING_STAFF_ROLES). */
const LOAN_MAKERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office'];
/** Loan checkers: approval, reschedule, write-off (maker–checker, DESIGN §7; the decider also refuses the maker). */
const LOAN_CHECKERS: readonly StaffRole[] = ['branch_manager', 'head_office'];

const input = (args: Record<string, unknown>): Record<string, unknown> => (args.input ?? {}) as Record<string, unknown>;

/**
 * The access policies of the gateway, in one place (DESIGN §7). The security issue tightens these
 * (field-level personal-data access, maker–checker); resolvers only name them.
 */
export const Policies = {
  /** /health and /metrics: scraped by the platform's own infrastructure. */
  infrastructure: { name: 'infrastructure', public: true, roles: [] },
  listMembers: { name: 'members', roles: STAFF_READERS, defaultBranchArg: 'branchCode', branches: (args) => [args.branchCode as string] },
  readMember: { name: 'member', roles: STAFF_READERS, branches: (args) => [branchOfMemberNo(args.memberNo)] },
  /** Counts and share capital per branch: no personal data, so partners (aggregates only) may read it too. */
  readBranchSummaries: { name: 'branchSummaries', roles: [...STAFF_READERS, 'partner'] },
  admitMember: { name: 'admitMember', roles: STAFF_WRITERS, branches: (args) => [input(args).branchCode as string | undefined] },
  memberCommand: { name: 'member commands', roles: STAFF_WRITERS, branches: (args) => [branchOfMemberNo(input(args).memberNo)] },
  openBranch: { name: 'openBranch', roles: HEAD_OFFICE },
  /** Register migration: head office, or a branch manager for rows of their own branch. */
  importMembers: {
    name: 'importMembers',
    roles: [...HEAD_OFFICE, 'branch_manager'],
    branches: (args) => (Array.isArray(args.rows) ? args.rows : []).map((row) => (row as { branchCode?: string }).branchCode),
  },
  applyForLoan: { name: 'applyForLoan', roles: LOAN_MAKERS, branches: (args) => [branchOfMemberNo(input(args).memberNo)] },
  /** Appraise, disburse, repay, close: makers of the loan's branch. */
  loanCommand: { name: 'loan commands', roles: LOAN_MAKERS, branches: (args) => [branchOfLoanId(input(args).loanId)] },
  /** The loan products and terms in force on a date: configuration, no personal data. */
  readLoanProducts: { name: 'loanProducts', roles: STAFF_READERS },
  /** Approve, reschedule, request and approve a write-off: checkers of the loan's branch. */
  loanCheckerCommand: { name: 'loan approval, reschedule and write-off', roles: LOAN_CHECKERS, branches: (args) => [branchOfLoanId(input(args).loanId)] },
  /** RBI IRAC: a loss asset is marked by head office (auditors may identify one, but they change nothing here: they ask head office). */
  markLoanAsLoss: { name: 'markLoanAsLoss', roles: ['head_office'], branches: (args) => [branchOfLoanId(input(args).loanId)] },
  runLoanDayEnd: { name: 'runLoanDayEnd', roles: ['branch_manager', 'head_office', 'admin'], branches: (args) => [input(args).branchCode as string | undefined] },
  readLoan: { name: 'loan queries', roles: STAFF_READERS, branches: (args) => [branchOfLoanId(args.loanId)] },
  readMemberLoans: { name: 'memberLoans', roles: STAFF_READERS, branches: (args) => [branchOfMemberNo(args.memberNo)] },
  /** Portfolio, collection sheet and day-end status of a branch (a branch-bound role's own by default). */
  readBranchLoans: { name: 'branch loan reports', roles: STAFF_READERS, defaultBranchArg: 'branchCode', branches: (args) => [args.branchCode as string] },
} as const satisfies Record<string, AccessPolicy>;
