/**
 * @samabay/lending — lending (issue 5): the pure domain (loan products, schedules, repayment allocation,
 * foreclosure, rescheduling, arrears ageing (RBI IRAC), portfolio at risk, the loan and day-end deciders),
 * the application (createLending: commands, day-end) and the read models (statement, member summary,
 * branch portfolio, collection sheet).
 */
export { addMonthsClamped, daysBetween } from './domain/calendar';
export { lendingDayEndStreamId, loanStreamId } from './domain/stream-ids';

export type {
  AmortizationMethod,
  DayCountConvention,
  EligibilityRules,
  GraceTerms,
  GuarantorRule,
  LatePenaltyTerms,
  LoanLimits,
  LoanProduct,
  LoanProductTerms,
  LoanProducts,
  ProductInterest,
  RepaymentFrequency,
  RoundingRule,
  RoundingUnit,
  ScheduleTerms,
} from './domain/product/loan-product';
export { LOAN_PURPOSES, assertLoanPurpose, type LoanPurpose } from './domain/product/loan-purpose';
export { annualRateFraction, annualRatePercent, assertRatePercent, type InterestRate } from './domain/product/interest-rate';
export { findProduct, guarantorsRequired, productTermsOn } from './domain/product/product-lookup';

export { generateSchedule, summarise, type ScheduleRequest } from './domain/schedule/generate-schedule';
export { annuityInstalment } from './domain/schedule/annuity';
export type { RepaymentSchedule, ScheduledInstalment } from './domain/schedule/schedule-types';

export { ALLOCATION_STRATEGIES, allocateToDues, type AllocationStrategy, type DuesAllocation, type InstalmentAllocation } from './domain/repayment/allocation-strategy';
export { applyAllocations } from './domain/repayment/apply-allocations';
export {
  accruedInterest,
  balancesOn,
  isDueBy,
  isSettled,
  openPosition,
  runningInstalment,
  unpaidInterest,
  unpaidPenalty,
  unpaidPrincipal,
  type InstalmentPosition,
  type LoanBalances,
} from './domain/repayment/instalment-position';
export { quoteForeclosure, type ForeclosureQuote } from './domain/repayment/foreclosure';
export { planRepayment, type OverpaymentRule, type RepaymentPlan, type RepaymentRequest } from './domain/repayment/repayment-plan';
export { planReschedule, type ReschedulePlan, type RescheduleRequest, type TruncatedInstalment } from './domain/repayment/reschedule';
export { applyRevision, type RevisionReason, type ScheduleRevision } from './domain/repayment/schedule-revision';
export type { AmortisationBasis } from './domain/repayment/amortisation-basis';

export { arrearsOn, instalmentDaysPastDue, type Arrears } from './domain/arrears/days-past-due';
export { NPA_DAYS_PAST_DUE, assetClassOn, npaDateFor, smaClassFor, type AssetClass, type SmaClass } from './domain/arrears/asset-classification';
export { ownNpaSince, type OwnNpaInput } from './domain/arrears/npa-status';
export { classifyBorrower, earliest, type BorrowerClassification, type BorrowerLoan, type LoanClassification } from './domain/arrears/borrower-classification';
export { portfolioAtRisk, type PortfolioAtRisk, type PortfolioLoan } from './domain/arrears/portfolio-at-risk';
export { latePenaltiesDue, type PenaltyCharge } from './domain/arrears/late-penalty';

export { createLoanDecider } from './domain/loan/loan-decider';
export { evolveLoan } from './domain/loan/evolve-loan';
export { quoteLoanForeclosure } from './domain/loan/decide-repayment';
export { APPROVING_ROLES, LENDING_STAFF_ROLES, LOSS_MARKING_ROLES } from './domain/loan/loan-rules';
export type {
  AgeLoan,
  ApplyForLoan,
  AppraiseLoan,
  ApproveLoan,
  CloseLoan,
  DisbursementChannel,
  DisburseLoan,
  EligibilityFacts,
  LoanActor,
  LoanCommand,
  MarkLoanAsLoss,
  RecordRepayment,
  RequestWriteOff,
  RescheduleLoan,
  WriteOffLoan,
  ConfirmDisbursement,
  FailDisbursement,
  RejectLoan,
  WithdrawLoanApplication,
} from './domain/loan/loan-commands';
export type {
  LoanApplied,
  LoanAppraised,
  LoanApproved,
  LoanArrearsClassified,
  LoanClosed,
  LoanApplicationWithdrawn,
  LoanDisbursed,
  LoanDisbursementFailed,
  LoanDisbursementRequested,
  LoanEvent,
  LoanRejected,
  LoanMarkedAsLoss,
  LoanPenaltyCharged,
  LoanRepaymentRecorded,
  LoanRescheduled,
  LoanScheduleRevised,
  LoanWriteOffRequested,
  LoanWrittenOff,
} from './domain/loan/loan-events';
export { PERFORMING, type LoanArrearsState, type LoanSnapshot, type LoanState, type LoanStatus } from './domain/loan/loan-state';

export { defaultLoanProducts, loadLoanProducts, parseLoanProducts } from './infrastructure/loan-products-config';

export { lendingDayEndDecider, dayEndDatesThrough, nextDayEndDate } from './domain/day-end/day-end-decider';
export type { CompleteLoanDayEnd, LendingDayEndEvent, LendingDayEndState, LoanDayEndCompleted } from './domain/day-end/day-end-events';

export { createLending, type Lending, type LendingOptions } from './application/create-lending';
export { LendingCommandService, type LendingCommands, type LoanCommandAccepted, type RepaymentAccepted } from './application/lending-commands';
export type {
  AppraiseLoanInput,
  ApplyForLoanInput,
  ConfirmDisbursementInput,
  DisburseLoanInput,
  FailDisbursementInput,
  LoanInput,
  RecordRepaymentInput,
  RejectLoanInput,
  RescheduleLoanInput,
  WithdrawLoanApplicationInput,
} from './application/lending-inputs';
export type { BorrowerFactsSource, DayEndSource, LoanToAge, ReadModelsCaughtUp } from './application/lending-ports';
export { DAY_END_ROLES, LoanDayEndService, type LoanDayEndDay, type LoanDayEndOutcome } from './application/loan-day-end';
export { branchOfLoanId, loanIdForApplication } from './application/loan-ids';

export { DEFAULT_LENDING_READ_MODEL_SCHEMA } from './infrastructure/read-model-schema';
export { LoanAccountProjection } from './infrastructure/loan-account-projection';
export { BorrowerFactsProjection } from './infrastructure/borrower-facts-projection';
export { LoanDayEndProjection } from './infrastructure/loan-day-end-projection';
export { SqlLendingReader, type LendingReader } from './infrastructure/sql-lending-reader';
export type { LoanTransactionKind } from './infrastructure/loan-transaction-row';
export type {
  AssetClassLine,
  BranchPortfolio,
  CollectionSheet,
  CollectionSheetEntry,
  InstalmentStatus,
  LoanStatement,
  LoanTotals,
  MemberLoanLine,
  MemberLoanSummary,
  StatementArrears,
  StatementInstalment,
  StatementScheduleRevision,
  StatementTransaction,
} from './infrastructure/lending-read-models';
export {
  DISBURSEMENT_PROCESS_ACTOR,
  disbursementStepKeys,
  LoanDisbursementProcess,
  type DisbursementStepOutcome,
  type LoanCreditRequest,
  type SavingsLoanCredit,
} from './application/loan-disbursement-process';
export { loanProductsOn, type LoanProductOffer } from './domain/product/products-on';
export { LENDING_COMMAND_NAMES, LENDING_DAY_END_COMMAND } from './application/lending-command-names';
