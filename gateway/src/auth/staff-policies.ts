import type { StaffRole } from '@samabay/domain-kit';
import { branchOfApprovalId } from '@samabay/maker-checker';
import { branchOfMemberNo, type AccessPolicy } from './access-policy';
import { branchOfAccountId } from './savings-policies';

/** Registry administrators (the staff decider's REGISTRY_ADMIN_ROLES). */
const REGISTRY_ADMINS: readonly StaffRole[] = ['head_office', 'admin'];
/** Who may check maker–checker items (the item's own checker roles are enforced by its decider). */
const CHECKERS: readonly StaffRole[] = ['branch_manager', 'head_office', 'admin'];
/** Staff who run counter commands: auditors read only. */
const STAFF_WRITERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'admin'];

const input = (args: Record<string, unknown>): Record<string, unknown> => (args.input ?? {}) as Record<string, unknown>;

/**
 * Access policies of the staff registry and of the maker–checker queue (DESIGN §7), in the style of
 * policies.ts: the registry is head-office business (branch managers and auditors may read it; a
 * branch manager only their branch's staff); pending items are seen and decided by checkers of the
 * item's branch (the approval id names it), and read by auditors.
 */
export const StaffPolicies = {
  readStaff: { name: 'staff registry queries', roles: ['branch_manager', 'head_office', 'admin', 'auditor'], defaultBranchArg: 'branchCode', branches: (args) => [args.branchCode as string] },
  /** staffMember(userId): the user's branch is unknown before reading, so head-office-wide roles only. */
  readStaffMember: { name: 'staffMember', roles: ['head_office', 'admin', 'auditor'] },
  registryCommand: { name: 'staff registry commands', roles: REGISTRY_ADMINS },
  readPendingItems: { name: 'pendingItems', roles: [...CHECKERS, 'auditor'], defaultBranchArg: 'branchCode', branches: (args) => [args.branchCode as string] },
  checkPendingItem: { name: 'approve or refuse a pending item', roles: CHECKERS, branches: (args) => [branchOfApprovalId(input(args).approvalId)] },
  withdrawPendingItem: { name: 'withdrawPendingItem', roles: STAFF_WRITERS, branches: (args) => [branchOfApprovalId(input(args).approvalId)] },
  requestLargeWithdrawal: {
    name: 'requestLargeWithdrawal',
    roles: STAFF_WRITERS,
    branches: (args) => [branchOfMemberNo(input(args).memberNo), branchOfAccountId(input(args).accountId)],
  },
} as const satisfies Record<string, AccessPolicy>;
