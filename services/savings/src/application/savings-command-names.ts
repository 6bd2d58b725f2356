import type { SavingsCommands } from './savings-commands';

/**
 * Every command of {@link SavingsCommands}, by name: what the savings service answers over
 * `@nestjs/microservices` in the single-server topology and what the gateway's client proxy sends
 * (runDayEnd's progress options stay in-process: callbacks do not travel).
 * Adding a command to the interface without listing it here fails the type check below.
 */
export const SAVINGS_COMMAND_NAMES = [
  'openAccount',
  'deposit',
  'withdraw',
  'largeWithdrawalTerms',
  'closeAccount',
  'reactivateAccount',
  'transferBetweenOwnAccounts',
  'openRecurringDeposit',
  'payInstalment',
  'payRecurringDepositFine',
  'closeRecurringDeposit',
  'recordCollection',
  'verifyCollection',
  'disputeCollection',
  'importRegisterBalances',
  'runDayEnd',
] as const satisfies readonly (keyof SavingsCommands)[];

const everyCommandListed: Exclude<keyof SavingsCommands, (typeof SAVINGS_COMMAND_NAMES)[number]> extends never ? true : false = true;
void everyCommandListed;
