import type { Actor, IsoDate, Paise } from '@samabay/domain-kit';
import type { LoanPurpose } from '../product/loan-purpose';
import type { AllocationStrategy } from '../repayment/allocation-strategy';
import type { OverpaymentRule } from '../repayment/repayment-plan';

/** The staff member acting (from the bearer token via the application, never from client input): id and role. */
export type LoanActor = Pick<Actor, 'userId' | 'role'>;

/** Every loan command names the loan (stream `loan-<loanId>`) and its business date (YYYY-MM-DD, Asia/Kolkata). */
interface LoanCommandBase {
  readonly loanId: string;
  readonly businessDate: IsoDate;
}

/** A command a staff member issues. */
interface StaffLoanCommand extends LoanCommandBase {
  readonly actor: LoanActor;
}

/**
 * What the lending service knows of the member when she applies, and again when the loan is approved
 * and disbursed (from its local projections of the membership, savings and lending events — the decider
 * does no I/O, so the application passes them in): status and admission date, savings balance (paise),
 * her open loans other than this one (applied, appraised, approved or disbursed; not rejected, withdrawn,
 * closed or written off), her exposure on those loans (paise: principal outstanding of the disbursed ones
 * plus the amount of the others), and whether any of her loans is NPA (borrower-wise).
 * `exposurePaise` is absent from applications recorded before it existed (read as 0).
 */
export interface EligibilityFacts {
  readonly memberStatus: 'ACTIVE' | 'INACTIVE' | 'EXITED';
  readonly memberSince: IsoDate;
  readonly savingsBalancePaise: Paise;
  readonly openLoans: number;
  readonly exposurePaise: Paise;
  readonly borrowerNpa: boolean;
}

/**
 * What lending knows of a member named as a guarantor (from its projection of membership events):
 * her member number, status and branch. A member lending has never heard of has no GuarantorFact.
 */
export interface GuarantorFact {
  readonly memberNo: string;
  readonly status: 'ACTIVE' | 'INACTIVE' | 'EXITED';
  readonly branchCode: string;
}

/**
 * A member applies for a loan of `amountPaise` over `numberOfInstalments` instalments for `purpose`
 * under `productCode`. `ratePercent` (on the product's basis: % p.a. or % per month) defaults to the
 * product's rate. `guarantors` are member numbers of fellow members.
 */
export interface ApplyForLoan extends StaffLoanCommand {
  readonly type: 'ApplyForLoan';
  readonly memberNo: string;
  readonly branchCode: string;
  readonly productCode: string;
  readonly purpose: LoanPurpose;
  readonly amountPaise: Paise;
  readonly numberOfInstalments: number;
  readonly ratePercent?: string;
  readonly guarantors: readonly string[];
  /** The facts of the named guarantors lending knows (any order; unknown ones are simply missing). */
  readonly guarantorFacts: readonly GuarantorFact[];
  readonly eligibility: EligibilityFacts;
}

/**
 * A staff member appraises the application, optionally revising amount, term, rate and guarantors within
 * the product. `guarantorFacts` (required when `guarantors` is given) are those of the guarantors named.
 */
export interface AppraiseLoan extends StaffLoanCommand {
  readonly type: 'AppraiseLoan';
  readonly amountPaise?: Paise;
  readonly numberOfInstalments?: number;
  readonly ratePercent?: string;
  readonly guarantors?: readonly string[];
  readonly guarantorFacts?: readonly GuarantorFact[];
}

/**
 * A second staff member (checker: branch_manager or head_office, not the maker) approves the appraised
 * loan; `eligibility` is the borrower's standing now (other loans than this one), re-checked.
 */
export interface ApproveLoan extends StaffLoanCommand {
  readonly type: 'ApproveLoan';
  readonly eligibility: EligibilityFacts;
}

/** Where the money goes: handed over in cash, or credited to the member's savings account. */
export type DisbursementChannel = { readonly kind: 'CASH' } | { readonly kind: 'SAVINGS_ACCOUNT'; readonly savingsAccountId: string };

/**
 * The approved amount is paid out once; the schedule starts on the business date. CASH is paid at once
 * (LoanDisbursed); SAVINGS_ACCOUNT is requested (LoanDisbursementRequested) and completed by the
 * disbursement process once savings has credited the account (ConfirmDisbursement / FailDisbursement).
 */
export interface DisburseLoan extends StaffLoanCommand {
  readonly type: 'DisburseLoan';
  readonly channel: DisbursementChannel;
  /** The borrower's standing now (other loans than this one), re-checked before the money moves. */
  readonly eligibility: EligibilityFacts;
  /** Required for SAVINGS_ACCOUNT: the id the request goes by (the application derives it from the idempotency key). */
  readonly disbursementId?: string;
}

/**
 * The disbursement process reports that savings credited the requested disbursement `disbursementId`
 * (the LoanDisbursementRequested event id) into the savings account: the loan is disbursed as requested.
 * Idempotent: the same disbursement confirmed again gives no events.
 */
export interface ConfirmDisbursement extends LoanCommandBase {
  readonly type: 'ConfirmDisbursement';
  readonly disbursementId: string;
  /** The savings credit's event id, kept for the audit trail. */
  readonly creditEventId: string;
}

/**
 * The disbursement process reports that savings refused the credit (`reasonCode`: the savings rejection,
 * e.g. ACCOUNT_CLOSED): no money moved, the loan is APPROVED again and may be disbursed another way.
 * Idempotent like ConfirmDisbursement.
 */
export interface FailDisbursement extends LoanCommandBase {
  readonly type: 'FailDisbursement';
  readonly disbursementId: string;
  readonly reasonCode: string;
}

/** The checker (branch_manager or head_office, not the maker) rejects an application awaiting approval; `reason` is a short code-like text. */
export interface RejectLoan extends StaffLoanCommand {
  readonly type: 'RejectLoan';
  readonly reason: string;
}

/** The member withdraws her application before disbursement (recorded by lending staff); `reason` is optional short text. */
export interface WithdrawLoanApplication extends StaffLoanCommand {
  readonly type: 'WithdrawLoanApplication';
  readonly reason?: string;
}

/**
 * The member repays `amountPaise` (> 0). `strategy` defaults to 'RBI'; `overpayment` to 'REJECT'
 * (a payment above the foreclosure amount is refused unless 'REFUND_EXCESS' is named).
 */
export interface RecordRepayment extends StaffLoanCommand {
  readonly type: 'RecordRepayment';
  readonly amountPaise: Paise;
  readonly strategy?: AllocationStrategy;
  readonly overpayment?: OverpaymentRule;
}

/** A new schedule for all unpaid principal from the business date over `numberOfInstalments`, optionally at a new rate within the product. */
export interface RescheduleLoan extends StaffLoanCommand {
  readonly type: 'RescheduleLoan';
  readonly numberOfInstalments: number;
  readonly ratePercent?: string;
}

/** The maker proposes writing the loan off (it must be NPA). */
export interface RequestWriteOff extends StaffLoanCommand {
  readonly type: 'RequestWriteOff';
}

/** The checker (a different person, branch_manager or head_office) writes the loan off as requested. */
export interface WriteOffLoan extends StaffLoanCommand {
  readonly type: 'WriteOffLoan';
}

/** Head office or an auditor marks an NPA loan as a loss asset (RBI IRAC). */
export interface MarkLoanAsLoss extends StaffLoanCommand {
  readonly type: 'MarkLoanAsLoss';
}

/** A loan with nothing outstanding is closed. */
export interface CloseLoan extends StaffLoanCommand {
  readonly type: 'CloseLoan';
}

/**
 * Day-end ageing of the loan on the business date (DESIGN §9): penalties, days past due, SMA and
 * asset class. `otherLoansNpaSince` is the earliest own-NPA date among the member's other loans
 * (borrower-wise NPA; `classifyBorrower` computes it), null when none is NPA. Idempotent per date.
 */
export interface AgeLoan extends LoanCommandBase {
  readonly type: 'AgeLoan';
  readonly otherLoansNpaSince: IsoDate | null;
}

/** Every command of the loan decider. */
export type LoanCommand =
  | ApplyForLoan
  | AppraiseLoan
  | ApproveLoan
  | DisburseLoan
  | ConfirmDisbursement
  | FailDisbursement
  | RejectLoan
  | WithdrawLoanApplication
  | RecordRepayment
  | RescheduleLoan
  | RequestWriteOff
  | WriteOffLoan
  | MarkLoanAsLoss
  | CloseLoan
  | AgeLoan;
