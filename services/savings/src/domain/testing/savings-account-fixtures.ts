import type { SavingsAccountEvent } from '../account/savings-account-events';

/** Synthetic member SNG-000123 (no personal data). */
export const MEMBER = 'SNG-000123';
/** The member's Savings Deposit account. */
export const SD = 'SNG-000123-SD-01';
/** The member's Thrift Fund account. */
export const TF = 'SNG-000123-TF-01';

/** SavingsAccountOpened for `accountId` on `businessDate`. */
export function openedEvent(accountId = SD, businessDate = '2025-04-01', origin: 'COUNTER' | 'REGISTER_IMPORT' = 'COUNTER'): SavingsAccountEvent {
  const product = accountId.includes('-TF-') ? 'THRIFT_FUND' : 'SAVINGS_DEPOSIT';
  return { type: 'SavingsAccountOpened', data: { accountId, businessDate, memberNo: accountId.slice(0, 10), branchCode: accountId.slice(0, 3), product, origin } };
}

/** DepositRecorded of `amountPaise` leaving `balancePaise`. */
export function depositEvent(businessDate: string, amountPaise: number, balancePaise: number, accountId = SD): SavingsAccountEvent {
  return { type: 'DepositRecorded', data: { accountId, businessDate, amountPaise, balancePaise } };
}

/** WithdrawalRecorded of `amountPaise` leaving `balancePaise`. */
export function withdrawalEvent(businessDate: string, amountPaise: number, balancePaise: number, accountId = SD): SavingsAccountEvent {
  return { type: 'WithdrawalRecorded', data: { accountId, businessDate, amountPaise, balancePaise } };
}

/**
 * The example month on `accountId`: opened 2025-04-01 with Rs 10,000 (so the 1st–4th hold Rs 10,000,
 * as with an opening balance), then in April 2025 (30 days) +Rs 5,000 on the 5th, −Rs 8,000 on the 12th,
 * +Rs 20,000 on the 25th.
 */
export function exampleMonth(accountId = SD): SavingsAccountEvent[] {
  return [
    openedEvent(accountId),
    depositEvent('2025-04-01', 1_000_000, 1_000_000, accountId),
    depositEvent('2025-04-05', 500_000, 1_500_000, accountId),
    withdrawalEvent('2025-04-12', 800_000, 700_000, accountId),
    depositEvent('2025-04-25', 2_000_000, 2_700_000, accountId),
  ];
}

/** InterestAccrued at 4% for [periodFrom, periodTo]. */
export function accruedEvent(
  accountId: string,
  periodFrom: string,
  periodTo: string,
  balanceMethod: 'DAILY_PRODUCT' | 'MINIMUM_BALANCE',
  exactInterestPaise: string,
  amountPaise: number,
  unpostedPaise: number,
  ratesPercent: string[] = ['4'],
): SavingsAccountEvent {
  return { type: 'InterestAccrued', data: { accountId, businessDate: periodTo, periodFrom, periodTo, balanceMethod, ratesPercent, exactInterestPaise, amountPaise, unpostedPaise } };
}
