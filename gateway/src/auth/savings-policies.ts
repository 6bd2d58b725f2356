import type { StaffRole } from '@samabay/domain-kit';
import { branchOfMemberNo, type AccessPolicy } from './access-policy';

/** Staff who may read savings: everyone but partners (they only ever see pseudonymised public topics). */
const STAFF_READERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'auditor', 'admin'];
/** Staff who may run savings commands: auditors read only. */
const STAFF_WRITERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'admin'];
/** Close of business: the branch manager of the branch, or head office. */
const BRANCH_MANAGERS: readonly StaffRole[] = ['branch_manager', 'head_office', 'admin'];
/**
 * The register migration's opening balances: a head-office act only (they create balances "brought
 * forward from the member register", so a branch must not be able to create money for its own members).
 */
const REGISTER_MIGRATORS: readonly StaffRole[] = ['head_office', 'admin'];

const input = (args: Record<string, unknown>): Record<string, unknown> => (args.input ?? {}) as Record<string, unknown>;

/** The branch prefix of an account id such as 'SNG-000123-SD-01', or undefined when it has none. */
export function branchOfAccountId(accountId: unknown): string | undefined {
  const match = typeof accountId === 'string' ? /^([A-Z]{3})-\d{6}-[A-Z]{2}-\d{2}$/.exec(accountId) : null;
  return match ? match[1] : undefined;
}

/** The branches a savings command input touches: its member's and every account it names. */
function branchesOfInput(args: Record<string, unknown>): Array<string | undefined> {
  const values = input(args);
  const branches: Array<string | undefined> = [];
  if ('memberNo' in values) branches.push(branchOfMemberNo(values.memberNo));
  for (const field of ['accountId', 'fromAccountId', 'toAccountId', 'payoutAccountId']) {
    if (values[field] !== undefined && values[field] !== null) branches.push(branchOfAccountId(values[field]));
  }
  return branches.length > 0 ? branches : [undefined];
}

/**
 * The savings access policies (DESIGN §7), in the style of policies.ts: tellers and branch managers
 * act within their own branch (an account id or member number names its branch), head office
 * everywhere; auditors read; partners never see member savings.
 */
export const SavingsPolicies = {
  readAccount: { name: 'savings account', roles: STAFF_READERS, branches: (args) => [branchOfAccountId(args.accountId)] },
  readMemberSavings: { name: 'member savings', roles: STAFF_READERS, branches: (args) => [branchOfMemberNo(args.memberNo)] },
  /** Cash book, interest paid, agent sheets, day-end status of a branch (a branch-bound role defaults to its own). */
  readBranchBooks: { name: 'branch savings books', roles: STAFF_READERS, defaultBranchArg: 'branchCode', branches: (args) => [args.branchCode as string] },
  /** Balances per branch and product: no personal data, so partners (aggregates only) may read it too. */
  readBranchTotals: { name: 'savingsBranchTotals', roles: [...STAFF_READERS, 'partner'] },
  /** Every counter command on a member's account(s). */
  accountCommand: { name: 'savings commands', roles: STAFF_WRITERS, branches: branchesOfInput },
  runDayEnd: { name: 'runSavingsDayEnd', roles: BRANCH_MANAGERS, branches: (args) => [input(args).branchCode as string | undefined] },
  importOpeningBalances: {
    name: 'importOpeningBalances',
    roles: REGISTER_MIGRATORS,
    branches: (args) => (Array.isArray(args.rows) ? args.rows : []).map((row) => branchOfMemberNo((row as { memberNo?: unknown }).memberNo)),
  },
} as const satisfies Record<string, AccessPolicy>;
