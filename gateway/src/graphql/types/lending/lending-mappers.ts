import type { BranchPortfolio, CollectionSheet, LoanStatement, MemberLoanSummary, PortfolioAtRisk, ScheduledInstalment } from '@samabay/lending';
import type { AssetClassEnum, InstalmentStatusEnum, LoanPurposeEnum, LoanStatusEnum, RateBasisEnum, ScheduleRevisionReasonEnum, SmaClassEnum } from './lending-enums';
import type { BranchPortfolioType, CollectionSheetType, MemberLoanSummaryType, PortfolioAtRiskType } from './lending-reports.type';
import type { LoanStatementType, ScheduledInstalmentType } from './loan-statement.type';

/** Read-model records (paise, `…Paise` names) → GraphQL shapes (Money fields hold paise; the scalar writes rupees). */
export function toLoanStatement(statement: LoanStatement): LoanStatementType {
  const { totals, arrears } = statement;
  return {
    loanId: statement.loanId,
    memberNo: statement.memberNo,
    branchCode: statement.branchCode,
    productCode: statement.productCode,
    purpose: statement.purpose as LoanPurposeEnum,
    status: statement.status as LoanStatusEnum,
    amount: statement.amountPaise,
    numberOfInstalments: statement.numberOfInstalments,
    ratePercent: statement.rate.ratePercent,
    rateBasis: statement.rate.per as RateBasisEnum,
    annualRatePercent: statement.annualRatePercent,
    appliedOn: statement.appliedOn,
    approvedOn: statement.approvedOn,
    approvedBy: statement.approvedBy,
    disbursedOn: statement.disbursedOn,
    endedOn: statement.endedOn,
    writeOffRequestedBy: statement.writeOffRequestedBy,
    asOf: statement.asOf,
    principalOutstanding: statement.principalOutstandingPaise,
    totals: {
      disbursed: totals.disbursedPaise,
      repaid: totals.repaidPaise,
      principalPaid: totals.principalPaidPaise,
      interestPaid: totals.interestPaidPaise,
      penaltyPaid: totals.penaltyPaidPaise,
      penaltyCharged: totals.penaltyChargedPaise,
      excessRefunded: totals.excessRefundedPaise,
      writtenOff: totals.writtenOffPaise,
      scheduledInterest: totals.scheduledInterestPaise,
    },
    arrears: {
      daysPastDue: arrears.daysPastDue,
      oldestOverdueDueDate: arrears.oldestOverdueDueDate,
      overduePrincipal: arrears.overduePrincipalPaise,
      overdueInterest: arrears.overdueInterestPaise,
      penaltyDue: arrears.penaltyDuePaise,
      smaClass: arrears.smaClass as SmaClassEnum | null,
      assetClass: arrears.assetClass as AssetClassEnum,
      npaSince: arrears.npaSince,
      ownNpaSince: arrears.ownNpaSince,
      lossMarked: arrears.lossMarked,
    },
    instalments: statement.instalments.map((line) => ({
      number: line.number,
      dueDate: line.dueDate,
      principal: line.principalPaise,
      interest: line.interestPaise,
      total: line.totalPaise,
      paidPrincipal: line.paidPrincipalPaise,
      paidInterest: line.paidInterestPaise,
      penalty: line.penaltyPaise,
      paidPenalty: line.paidPenaltyPaise,
      balanceAfter: line.balanceAfterPaise,
      status: line.status as InstalmentStatusEnum,
    })),
    transactions: statement.transactions.map((line) => ({
      revision: line.revision,
      businessDate: line.businessDate,
      kind: line.kind,
      amount: line.amountPaise,
      principal: line.principalPaise,
      interest: line.interestPaise,
      penalty: line.penaltyPaise,
      excess: line.excessPaise,
      principalOutstanding: line.principalOutstandingPaise,
      actor: line.actor,
      detail: JSON.stringify(line.detail),
    })),
    scheduleRevisions: statement.scheduleRevisions.map((revision) => ({
      revision: revision.revision,
      revisedOn: revision.revisedOn,
      reason: revision.reason as ScheduleRevisionReasonEnum,
      fromInstalmentNumber: revision.fromInstalmentNumber,
      supersededInstalments: revision.supersededInstalments.map(toScheduledInstalment),
      replacementInstalments: revision.replacementInstalments.map(toScheduledInstalment),
    })),
  };
}

/** MemberLoanSummary → its GraphQL shape. */
export function toMemberLoanSummary(summary: MemberLoanSummary): MemberLoanSummaryType {
  return {
    memberNo: summary.memberNo,
    asOf: summary.asOf,
    openLoans: summary.openLoans,
    principalOutstanding: summary.principalOutstandingPaise,
    overdue: summary.overduePaise,
    assetClass: summary.assetClass as AssetClassEnum,
    npaSince: summary.npaSince,
    loans: summary.loans.map((loan) => ({
      loanId: loan.loanId,
      productCode: loan.productCode,
      purpose: loan.purpose as LoanPurposeEnum,
      status: loan.status as LoanStatusEnum,
      amount: loan.amountPaise,
      disbursedOn: loan.disbursedOn,
      principalOutstanding: loan.principalOutstandingPaise,
      daysPastDue: loan.daysPastDue,
      assetClass: loan.assetClass as AssetClassEnum,
      npaSince: loan.npaSince,
    })),
  };
}

/** BranchPortfolio → its GraphQL shape. */
export function toBranchPortfolio(portfolio: BranchPortfolio): BranchPortfolioType {
  return {
    branchCode: portfolio.branchCode,
    asOf: portfolio.asOf,
    activeLoans: portfolio.activeLoans,
    grossPortfolio: portfolio.grossPortfolioPaise,
    overdueLoans: portfolio.overdueLoans,
    par30: toPar(portfolio.par30),
    par90: toPar(portfolio.par90),
    npaLoans: portfolio.npaLoans,
    npaOutstanding: portfolio.npaOutstandingPaise,
    byAssetClass: portfolio.byAssetClass.map((line) => ({ assetClass: line.assetClass as AssetClassEnum, loans: line.loans, principalOutstanding: line.principalOutstandingPaise })),
  };
}

/** CollectionSheet → its GraphQL shape. */
export function toCollectionSheet(sheet: CollectionSheet): CollectionSheetType {
  return {
    branchCode: sheet.branchCode,
    businessDate: sheet.businessDate,
    entries: sheet.entries.map((entry) => ({
      loanId: entry.loanId,
      memberNo: entry.memberNo,
      dueToday: entry.dueTodayPaise,
      overdue: entry.overduePaise,
      penaltyDue: entry.penaltyDuePaise,
      total: entry.totalPaise,
      oldestOverdueDueDate: entry.oldestOverdueDueDate,
      daysPastDue: entry.daysPastDue,
    })),
    dueToday: sheet.dueTodayPaise,
    overdue: sheet.overduePaise,
    penaltyDue: sheet.penaltyDuePaise,
    total: sheet.totalPaise,
  };
}

function toPar(par: PortfolioAtRisk): PortfolioAtRiskType {
  return { thresholdDays: par.thresholdDays, atRisk: par.atRiskPaise, gross: par.grossPaise, percent: par.percent };
}

function toScheduledInstalment(instalment: ScheduledInstalment): ScheduledInstalmentType {
  return { number: instalment.number, dueDate: instalment.dueDate, principal: instalment.principalPaise, interest: instalment.interestPaise, balanceAfter: instalment.balanceAfterPaise };
}
