import type { MembershipCommands } from './membership-commands';

/**
 * Every command of {@link MembershipCommands}, by name: what the membership service answers over
 * `@nestjs/microservices` in the single-server topology and what the gateway's client proxy sends.
 * Adding a command to the interface without listing it here fails the type check below.
 */
export const MEMBERSHIP_COMMAND_NAMES = [
  'openBranch',
  'admitMember',
  'importMember',
  'purchaseShares',
  'changeNominee',
  'exitMember',
  'requestForgetMember',
  'approveForgetMember',
  'ensureBranches',
] as const satisfies readonly (keyof MembershipCommands)[];

const everyCommandListed: Exclude<keyof MembershipCommands, (typeof MEMBERSHIP_COMMAND_NAMES)[number]> extends never ? true : false = true;
void everyCommandListed;
