import { branchOfMemberNo, type AccessPolicy } from './access-policy';

const input = (args: Record<string, unknown>): Record<string, unknown> => (args.input ?? {}) as Record<string, unknown>;

/**
 * Access policies of the privacy commands (issue 6 item 4), in the style of policies.ts. Forgetting
 * a former member is head office's alone (not admin: the decider refuses every other role too);
 * maker–checker is enforced by the membership decider (the approver must not be the requester).
 */
export const PrivacyPolicies = {
  forgetMember: { name: 'forget member (request and approval)', roles: ['head_office'], branches: (args) => [branchOfMemberNo(input(args).memberNo)] },
} as const satisfies Record<string, AccessPolicy>;
