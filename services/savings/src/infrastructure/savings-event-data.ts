import type { RecordedEvent } from '@samabay/event-store';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import type { SavingsBusinessDayClosed } from '../domain/day-end/branch-day-end';
import type { RecurringDepositEvent } from '../domain/recurring/recurring-deposit-events';
import type { FixedDepositEvent } from '../domain/term-deposit/fixed-deposit-events';
import type { MonthlyIncomeEvent } from '../domain/term-deposit/monthly-income-events';

/** The `savingsAccount-` stream category (DESIGN §3): Savings Deposit, Thrift Fund, Recurring Deposit, Fixed Deposit and Monthly Income Scheme accounts. */
export const SAVINGS_ACCOUNT_STREAM_PREFIX = 'savingsAccount-';
/** The `savingsDayEnd-` stream category: one day-end checkpoint stream per branch. */
export const SAVINGS_DAY_END_STREAM_PREFIX = 'savingsDayEnd-';

/** Any event of a deposit account stream. */
export type DepositAccountEvent = SavingsAccountEvent | RecurringDepositEvent | FixedDepositEvent | MonthlyIncomeEvent;

const DEPOSIT_ACCOUNT_EVENT_TYPES: ReadonlySet<string> = new Set<DepositAccountEvent['type']>([
  'SavingsAccountOpened',
  'OpeningBalanceRecorded',
  'DepositRecorded',
  'WithdrawalRecorded',
  'InterestAccrued',
  'InterestPosted',
  'AccountMarkedDormant',
  'AccountReactivated',
  'SavingsAccountClosed',
  'CollectionRecorded',
  'CollectionVerified',
  'CollectionDisputed',
  'OwnAccountTransferDebited',
  'OwnAccountTransferCredited',
  'OwnAccountTransferReversed',
  'RecurringDepositOpened',
  'InstalmentPaid',
  'MissedInstalmentFined',
  'FinePaid',
  'RecurringDepositClosedPrematurely',
  'RecurringDepositClosedAtMaturity',
  'LoanDisbursementCredited',
  'DepositProceedsCredited',
  'FixedDepositOpened',
  'FixedDepositClosedAtMaturity',
  'FixedDepositClosedPrematurely',
  'MonthlyIncomeDepositOpened',
  'MonthlyIncomePaid',
  'MonthlyIncomeDepositClosedAtMaturity',
  'MonthlyIncomeDepositClosedPrematurely',
]);

/** The recorded event as a deposit-account event, or null for any other stream or type (projections ignore those). */
export function asDepositAccountEvent(event: RecordedEvent): DepositAccountEvent | null {
  if (!event.streamId.startsWith(SAVINGS_ACCOUNT_STREAM_PREFIX) || !DEPOSIT_ACCOUNT_EVENT_TYPES.has(event.type)) return null;
  return { type: event.type, data: event.data } as DepositAccountEvent;
}

/** The recorded event as a branch day-end checkpoint, or null. */
export function asBusinessDayClosed(event: RecordedEvent): SavingsBusinessDayClosed | null {
  if (!event.streamId.startsWith(SAVINGS_DAY_END_STREAM_PREFIX) || event.type !== 'SavingsBusinessDayClosed') return null;
  return { type: event.type, data: event.data } as SavingsBusinessDayClosed;
}

/** The member number an account id names ('SNG-000123-SD-01' → 'SNG-000123'). */
export function memberNoOfAccount(accountId: string): string {
  return accountId.slice(0, 10);
}
