import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { SavingsProductCode } from '../products/savings-products';
import type { MemberOrigin, MemberStanding } from '../shared/member-standing';

/**
 * What every savings-account command carries: the account, the business date it belongs to and
 * `today` (both YYYY-MM-DD, Asia/Kolkata; deciders have no clock, so a future business date is caught
 * against `today`). Amounts are integer paise.
 */
interface AccountCommandBase {
  readonly accountId: string;
  readonly businessDate: IsoDate;
  readonly today: IsoDate;
}

/** A command a member (or staff for the member) gives: `memberNo` is whom the teller is serving; it must own the account. */
interface MemberCommandBase extends AccountCommandBase {
  readonly memberNo: string;
}

/**
 * Open a Savings Deposit or Thrift Fund account on the business date. `memberStatus` is the member's
 * status as the savings service knows it from membership events. `origin` REGISTER_IMPORT is the
 * legacy-register migration (issue 4 item 7), which also carries INACTIVE members' accounts over.
 */
export interface OpenAccount extends MemberCommandBase {
  readonly type: 'OpenAccount';
  readonly product: SavingsProductCode;
  readonly memberStatus: MemberStanding;
  readonly origin: 'COUNTER' | 'REGISTER_IMPORT';
}

/** The register's balance of an account opened by the import, dated at the import's business date; may be 0. */
export interface RecordOpeningBalance extends MemberCommandBase {
  readonly type: 'RecordOpeningBalance';
  readonly amountPaise: Paise;
}

/**
 * The register import's carry-over of one account in one command (issue 4 item 7): opens the account
 * with origin REGISTER_IMPORT and records the register's balance (may be 0), as OpenAccount followed by
 * RecordOpeningBalance would, in one append — so a re-run never finds an account opened without its balance.
 * Only for a member who came from the register (`memberOrigin` REGISTER); once per member and product
 * (account 01 of the product, which must not exist yet).
 */
export interface ImportRegisterBalance extends MemberCommandBase {
  readonly type: 'ImportRegisterBalance';
  readonly product: SavingsProductCode;
  readonly memberStatus: MemberStanding;
  /** How the member came, from savings' copy of membership's events: only REGISTER members carry balances over. */
  readonly memberOrigin: MemberOrigin;
  readonly amountPaise: Paise;
}

/** Cash paid in at the counter. */
export interface Deposit extends MemberCommandBase {
  readonly type: 'Deposit';
  readonly amountPaise: Paise;
}

/**
 * Cash paid out at the counter; never below the product's minimum balance. `approvalAbovePaise` is the
 * maker–checker limit in force on the business date (withdrawal-approval.json; absent: no limit): the
 * account's withdrawals of the business date including this one may total at most that much unless
 * `approvalId` names the checker's approval of this withdrawal.
 */
export interface Withdraw extends MemberCommandBase {
  readonly type: 'Withdraw';
  readonly amountPaise: Paise;
  readonly approvalAbovePaise?: Paise;
  readonly approvalId?: string;
}

/** Day-end: accrue interest for the accrual period(s) ending on the business date (idempotent per date). */
export interface AccrueInterest extends AccountCommandBase {
  readonly type: 'AccrueInterest';
}

/** Day-end: credit accrued interest on a posting date (idempotent per date). */
export interface PostInterest extends AccountCommandBase {
  readonly type: 'PostInterest';
}

/** Day-end: mark an account without customer-induced transactions for the product's dormancy period dormant. */
export interface MarkDormant extends AccountCommandBase {
  readonly type: 'MarkDormant';
}

/**
 * Day-end of one account for the business date (DESIGN §9): every accrual period that ended on or
 * before it and is not accrued yet, each followed by its posting when it ends a posting period, and
 * dormancy when due — the planner's commands for each such date, in date order, in one append.
 */
export interface CloseBusinessDay extends AccountCommandBase {
  readonly type: 'CloseBusinessDay';
}

/** The branch reactivates a dormant account (after seeing the member). */
export interface ReactivateAccount extends MemberCommandBase {
  readonly type: 'ReactivateAccount';
}

/** Close the account: interest to the closing date is credited and the whole balance paid out. */
export interface CloseAccount extends MemberCommandBase {
  readonly type: 'CloseAccount';
}

/** A field agent collected cash at the member's door (door-step collection); pending until verified. */
export interface RecordCollection extends MemberCommandBase {
  readonly type: 'RecordCollection';
  readonly collectionId: string;
  readonly agentId: string;
  readonly amountPaise: Paise;
}

/** The branch counted the agent's cash for a collection and it agrees: the deposit is posted. */
export interface VerifyCollection extends AccountCommandBase {
  readonly type: 'VerifyCollection';
  readonly collectionId: string;
  readonly countedPaise: Paise;
}

/** The branch counted a different amount than the agent recorded: nothing is posted, the difference is flagged. */
export interface DisputeCollection extends AccountCommandBase {
  readonly type: 'DisputeCollection';
  readonly collectionId: string;
  readonly countedPaise: Paise;
}

/** Debit side of a transfer between the member's own savings accounts (see own-account-transfer.ts). */
export interface TransferToOwnAccount extends MemberCommandBase {
  readonly type: 'TransferToOwnAccount';
  readonly transferId: string;
  readonly toAccountId: string;
  readonly amountPaise: Paise;
}

/** Credit side of a transfer between the member's own savings accounts. */
export interface ReceiveOwnAccountTransfer extends MemberCommandBase {
  readonly type: 'ReceiveOwnAccountTransfer';
  readonly transferId: string;
  readonly fromAccountId: string;
  readonly amountPaise: Paise;
}

/** Compensation: the credit side was rejected, so the debited amount returns to the source account. */
export interface ReverseOwnAccountTransfer extends AccountCommandBase {
  readonly type: 'ReverseOwnAccountTransfer';
  readonly transferId: string;
}

/**
 * Credit a loan the lending service disbursed into this savings account (issue 5: disbursement into the
 * member's savings account). `disbursementId` names the lending event that requested it (the loan's
 * LoanDisbursementRequested event id): one credit per disbursement.
 */
export interface CreditLoanDisbursement extends MemberCommandBase {
  readonly type: 'CreditLoanDisbursement';
  readonly loanId: string;
  readonly disbursementId: string;
  readonly amountPaise: Paise;
}

/** What a term deposit pays into a savings account: FD or MIS closure proceeds, or an MIS month's income. */
export type DepositProceedsKind = 'FIXED_DEPOSIT_CLOSURE' | 'MONTHLY_INCOME' | 'MONTHLY_INCOME_CLOSURE';

/**
 * Credit money a term deposit of the same member pays into this savings account. `reference` names the
 * payment within the source (e.g. 'closure', 'income-3'): one credit per (source, reference).
 */
export interface CreditDepositProceeds extends MemberCommandBase {
  readonly type: 'CreditDepositProceeds';
  readonly sourceAccountId: string;
  readonly kind: DepositProceedsKind;
  readonly reference: string;
  readonly amountPaise: Paise;
}

/** Every command of the savings-account decider. */
export type SavingsAccountCommand =
  | OpenAccount
  | RecordOpeningBalance
  | ImportRegisterBalance
  | Deposit
  | Withdraw
  | AccrueInterest
  | PostInterest
  | MarkDormant
  | CloseBusinessDay
  | ReactivateAccount
  | CloseAccount
  | RecordCollection
  | VerifyCollection
  | DisputeCollection
  | TransferToOwnAccount
  | ReceiveOwnAccountTransfer
  | ReverseOwnAccountTransfer
  | CreditLoanDisbursement
  | CreditDepositProceeds;

/** The commands day-end sends to a savings account. */
export type SavingsDayEndCommand = AccrueInterest | PostInterest | MarkDormant;
