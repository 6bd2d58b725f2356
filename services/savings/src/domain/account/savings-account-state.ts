import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { BalanceMovement } from '../interest/balance-timeline';
import type { SavingsProductCode } from '../products/savings-products';

/** Interest accrued for a period and not yet credited. */
export interface UnpostedInterest {
  readonly periodFrom: IsoDate;
  readonly periodTo: IsoDate;
  readonly amountPaise: Paise;
}

/**
 * What interest needs of an account's history, kept small: balances only since the last accrual.
 * - `accruedThrough`: last day whose interest is accrued (the day before opening until the first accrual).
 * - `periodOpeningBalancePaise`: closing balance of `accruedThrough`, including interest posted on or before it.
 * - `movements`: balance changes dated after `accruedThrough`, in stream order.
 * - `unposted`: accruals not yet credited, oldest first (zero accruals are not kept).
 */
export interface InterestLedger {
  readonly accruedThrough: IsoDate;
  readonly periodOpeningBalancePaise: Paise;
  readonly movements: readonly BalanceMovement[];
  readonly unposted: readonly UnpostedInterest[];
}

/** A door-step collection recorded by an agent, not yet verified or disputed. */
export interface PendingCollection {
  readonly agentId: string;
  readonly amountPaise: Paise;
  readonly collectedOn: IsoDate;
}

/** A debit to the member's own account, kept while its interest period is open so that it can be reversed once. */
export interface TransferOutRecord {
  readonly toAccountId: string;
  readonly amountPaise: Paise;
  readonly businessDate: IsoDate;
  readonly reversed: boolean;
}

/**
 * A Savings Deposit / Thrift Fund account as its decider knows it. ACTIVE takes every transaction;
 * DORMANT takes money in but pays nothing out until reactivated; CLOSED takes nothing.
 * Settled collections and transfer ids are remembered (to reject a repeat) while their business date is
 * after `interest.accruedThrough`; older ones are forgotten, because a command dated in a closed
 * interest period is rejected anyway (PERIOD_CLOSED). This keeps the state of a decades-old account small.
 */
export interface SavingsAccount {
  readonly accountId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly product: SavingsProductCode;
  readonly origin: 'COUNTER' | 'REGISTER_IMPORT';
  readonly openedOn: IsoDate;
  readonly status: 'ACTIVE' | 'DORMANT' | 'CLOSED';
  readonly balancePaise: Paise;
  readonly openingBalanceRecorded: boolean;
  /** True once any money moved other than the opening balance (the opening balance must come first). */
  readonly hasTransactions: boolean;
  readonly lastCustomerActivityOn: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly interest: InterestLedger;
  readonly pendingCollections: Readonly<Record<string, PendingCollection>>;
  /** Verified or disputed collections by id → their collection date. */
  readonly settledCollections: Readonly<Record<string, IsoDate>>;
  readonly transfersOut: Readonly<Record<string, TransferOutRecord>>;
  /** Credits received by transfer id → business date. */
  readonly transfersIn: Readonly<Record<string, IsoDate>>;
  /**
   * Credits from other services and products (a loan disbursement: 'loan:<disbursementId>'; term-deposit
   * proceeds: 'deposit:<sourceAccountId>:<reference>') → business date; forgotten like transfer ids.
   */
  readonly creditsReceived?: Readonly<Record<string, IsoDate>>;
  /**
   * Cash withdrawn per business date (paise), for the maker–checker limit on a day's withdrawals (a
   * limit per transaction alone is avoided by splitting); forgotten like transfer ids.
   */
  readonly withdrawnByDate?: Readonly<Record<IsoDate, Paise>>;
}

/** State of a savings-account stream: null until the account is opened. */
export type SavingsAccountState = SavingsAccount | null;
