import type { DomainEvent, IsoDate, Paise, StaffRole } from '@samabay/domain-kit';
import type { AssetClass, SmaClass } from '../arrears/asset-classification';
import type { InterestRate } from '../product/interest-rate';
import type { LoanProductTerms } from '../product/loan-product';
import type { LoanPurpose } from '../product/loan-purpose';
import type { AllocationStrategy, InstalmentAllocation } from '../repayment/allocation-strategy';
import type { LoanBalances } from '../repayment/instalment-position';
import type { TruncatedInstalment } from '../repayment/reschedule';
import type { RevisionReason } from '../repayment/schedule-revision';
import type { ScheduledInstalment } from '../schedule/schedule-types';
import type { DisbursementChannel, EligibilityFacts } from './loan-commands';

/**
 * A member applied for a loan. `terms` snapshots the product terms in force on the application date
 * (they govern the loan for life); `rate` is on the product's basis and `annualRatePercent` its
 * nominal % p.a.; `eligibility` the facts the decision rested on. Amounts in paise.
 */
export type LoanApplied = DomainEvent<
  'LoanApplied',
  {
    readonly loanId: string;
    readonly memberNo: string;
    readonly branchCode: string;
    readonly productCode: string;
    readonly purpose: LoanPurpose;
    readonly amountPaise: Paise;
    readonly numberOfInstalments: number;
    readonly rate: InterestRate;
    readonly annualRatePercent: string;
    readonly terms: LoanProductTerms;
    readonly guarantors: readonly string[];
    readonly eligibility: EligibilityFacts;
    readonly appliedOn: IsoDate;
    readonly appliedBy: string;
  }
>;

/** The application was appraised (the maker's recommendation), with the amount, term, rate and guarantors it recommends. */
export type LoanAppraised = DomainEvent<
  'LoanAppraised',
  {
    readonly loanId: string;
    readonly amountPaise: Paise;
    readonly numberOfInstalments: number;
    readonly rate: InterestRate;
    readonly annualRatePercent: string;
    readonly guarantors: readonly string[];
    readonly appraisedOn: IsoDate;
    readonly appraisedBy: string;
  }
>;

/** A checker other than the maker approved the appraised loan. */
export type LoanApproved = DomainEvent<
  'LoanApproved',
  {
    readonly loanId: string;
    readonly amountPaise: Paise;
    readonly numberOfInstalments: number;
    readonly approvedOn: IsoDate;
    readonly approvedBy: string;
    readonly approverRole: StaffRole;
  }
>;

/**
 * The loan was paid out once; `instalments` is its repayment schedule; `principalOutstandingPaise` = amount.
 * A disbursement into a savings account carries `disbursementId` (the request) and `creditEventId` (the savings credit).
 */
export type LoanDisbursed = DomainEvent<
  'LoanDisbursed',
  {
    readonly loanId: string;
    readonly memberNo: string;
    readonly amountPaise: Paise;
    readonly channel: DisbursementChannel;
    readonly disbursedOn: IsoDate;
    readonly disbursedBy: string;
    readonly instalments: readonly ScheduledInstalment[];
    readonly totalInterestPaise: Paise;
    readonly principalOutstandingPaise: Paise;
    readonly disbursementId?: string;
    readonly creditEventId?: string;
  }
>;

/**
 * A disbursement into the member's savings account was requested on `requestedOn` (the schedule will
 * start on that date); the disbursement process credits the account, then confirms (LoanDisbursed) or
 * reports failure (LoanDisbursementFailed). `disbursementId` is given by the application (the id of this
 * very event, derived from the command's idempotency key): the process keys its commands on it.
 */
export type LoanDisbursementRequested = DomainEvent<
  'LoanDisbursementRequested',
  {
    readonly loanId: string;
    readonly disbursementId: string;
    readonly memberNo: string;
    readonly amountPaise: Paise;
    readonly savingsAccountId: string;
    readonly requestedOn: IsoDate;
    readonly requestedBy: string;
  }
>;

/** Savings refused the credit of a requested disbursement (`reasonCode`); nothing was paid, the loan is APPROVED again. */
export type LoanDisbursementFailed = DomainEvent<
  'LoanDisbursementFailed',
  { readonly loanId: string; readonly disbursementId: string; readonly savingsAccountId: string; readonly reasonCode: string; readonly failedOn: IsoDate }
>;

/** A checker rejected the application (maker–checker); the loan ends without disbursement. */
export type LoanRejected = DomainEvent<
  'LoanRejected',
  { readonly loanId: string; readonly memberNo: string; readonly rejectedOn: IsoDate; readonly rejectedBy: string; readonly rejectorRole: StaffRole; readonly reason: string }
>;

/** The member withdrew her application before disbursement; the loan ends. */
export type LoanApplicationWithdrawn = DomainEvent<
  'LoanApplicationWithdrawn',
  { readonly loanId: string; readonly memberNo: string; readonly withdrawnOn: IsoDate; readonly recordedBy: string; readonly reason: string | null }
>;

/**
 * Part of the schedule was replaced on `revisedOn` (a part-prepayment re-amortised it, or a
 * foreclosure closed it); always followed by the LoanRepaymentRecorded that caused it. The
 * superseded instalments are kept here for the statement's history.
 */
export type LoanScheduleRevised = DomainEvent<
  'LoanScheduleRevised',
  {
    readonly loanId: string;
    readonly revisedOn: IsoDate;
    readonly reason: RevisionReason;
    readonly fromInstalmentNumber: number;
    readonly instalments: readonly ScheduledInstalment[];
    readonly supersededInstalments: readonly ScheduledInstalment[];
  }
>;

/**
 * A repayment of `amountPaise` was recorded and allocated by `strategy`: per-instalment allocations,
 * their totals, any excess owed back (REFUND_EXCESS), and the balances after it (as of `paidOn`).
 */
export type LoanRepaymentRecorded = DomainEvent<
  'LoanRepaymentRecorded',
  {
    readonly loanId: string;
    readonly paidOn: IsoDate;
    readonly amountPaise: Paise;
    readonly strategy: AllocationStrategy;
    readonly allocations: readonly InstalmentAllocation[];
    readonly principalPaidPaise: Paise;
    readonly interestPaidPaise: Paise;
    readonly penaltyPaidPaise: Paise;
    readonly excessRefundedPaise: Paise;
    readonly balances: LoanBalances;
    readonly recordedBy: string;
  }
>;

/**
 * The loan was rescheduled from `rescheduledOn`: past instalments cut down to what was paid
 * (`truncatedInstalments`), the instalments from `fromInstalmentNumber` replaced by `instalments`
 * (interest arrears `carriedInterestPaise` collected with the first), the old ones kept in
 * `supersededInstalments`. `upgradeBlockedUntil` is set when the loan was NPA.
 */
export type LoanRescheduled = DomainEvent<
  'LoanRescheduled',
  {
    readonly loanId: string;
    readonly rescheduledOn: IsoDate;
    readonly rescheduledBy: string;
    readonly numberOfInstalments: number;
    readonly rate: InterestRate;
    readonly annualRatePercent: string;
    readonly truncatedInstalments: readonly TruncatedInstalment[];
    readonly fromInstalmentNumber: number;
    readonly instalments: readonly ScheduledInstalment[];
    readonly supersededInstalments: readonly ScheduledInstalment[];
    readonly carriedInterestPaise: Paise;
    readonly principalOutstandingPaise: Paise;
    readonly upgradeBlockedUntil: IsoDate | null;
  }
>;

/** A late-instalment penalty was charged at day-end (a separate charge); `penaltyDuePaise` is the loan's unpaid penalties after it. */
export type LoanPenaltyCharged = DomainEvent<
  'LoanPenaltyCharged',
  {
    readonly loanId: string;
    readonly chargedOn: IsoDate;
    readonly instalmentNumber: number;
    readonly daysPastDue: number;
    readonly overduePaise: Paise;
    readonly penaltyPaise: Paise;
    readonly penaltyDuePaise: Paise;
  }
>;

/**
 * The loan's arrears class changed at the day-end of `classifiedOn` (RBI IRAC): days past due,
 * overdue amounts, SMA class (null when not overdue or NPA), asset class, the borrower-wise NPA date
 * and the loan's own NPA date. Interest of an NPA is income only when received (IRAC income recognition).
 */
export type LoanArrearsClassified = DomainEvent<
  'LoanArrearsClassified',
  {
    readonly loanId: string;
    readonly classifiedOn: IsoDate;
    readonly daysPastDue: number;
    readonly overduePrincipalPaise: Paise;
    readonly overdueInterestPaise: Paise;
    readonly principalOutstandingPaise: Paise;
    readonly smaClass: SmaClass | null;
    readonly assetClass: AssetClass;
    readonly npaSince: IsoDate | null;
    readonly ownNpaSince: IsoDate | null;
  }
>;

/** Head office or an auditor marked the NPA loan a loss asset. */
export type LoanMarkedAsLoss = DomainEvent<'LoanMarkedAsLoss', { readonly loanId: string; readonly markedOn: IsoDate; readonly markedBy: string }>;

/** The maker proposed writing the loan off. */
export type LoanWriteOffRequested = DomainEvent<'LoanWriteOffRequested', { readonly loanId: string; readonly requestedOn: IsoDate; readonly requestedBy: string }>;

/** A checker wrote the loan off: everything unpaid (paise) leaves the books; nothing remains outstanding (the member's exit is no longer blocked by it). */
export type LoanWrittenOff = DomainEvent<
  'LoanWrittenOff',
  {
    readonly loanId: string;
    readonly memberNo: string;
    readonly writtenOffOn: IsoDate;
    readonly requestedBy: string;
    readonly approvedBy: string;
    readonly principalWrittenOffPaise: Paise;
    readonly interestWrittenOffPaise: Paise;
    readonly penaltyWrittenOffPaise: Paise;
    readonly principalOutstandingPaise: 0;
  }
>;

/** The fully repaid loan was closed (the member's exit is no longer blocked by it). */
export type LoanClosed = DomainEvent<'LoanClosed', { readonly loanId: string; readonly memberNo: string; readonly closedOn: IsoDate; readonly closedBy: string }>;

/** Every event of a `loan-<loanId>` stream. */
export type LoanEvent =
  | LoanApplied
  | LoanAppraised
  | LoanApproved
  | LoanDisbursed
  | LoanDisbursementRequested
  | LoanDisbursementFailed
  | LoanRejected
  | LoanApplicationWithdrawn
  | LoanScheduleRevised
  | LoanRepaymentRecorded
  | LoanRescheduled
  | LoanPenaltyCharged
  | LoanArrearsClassified
  | LoanMarkedAsLoss
  | LoanWriteOffRequested
  | LoanWrittenOff
  | LoanClosed;
