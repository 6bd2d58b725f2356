import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { MemberStanding } from '../shared/member-standing';

/** Every Recurring Deposit command names the account, its business date and `today` (YYYY-MM-DD, Asia/Kolkata). */
interface RecurringDepositCommandBase {
  readonly accountId: string;
  readonly businessDate: IsoDate;
  readonly today: IsoDate;
}

/** A command given for the member: `memberNo` must own the account. */
interface MemberCommandBase extends RecurringDepositCommandBase {
  readonly memberNo: string;
}

/**
 * Open a Recurring Deposit for an active member with a monthly instalment (paise) and a tenure of whole
 * years from the published table; the first instalment is paid at opening.
 */
export interface OpenRecurringDeposit extends MemberCommandBase {
  readonly type: 'OpenRecurringDeposit';
  readonly memberStatus: MemberStanding;
  readonly instalmentPaise: Paise;
  readonly tenureYears: number;
}

/** Pay the next instalment (arrears first); the amount must be exactly the instalment. */
export interface PayInstalment extends MemberCommandBase {
  readonly type: 'PayInstalment';
  readonly amountPaise: Paise;
}

/** Day-end on a month's last day: fine the instalment of that month if it is still unpaid (idempotent per date). */
export interface ChargeMissedInstalmentFine extends RecurringDepositCommandBase {
  readonly type: 'ChargeMissedInstalmentFine';
}

/**
 * Day-end of one deposit for the business date: fines every month end on or before it whose
 * instalment was unpaid as the day stood and is not fined yet, oldest first, in one append.
 */
export interface CloseRecurringDepositBusinessDay extends RecurringDepositCommandBase {
  readonly type: 'CloseBusinessDay';
}

/** Pay (part of) the fines outstanding. */
export interface PayFine extends MemberCommandBase {
  readonly type: 'PayFine';
  readonly amountPaise: Paise;
}

/** Close before maturity: interest at the held period's rate minus the penalty points. */
export interface ClosePrematurely extends MemberCommandBase {
  readonly type: 'ClosePrematurely';
}

/** Close on or after the maturity date with every instalment paid: the table's maturity value. */
export interface CloseAtMaturity extends MemberCommandBase {
  readonly type: 'CloseAtMaturity';
}

/** Every command of the Recurring Deposit decider. */
export type RecurringDepositCommand =
  | OpenRecurringDeposit
  | PayInstalment
  | ChargeMissedInstalmentFine
  | CloseRecurringDepositBusinessDay
  | PayFine
  | ClosePrematurely
  | CloseAtMaturity;
