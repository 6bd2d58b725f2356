import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { SavingsProductCode } from '../domain/products/savings-products';

/**
 * Inputs of the savings commands. Every command also takes a CommandContext: the client's idempotency
 * key, the acting staff member and the business date (Asia/Kolkata) the command belongs to. Amounts are
 * integer paise; account ids look like 'SNG-000123-SD-01' and name their owner.
 */

/** Open a Savings Deposit or Thrift Fund account; without `accountId` the member's next free serial is used. */
export interface OpenSavingsAccountInput {
  readonly memberNo: string;
  readonly product: SavingsProductCode;
  readonly accountId?: string | null;
}

/** Cash in or out of a savings account for the member who owns it. */
export interface AccountCashInput {
  readonly accountId: string;
  readonly memberNo: string;
  readonly amountPaise: Paise;
}

/** Cash out; `approvalId`: the approved maker–checker item that lets a withdrawal above the limit through. */
export interface WithdrawInput extends AccountCashInput {
  readonly approvalId?: string | null;
}

/** A command on one of the member's accounts that carries nothing else (close, reactivate). */
export interface AccountOfMemberInput {
  readonly accountId: string;
  readonly memberNo: string;
}

/** Move money between two of the member's own savings accounts. */
export interface OwnAccountTransferInput {
  readonly memberNo: string;
  readonly fromAccountId: string;
  readonly toAccountId: string;
  readonly amountPaise: Paise;
}

/** Open a Recurring Deposit (first instalment paid at opening); without `accountId` the next free RD serial. */
export interface OpenRecurringDepositInput {
  readonly memberNo: string;
  readonly instalmentPaise: Paise;
  readonly tenureYears: number;
  readonly accountId?: string | null;
}

/** How a Recurring Deposit is closed: before maturity (penal rate) or at maturity (table value). */
export type RecurringDepositClosure = 'PREMATURE' | 'MATURITY';

/** Close a Recurring Deposit. */
export interface CloseRecurringDepositInput extends AccountOfMemberInput {
  readonly closure: RecurringDepositClosure;
}

/** A field agent's door-step collection, pending until the branch verifies it. `collectionId`: the agent's receipt number. */
export interface RecordCollectionInput {
  readonly accountId: string;
  readonly memberNo: string;
  readonly collectionId: string;
  readonly agentId: string;
  readonly amountPaise: Paise;
}

/** The branch's count of a pending collection's cash: verify it (counted = recorded) or dispute it. */
export interface SettleCollectionInput {
  readonly accountId: string;
  readonly collectionId: string;
  readonly countedPaise: Paise;
}

/**
 * One member register row's savings columns (issue 4 item 7): the Savings Deposit and Thrift Fund
 * balances carried over as opening balances on accounts SD-01 and TF-01, dated at the import's business date.
 */
export interface RegisterBalancesInput {
  readonly memberNo: string;
  readonly savingsDepositPaise: Paise;
  readonly thriftFundPaise: Paise;
}

/** Run the savings day-end of a branch through a business date (catching up every day not closed yet). */
export interface RunDayEndInput {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
}

/** Hooks of a day-end run: stop it (as a crash would) and watch its progress. */
export interface DayEndRunOptions {
  /** Aborting stops the run between accounts; the day is not closed, and a re-run finishes it. */
  readonly signal?: AbortSignal;
  /** Called after each account's day-end was accepted (or replayed). */
  readonly onAccountClosed?: (accountId: string, businessDate: IsoDate) => void;
}

/** Where a term deposit's proceeds go: cash at the counter, or one of the member's own SD/TF accounts. */
export type ProceedsDestinationInput = { readonly kind: 'CASH' } | { readonly kind: 'SAVINGS_ACCOUNT'; readonly savingsAccountId: string };

/** Open a Fixed Deposit of `principalPaise` (cash) for `tenureMonths`; without `accountId` the next free FD serial. */
export interface OpenFixedDepositInput {
  readonly memberNo: string;
  readonly principalPaise: Paise;
  readonly tenureMonths: number;
  readonly accountId?: string | null;
}

/** Open a Monthly Income Scheme deposit whose income goes monthly to `payoutAccountId` (the member's SD/TF account). */
export interface OpenMonthlyIncomeDepositInput extends OpenFixedDepositInput {
  readonly payoutAccountId: string;
}

/** How a term deposit is closed: before maturity (penal rate) or at maturity. */
export type TermDepositClosure = 'PREMATURE' | 'MATURITY';

/** Close a Fixed Deposit or MIS deposit, paying the proceeds to `payout`. */
export interface CloseTermDepositInput extends AccountOfMemberInput {
  readonly closure: TermDepositClosure;
  readonly payout: ProceedsDestinationInput;
}

/**
 * Credit a disbursed loan into a member's savings account (sent by lending's disbursement process).
 * `disbursementId`: the id of the lending event that requested the disbursement (one credit per id).
 */
export interface CreditLoanDisbursementInput {
  readonly accountId: string;
  readonly memberNo: string;
  readonly loanId: string;
  readonly disbursementId: string;
  readonly amountPaise: Paise;
}

/** Pay the Monthly Income Scheme income due in a branch through a business date (idempotent per deposit and month). */
export interface MonthlyIncomePayoutsInput {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
}
