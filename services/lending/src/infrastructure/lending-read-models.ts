import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { AssetClass, SmaClass } from '../domain/arrears/asset-classification';
import type { PortfolioAtRisk } from '../domain/arrears/portfolio-at-risk';
import type { InterestRate } from '../domain/product/interest-rate';
import type { LoanPurpose } from '../domain/product/loan-purpose';
import type { LoanStatus } from '../domain/loan/loan-state';
import type { ScheduledInstalment } from '../domain/schedule/schedule-types';
import type { LoanTransactionKind } from './loan-transaction-row';

/** Where an instalment stands on the statement's date: settled, due that day, past due, not yet due, or written off unpaid. */
export type InstalmentStatus = 'PAID' | 'DUE' | 'OVERDUE' | 'UPCOMING' | 'WRITTEN_OFF';

/** One instalment of the current schedule beside what was paid on it (paise). */
export interface StatementInstalment {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly principalPaise: Paise;
  readonly interestPaise: Paise;
  readonly totalPaise: Paise;
  readonly paidPrincipalPaise: Paise;
  readonly paidInterestPaise: Paise;
  readonly penaltyPaise: Paise;
  readonly paidPenaltyPaise: Paise;
  readonly balanceAfterPaise: Paise;
  readonly status: InstalmentStatus;
}

/** One statement line (see LoanTransactionRow); `revision` is the event's revision in the loan stream. */
export interface StatementTransaction {
  readonly revision: number;
  readonly businessDate: IsoDate;
  readonly kind: LoanTransactionKind;
  readonly amountPaise: Paise | null;
  readonly principalPaise: Paise | null;
  readonly interestPaise: Paise | null;
  readonly penaltyPaise: Paise | null;
  readonly excessPaise: Paise | null;
  readonly principalOutstandingPaise: Paise | null;
  readonly actor: string | null;
  readonly detail: Readonly<Record<string, string | number | null>>;
}

/** A part of the schedule that was replaced on `revisedOn` (PREPAYMENT, FORECLOSURE or RESCHEDULE), kept whole. */
export interface StatementScheduleRevision {
  readonly revision: number;
  readonly revisedOn: IsoDate;
  readonly reason: 'PREPAYMENT' | 'FORECLOSURE' | 'RESCHEDULE';
  readonly fromInstalmentNumber: number;
  readonly supersededInstalments: readonly ScheduledInstalment[];
  readonly replacementInstalments: readonly ScheduledInstalment[];
}

/**
 * A loan's arrears on the statement's date (paise, days): days past due and overdue amounts computed on
 * that date (RBI: the due date is day 1), the SMA class they imply (null when not overdue or NPA), and
 * the asset class and NPA dates the last day-end recorded (borrower-wise).
 */
export interface StatementArrears {
  readonly daysPastDue: number;
  readonly oldestOverdueDueDate: IsoDate | null;
  readonly overduePrincipalPaise: Paise;
  readonly overdueInterestPaise: Paise;
  readonly penaltyDuePaise: Paise;
  readonly smaClass: SmaClass | null;
  readonly assetClass: AssetClass;
  readonly npaSince: IsoDate | null;
  readonly ownNpaSince: IsoDate | null;
  readonly lossMarked: boolean;
}

/** Money a loan moved in all (paise). `scheduledInterestPaise` is the interest of the current schedule. */
export interface LoanTotals {
  readonly disbursedPaise: Paise;
  readonly repaidPaise: Paise;
  readonly principalPaidPaise: Paise;
  readonly interestPaidPaise: Paise;
  readonly penaltyPaidPaise: Paise;
  readonly penaltyChargedPaise: Paise;
  readonly excessRefundedPaise: Paise;
  readonly writtenOffPaise: Paise;
  readonly scheduledInterestPaise: Paise;
}

/** The loan account statement (issue 5 item 5): schedule vs actual, arrears on `asOf`, totals and history. */
export interface LoanStatement {
  readonly loanId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly productCode: string;
  readonly purpose: LoanPurpose;
  readonly status: LoanStatus;
  readonly amountPaise: Paise;
  readonly numberOfInstalments: number;
  readonly rate: InterestRate;
  readonly annualRatePercent: string;
  readonly appliedOn: IsoDate;
  readonly approvedOn: IsoDate | null;
  readonly approvedBy: string | null;
  readonly disbursedOn: IsoDate | null;
  readonly endedOn: IsoDate | null;
  readonly writeOffRequestedBy: string | null;
  readonly asOf: IsoDate;
  readonly principalOutstandingPaise: Paise;
  readonly totals: LoanTotals;
  readonly arrears: StatementArrears;
  readonly instalments: readonly StatementInstalment[];
  readonly transactions: readonly StatementTransaction[];
  readonly scheduleRevisions: readonly StatementScheduleRevision[];
}

/** One loan in a member's summary (paise, days on the summary's date). */
export interface MemberLoanLine {
  readonly loanId: string;
  readonly productCode: string;
  readonly purpose: LoanPurpose;
  readonly status: LoanStatus;
  readonly amountPaise: Paise;
  readonly disbursedOn: IsoDate | null;
  readonly principalOutstandingPaise: Paise;
  readonly daysPastDue: number;
  readonly assetClass: AssetClass;
  readonly npaSince: IsoDate | null;
}

/** A member's loans (issue 5 item 5): open loans, what is outstanding and overdue on `asOf`, the borrower-wise class. */
export interface MemberLoanSummary {
  readonly memberNo: string;
  readonly asOf: IsoDate;
  readonly openLoans: number;
  readonly principalOutstandingPaise: Paise;
  readonly overduePaise: Paise;
  /** The worst asset class among her open loans (STANDARD when none). */
  readonly assetClass: AssetClass;
  readonly npaSince: IsoDate | null;
  readonly loans: readonly MemberLoanLine[];
}

/** Outstanding principal and loans of one asset class. */
export interface AssetClassLine {
  readonly assetClass: AssetClass;
  readonly loans: number;
  readonly principalOutstandingPaise: Paise;
}

/**
 * A branch's loan portfolio on `asOf` (issue 5 item 5): gross outstanding principal of its open loans,
 * PAR30 and PAR90 balance-weighted (the domain's portfolioAtRisk, days past due on `asOf`), and the
 * outstanding by asset class as the last day-end classified it (borrower-wise NPA).
 */
export interface BranchPortfolio {
  readonly branchCode: string;
  readonly asOf: IsoDate;
  readonly activeLoans: number;
  readonly grossPortfolioPaise: Paise;
  readonly overdueLoans: number;
  readonly par30: PortfolioAtRisk;
  readonly par90: PortfolioAtRisk;
  readonly npaLoans: number;
  readonly npaOutstandingPaise: Paise;
  readonly byAssetClass: readonly AssetClassLine[];
}

/** One loan to collect from on the sheet's day (paise): what falls due that day and what is already overdue. */
export interface CollectionSheetEntry {
  readonly loanId: string;
  readonly memberNo: string;
  readonly dueTodayPaise: Paise;
  readonly overduePaise: Paise;
  readonly penaltyDuePaise: Paise;
  readonly totalPaise: Paise;
  readonly oldestOverdueDueDate: IsoDate | null;
  readonly daysPastDue: number;
}

/** The collection sheet of a branch for a business date (issue 5 item 5), by member number, with totals. */
export interface CollectionSheet {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  readonly entries: readonly CollectionSheetEntry[];
  readonly dueTodayPaise: Paise;
  readonly overduePaise: Paise;
  readonly penaltyDuePaise: Paise;
  readonly totalPaise: Paise;
}
