import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { MemberStanding } from '../shared/member-standing';
import type { ProceedsDestination } from './proceeds-destination';

/** Every Fixed Deposit command names the account, the member it is given for, its business date and `today` (YYYY-MM-DD, Asia/Kolkata). */
interface FixedDepositCommandBase {
  readonly accountId: string;
  readonly memberNo: string;
  readonly businessDate: IsoDate;
  readonly today: IsoDate;
}

/** Open a Fixed Deposit of `principalPaise` (paid in cash) for `tenureMonths` with the terms in force on the business date. */
export interface OpenFixedDeposit extends FixedDepositCommandBase {
  readonly type: 'OpenFixedDeposit';
  readonly memberStatus: MemberStanding;
  readonly principalPaise: Paise;
  readonly tenureMonths: number;
}

/** Close on or after the maturity date: principal + the contract's maturity interest, to `payout`. */
export interface CloseFixedDepositAtMaturity extends FixedDepositCommandBase {
  readonly type: 'CloseFixedDepositAtMaturity';
  readonly payout: ProceedsDestination;
}

/** Close before maturity: interest at the rate for the period held minus the penalty points, to `payout`. */
export interface CloseFixedDepositPrematurely extends FixedDepositCommandBase {
  readonly type: 'CloseFixedDepositPrematurely';
  readonly payout: ProceedsDestination;
}

/** Every command of the Fixed Deposit decider. */
export type FixedDepositCommand = OpenFixedDeposit | CloseFixedDepositAtMaturity | CloseFixedDepositPrematurely;
