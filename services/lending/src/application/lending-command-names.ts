import type { LendingCommands } from './lending-commands';

/**
 * Every command of {@link LendingCommands}, by name: what the lending service answers over
 * `@nestjs/microservices` in the single-server topology and what the gateway's client proxy sends
 * (besides these, the service answers `runDayEnd`, see LENDING_DAY_END_COMMAND).
 * Adding a command to the interface without listing it here fails the type check below.
 */
export const LENDING_COMMAND_NAMES = [
  'applyForLoan',
  'appraiseLoan',
  'approveLoan',
  'disburseLoan',
  'rejectLoan',
  'withdrawLoanApplication',
  'confirmDisbursement',
  'failDisbursement',
  'recordRepayment',
  'rescheduleLoan',
  'requestWriteOff',
  'writeOffLoan',
  'markLoanAsLoss',
  'closeLoan',
] as const satisfies readonly (keyof LendingCommands)[];

/** The remote name of Lending.runDayEnd (a branch's loan day-end, one command). */
export const LENDING_DAY_END_COMMAND = 'runDayEnd';

const everyCommandListed: Exclude<keyof LendingCommands, (typeof LENDING_COMMAND_NAMES)[number]> extends never ? true : false = true;
void everyCommandListed;
