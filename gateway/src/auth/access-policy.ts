import { SetMetadata } from '@nestjs/common';
import type { Actor, StaffRole } from '@samabay/domain-kit';

/**
 * Who may call a resolver or route (DESIGN §7). Every resolver declares one with `@Policy(...)`;
 * the StaffAuthGuard refuses anything without a policy, so a forgotten declaration fails closed.
 *
 * - `roles`: the staff roles allowed at all.
 * - `branches(args)`: the branch codes the call touches (an input's branchCode, a member number's
 *   prefix); roles bound to a branch (teller, branch_manager) may only touch their own. `undefined`
 *   in the list means "a branch we cannot tell" and is refused to branch-bound roles.
 * - `defaultBranchArg`: for listings, the argument that branch-bound roles get set to their own
 *   branch when they leave it empty (so a teller's `members` lists the teller's branch).
 * - `public`: no authentication (health, metrics).
 */
export interface AccessPolicy {
  readonly name: string;
  readonly public?: boolean;
  readonly roles: readonly StaffRole[];
  readonly branches?: (args: Record<string, unknown>) => ReadonlyArray<string | undefined>;
  readonly defaultBranchArg?: string;
}

/** Metadata key under which `@Policy` stores the policy. */
export const ACCESS_POLICY = 'samabay:access-policy';

/** Declares the access policy of a resolver or controller method (or a whole class). */
export const Policy = (policy: AccessPolicy): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_POLICY, policy);

/** Roles that act only within their own branch. */
export const BRANCH_BOUND_ROLES: readonly StaffRole[] = ['teller', 'branch_manager'];

/** Roles that only read (README: auditors change nothing): refused every mutation whatever a policy lists. */
export const READ_ONLY_ROLES: readonly StaffRole[] = ['auditor', 'partner'];

/** The outcome of {@link evaluatePolicy}; `reason` is safe to show (no personal data). */
export type PolicyDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * Decides whether `actor` may make a call with `args` under `policy`. Pure; the guard throws on a
 * refusal. Applies `defaultBranchArg` to `args` (mutates it) for branch-bound roles. `writes`: the
 * call changes something (a GraphQL mutation); read-only roles ({@link READ_ONLY_ROLES}) are refused.
 */
export function evaluatePolicy(policy: AccessPolicy, actor: Actor, args: Record<string, unknown>, writes = false): PolicyDecision {
  if (writes && READ_ONLY_ROLES.includes(actor.role)) {
    return { allowed: false, reason: `the role ${actor.role} only reads` };
  }
  if (!policy.roles.includes(actor.role)) {
    return { allowed: false, reason: `the role ${actor.role} may not use ${policy.name}` };
  }
  if (!BRANCH_BOUND_ROLES.includes(actor.role)) return { allowed: true };
  if (policy.defaultBranchArg && (args[policy.defaultBranchArg] === undefined || args[policy.defaultBranchArg] === null)) {
    args[policy.defaultBranchArg] = actor.branchCode;
  }
  const touched = policy.branches?.(args) ?? [];
  const foreign = touched.filter((branch) => branch !== actor.branchCode);
  if (foreign.length > 0) {
    return { allowed: false, reason: `a ${actor.role} of ${actor.branchCode} may only act within that branch` };
  }
  return { allowed: true };
}

/** The branch prefix of a member number such as 'SNG-000123', or undefined when it has none. */
export function branchOfMemberNo(memberNo: unknown): string | undefined {
  const match = typeof memberNo === 'string' ? /^([A-Z]{3})-\d+$/.exec(memberNo) : null;
  return match ? match[1] : undefined;
}
