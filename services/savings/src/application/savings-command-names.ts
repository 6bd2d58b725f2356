import type { SavingsCommands } from './savings-commands';

/**
 * The synchronous, configuration-only queries of {@link SavingsCommands}: they append nothing and
 * answer from the effective-dated product configuration, so they do not travel over TCP (a remote
 * call could not answer synchronously). In the single-server topology the gateway answers them
 * itself from the same configuration (see gateway/src/single-server.ts).
 */
export const SAVINGS_LOCAL_QUERIES = ['withdrawalNeedsApproval'] as const satisfies readonly (keyof SavingsCommands)[];

/** SavingsCommands without its local queries: what travels over TCP. */
export type RemoteSavingsCommands = Omit<SavingsCommands, (typeof SAVINGS_LOCAL_QUERIES)[number]>;

/**
 * Every command of {@link SavingsCommands}, by name: what the savings service answers over
 * `@nestjs/microservices` in the single-server topology and what the gateway's client proxy sends
 * (runDayEnd's progress options stay in-process: callbacks do not travel; SAVINGS_LOCAL_QUERIES do not travel).
 * Adding a command to the interface without listing it here (or there) fails the type check below.
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
  'openFixedDeposit',
  'closeFixedDeposit',
  'openMonthlyIncomeDeposit',
  'closeMonthlyIncomeDeposit',
  'payMonthlyIncomeDue',
  'creditLoanDisbursement',
] as const satisfies readonly (keyof RemoteSavingsCommands)[];

const everyCommandListed: Exclude<keyof SavingsCommands, (typeof SAVINGS_COMMAND_NAMES)[number] | (typeof SAVINGS_LOCAL_QUERIES)[number]> extends never ? true : false = true;
void everyCommandListed;
