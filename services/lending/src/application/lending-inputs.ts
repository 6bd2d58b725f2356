import type { Paise } from '@samabay/domain-kit';
import type { DisbursementChannel } from '../domain/loan/loan-commands';
import type { LoanPurpose } from '../domain/product/loan-purpose';
import type { AllocationStrategy } from '../domain/repayment/allocation-strategy';
import type { OverpaymentRule } from '../domain/repayment/repayment-plan';

/**
 * A member applies for a loan (amount in paise, term in instalments, rate a decimal string on the
 * product's basis, defaulting to the product's rate). `loanId` keeps a number already written in a
 * paper loan register ('SNG-L-000123', the member's branch); otherwise one is derived from the
 * idempotency key, so a retried request names the same loan.
 */
export interface ApplyForLoanInput {
  readonly memberNo: string;
  readonly productCode: string;
  readonly purpose: LoanPurpose;
  readonly amountPaise: Paise;
  readonly numberOfInstalments: number;
  readonly ratePercent?: string | null;
  readonly guarantors?: readonly string[] | null;
  readonly loanId?: string | null;
}

/** The maker's appraisal; each field left out keeps the application's value. */
export interface AppraiseLoanInput {
  readonly loanId: string;
  readonly amountPaise?: Paise | null;
  readonly numberOfInstalments?: number | null;
  readonly ratePercent?: string | null;
  readonly guarantors?: readonly string[] | null;
}

/** A command that names only the loan (approve, request or approve a write-off, mark as loss, close). */
export interface LoanInput {
  readonly loanId: string;
}

/** Pay the approved loan out, in cash or into the member's savings account. */
export interface DisburseLoanInput {
  readonly loanId: string;
  readonly channel: DisbursementChannel;
}

/** A repayment of `amountPaise` (> 0); strategy RBI and overpayment REJECT by default. */
export interface RecordRepaymentInput {
  readonly loanId: string;
  readonly amountPaise: Paise;
  readonly strategy?: AllocationStrategy | null;
  readonly overpayment?: OverpaymentRule | null;
}

/** A new schedule of `numberOfInstalments` from the business date, optionally at a new rate within the product. */
export interface RescheduleLoanInput {
  readonly loanId: string;
  readonly numberOfInstalments: number;
  readonly ratePercent?: string | null;
}

/** A checker rejects an application; `reason` is a code such as INSUFFICIENT_REPAYMENT_CAPACITY (never free text). */
export interface RejectLoanInput {
  readonly loanId: string;
  readonly reason: string;
}

/** The member withdraws her application; `reason` optional, a code such as FUNDS_NOT_NEEDED. */
export interface WithdrawLoanApplicationInput {
  readonly loanId: string;
  readonly reason?: string | null;
}

/** The disbursement process reports the savings credit of a requested disbursement (`creditEventId`: the credit's event id). */
export interface ConfirmDisbursementInput {
  readonly loanId: string;
  readonly disbursementId: string;
  readonly creditEventId: string;
}

/** The disbursement process reports that savings refused the credit (`reasonCode`: the savings rejection code). */
export interface FailDisbursementInput {
  readonly loanId: string;
  readonly disbursementId: string;
  readonly reasonCode: string;
}
