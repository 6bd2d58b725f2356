import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { MemberStanding } from '../shared/member-standing';
import type { ProceedsDestination } from './proceeds-destination';

/** Every Monthly Income Scheme command names the account, its business date and `today` (YYYY-MM-DD, Asia/Kolkata). */
interface MonthlyIncomeCommandBase {
  readonly accountId: string;
  readonly businessDate: IsoDate;
  readonly today: IsoDate;
}

/** A command given for the member: `memberNo` must own the deposit. */
interface MemberCommandBase extends MonthlyIncomeCommandBase {
  readonly memberNo: string;
}

/**
 * Open an MIS deposit of `principalPaise` (paid in cash) for `tenureMonths` whose monthly income goes to
 * `payoutAccountId`, one of the member's own Savings Deposit / Thrift Fund accounts.
 */
export interface OpenMonthlyIncomeDeposit extends MemberCommandBase {
  readonly type: 'OpenMonthlyIncomeDeposit';
  readonly memberStatus: MemberStanding;
  readonly principalPaise: Paise;
  readonly tenureMonths: number;
  readonly payoutAccountId: string;
}

/**
 * Pay income month `month` (1-based, in order) once it is due; the application then credits it to the
 * payout account. Idempotent per month: a month already paid gives no events.
 */
export interface PayMonthlyIncome extends MonthlyIncomeCommandBase {
  readonly type: 'PayMonthlyIncome';
  readonly month: number;
}

/** Close on or after maturity with every income month paid: the principal returns to `payout`. */
export interface CloseMonthlyIncomeAtMaturity extends MemberCommandBase {
  readonly type: 'CloseMonthlyIncomeAtMaturity';
  readonly payout: ProceedsDestination;
}

/** Close before maturity: interest recomputed at the held period's rate minus the penalty; excess income paid is recovered. */
export interface CloseMonthlyIncomePrematurely extends MemberCommandBase {
  readonly type: 'CloseMonthlyIncomePrematurely';
  readonly payout: ProceedsDestination;
}

/** Every command of the Monthly Income Scheme decider. */
export type MonthlyIncomeCommand = OpenMonthlyIncomeDeposit | PayMonthlyIncome | CloseMonthlyIncomeAtMaturity | CloseMonthlyIncomePrematurely;
