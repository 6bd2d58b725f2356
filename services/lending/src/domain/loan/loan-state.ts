import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { AssetClass, SmaClass } from '../arrears/asset-classification';
import type { InterestRate } from '../product/interest-rate';
import type { LoanProductTerms } from '../product/loan-product';
import type { LoanPurpose } from '../product/loan-purpose';
import type { InstalmentPosition } from '../repayment/instalment-position';
import type { EligibilityFacts } from './loan-commands';

/**
 * Where a loan is in its life. A disbursed loan stays ACTIVE (also when fully repaid) until CLOSED or WRITTEN_OFF;
 * an application that never reaches disbursement ends REJECTED (by a checker) or WITHDRAWN (by the member).
 */
export type LoanStatus = 'APPLIED' | 'APPRAISED' | 'APPROVED' | 'ACTIVE' | 'WRITTEN_OFF' | 'CLOSED' | 'REJECTED' | 'WITHDRAWN';

/** A disbursement into a savings account requested and not yet confirmed or failed. */
export interface PendingDisbursement {
  readonly disbursementId: string;
  readonly savingsAccountId: string;
  readonly requestedOn: IsoDate;
  readonly requestedBy: string;
}

/** The loan's arrears class as the last day-end left it (RBI IRAC; see LoanArrearsClassified). */
export interface LoanArrearsState {
  readonly smaClass: SmaClass | null;
  readonly assetClass: AssetClass;
  /** Borrower-wise NPA date (the earliest of this loan's and the member's other loans'). */
  readonly npaSince: IsoDate | null;
  /** NPA date on this loan's own arrears. */
  readonly ownNpaSince: IsoDate | null;
  readonly lossMarked: boolean;
  readonly upgradeBlockedUntil: IsoDate | null;
}

/** What the loan decider knows of a loan; amounts in paise, dates YYYY-MM-DD. */
export interface LoanSnapshot {
  readonly loanId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly productCode: string;
  readonly purpose: LoanPurpose;
  readonly status: LoanStatus;
  readonly amountPaise: Paise;
  readonly numberOfInstalments: number;
  readonly rate: InterestRate;
  readonly terms: LoanProductTerms;
  readonly guarantors: readonly string[];
  readonly eligibility: EligibilityFacts;
  readonly appliedOn: IsoDate;
  readonly appliedBy: string;
  readonly appraisedOn: IsoDate | null;
  readonly appraisedBy: string | null;
  readonly approvedOn: IsoDate | null;
  readonly approvedBy: string | null;
  readonly disbursedOn: IsoDate | null;
  readonly instalments: readonly InstalmentPosition[];
  readonly principalGraceThrough: number;
  readonly interestGraceThrough: number;
  /** The latest business date of a disbursement, repayment, reschedule or day-end event: later commands may not go back before it. */
  readonly lastActivityOn: IsoDate | null;
  readonly arrears: LoanArrearsState;
  readonly writeOffRequestedBy: string | null;
  /** A savings-account disbursement in progress (absent or null when none). */
  readonly pendingDisbursement?: PendingDisbursement | null;
  /** The savings-account disbursement that paid the loan out (absent for cash). */
  readonly disbursementId?: string | null;
  /** Savings-account disbursements that failed (their ids), so a repeated failure report changes nothing. */
  readonly failedDisbursements?: readonly string[];
}

/** State of a `loan-<loanId>` stream: null until the application. */
export type LoanState = LoanSnapshot | null;

/** The arrears state of a loan that has never been overdue. */
export const PERFORMING: LoanArrearsState = {
  smaClass: null,
  assetClass: 'STANDARD',
  npaSince: null,
  ownNpaSince: null,
  lossMarked: false,
  upgradeBlockedUntil: null,
};
