import type { StaffRole } from '@samabay/domain-kit';
import { branchOfMemberNo, type AccessPolicy } from './access-policy';

/** Staff who may read member data: everyone but partners (partner NGOs only ever see pseudonymised public topics). */
const STAFF_READERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'auditor', 'admin'];
/** Staff who may run member commands: auditors read only. */
const STAFF_WRITERS: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office', 'admin'];
const HEAD_OFFICE: readonly StaffRole[] = ['head_office', 'admin'];

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
  /** Counts and share capital per branch: no personal data. */
  readBranchSummaries: { name: 'branchSummaries', roles: STAFF_READERS },
  admitMember: { name: 'admitMember', roles: STAFF_WRITERS, branches: (args) => [input(args).branchCode as string | undefined] },
  memberCommand: { name: 'member commands', roles: STAFF_WRITERS, branches: (args) => [branchOfMemberNo(input(args).memberNo)] },
  openBranch: { name: 'openBranch', roles: HEAD_OFFICE },
  /** Register migration: head office, or a branch manager for rows of their own branch. */
  importMembers: {
    name: 'importMembers',
    roles: [...HEAD_OFFICE, 'branch_manager'],
    branches: (args) => (Array.isArray(args.rows) ? args.rows : []).map((row) => (row as { branchCode?: string }).branchCode),
  },
} as const satisfies Record<string, AccessPolicy>;
