/** @samabay/savings — the co-operative's deposit schemes (issue 4): products, interest, deciders, day-end; the service's commands, projections and read models. */
export type { InterestPeriod } from './domain/calendar/interest-periods';
export { INTEREST_PERIODS, isPeriodEnd, periodEndContaining } from './domain/calendar/interest-periods';
export { addMonths, completeMonthsBetween, isMonthEnd, lastDayOfMonth } from './domain/calendar/months';
export { yearFraction } from './domain/calendar/year-fraction';

export type { BalanceMethod, DaysInYear, InterestConventions, InterestRounding } from './domain/products/interest-conventions';
export type { SavingsTerms } from './domain/products/savings-terms';
export type { HeldPeriodRate, MissedInstalmentFineBand, RecurringDepositTenure, RecurringDepositTerms } from './domain/products/recurring-deposit-terms';
export type { FixedDepositTerms, MonthlyIncomeTerms, TenureRate } from './domain/products/term-deposit-terms';
export { isRatePercent, parseRatePercent, reduceRate, type RatePercent } from './domain/products/rate-percent';
export { productTermsOn, SAVINGS_PRODUCT_CODES, savingsSchedule, type SavingsProductCode, type SavingsProducts } from './domain/products/savings-products';

export type { BalanceMovement, BalanceTimeline } from './domain/interest/balance-timeline';
export { dailyProductInterest, type DailyProductInput } from './domain/interest/daily-product';
export { minimumBalanceInterest, type MinimumBalanceInput } from './domain/interest/minimum-balance';
export { exactPaiseAsRupees, roundInterest } from './domain/interest/interest-rounding';
export { flatRate, rateOn, rateScheduleOf, type RateSchedule } from './domain/interest/rate-schedule';
export { recurringDepositMaturityValue } from './domain/interest/recurring-deposit-maturity';
export { recurringDepositPrematureInterest, type InstalmentPayment } from './domain/interest/recurring-deposit-premature';
export { fixedDepositInterest, type FixedDepositInterestInput } from './domain/interest/fixed-deposit-interest';
export { monthlyIncomePayout, monthlyIncomePrematureSettlement, type MonthlyIncomePrematureSettlement } from './domain/interest/monthly-income';
export { rateForHeldMonths, rateForTenureMonths } from './domain/interest/tenure-rates';

export { formatAccountId, parseAccountId, savingsAccountStreamId, type AccountIdParts, type AccountKind } from './domain/shared/account-ids';
export type { MemberStanding } from './domain/shared/member-standing';
export { requireMemberNo } from './domain/shared/member-number';

export { createSavingsAccountDecider } from './domain/account/savings-account-decider';
export { evolveSavingsAccount } from './domain/account/evolve-savings-account';
export type * from './domain/account/savings-account-commands';
export type * from './domain/account/savings-account-events';
export type { InterestLedger, PendingCollection, SavingsAccount, SavingsAccountState, TransferOutRecord, UnpostedInterest } from './domain/account/savings-account-state';
export { OWN_ACCOUNT_TRANSFER_SCOPES, ownAccountTransferSteps, type OwnAccountTransferRequest, type OwnAccountTransferSteps } from './domain/account/own-account-transfer';

export { createRecurringDepositDecider } from './domain/recurring/recurring-deposit-decider';
export { evolveRecurringDeposit, type RecurringDeposit, type RecurringDepositState } from './domain/recurring/recurring-deposit-state';
export type { RecurringDepositContract } from './domain/recurring/recurring-deposit-contract';
export type * from './domain/recurring/recurring-deposit-commands';
export type * from './domain/recurring/recurring-deposit-events';

export { createFixedDepositDecider } from './domain/term-deposit/fixed-deposit-decider';
export { evolveFixedDeposit, type FixedDeposit, type FixedDepositState } from './domain/term-deposit/fixed-deposit-state';
export { buildFixedDepositContract, type FixedDepositContract } from './domain/term-deposit/fixed-deposit-contract';
export type * from './domain/term-deposit/fixed-deposit-commands';
export type * from './domain/term-deposit/fixed-deposit-events';
export { createMonthlyIncomeDecider } from './domain/term-deposit/monthly-income-decider';
export { evolveMonthlyIncome, type MonthlyIncomeDeposit, type MonthlyIncomeState } from './domain/term-deposit/monthly-income-state';
export { buildMonthlyIncomeContract, incomeDueOn, incomeMonthsDueBy, type MonthlyIncomeContract } from './domain/term-deposit/monthly-income-contract';
export type * from './domain/term-deposit/monthly-income-commands';
export type * from './domain/term-deposit/monthly-income-events';
export type { ProceedsDestination } from './domain/term-deposit/proceeds-destination';

export { businessDatesToCatchUp, dayEndIdempotencyKey, planRecurringDepositDayEnd, planSavingsAccountDayEnd } from './domain/day-end/day-end-planner';
export { decideRecurringDepositBusinessDay, decideSavingsAccountBusinessDay } from './domain/day-end/close-business-day';
export {
  branchDayEndDecider,
  savingsDayEndStreamId,
  type BranchDayEndState,
  type CloseBranchBusinessDay,
  type SavingsBusinessDayClosed,
} from './domain/day-end/branch-day-end';
export { financialYearOf, isFinancialYear } from './domain/calendar/financial-year';

export { defaultSavingsProducts, loadSavingsProducts, parseSavingsProducts } from './infrastructure/savings-products-config';
export { withdrawalApprovalNeeded, type WithdrawalApprovalTerms } from './domain/products/withdrawal-approval-terms';
export { defaultWithdrawalApproval, parseWithdrawalApproval } from './infrastructure/withdrawal-approval-config';
export { requireCashDepositWithinLimit, type CashDepositLimitTerms } from './domain/products/cash-deposit-limit-terms';
export { defaultCashDepositLimit, parseCashDepositLimit } from './infrastructure/cash-deposit-limit-config';

export { createSavings, type Savings, type SavingsOptions } from './application/create-savings';
export { SavingsCommandService, type SavingsCommands } from './application/savings-commands';
export type * from './application/savings-inputs';
export type { AccountCommandAccepted } from './application/account-commands';
export type { RecurringDepositAccepted } from './application/recurring-deposit-commands';
export { PROCEEDS_CREDIT_SCOPE, type TermDepositAccepted } from './application/term-deposit-commands';
export { MONTHLY_INCOME_SCOPES, monthlyIncomeKey, type MonthlyIncomePayoutsOutcome } from './application/monthly-income-payouts';
export type { RegisterBalanceAccepted, RegisterBalancesAccepted } from './application/register-balances';
export { transferIdOf, type OwnAccountTransferOutcome, type TransferFailure } from './application/own-account-transfer-process';
export { branchDayEndKey, type DayEndOutcome } from './application/day-end-runner';

export { SqlSavingsReader, type SavingsReader } from './infrastructure/savings-reader';
export type {
  AccountProduct,
  BranchSavingsTotal,
  DayEndCandidate,
  DayEndCandidateScope,
  MemberSavingsSummary,
  RecurringDepositFigures,
  SavingsAccountRecord,
  TermDepositFigures,
} from './infrastructure/account-reader';
export {
  encodePassbookCursor,
  decodePassbookCursor,
  DEFAULT_PASSBOOK_PAGE,
  MAX_PASSBOOK_PAGE,
  type AccountInterestPaid,
  type BranchInterestPaid,
  type CashBookDay,
  type CashBookLine,
  type PassbookEntry,
  type PassbookPage,
} from './infrastructure/passbook-reader';
export type { AgentDailySheet, CollectionRecord } from './infrastructure/collection-reader';
export type { MonthlyIncomeDepositRow } from './infrastructure/monthly-income-reader';
export { passbookLinesOf, type PassbookCategory, type PassbookLine } from './infrastructure/passbook-lines';
export { DEFAULT_READ_MODEL_SCHEMA as DEFAULT_SAVINGS_READ_MODEL_SCHEMA } from './infrastructure/read-model-schema';
export { SavingsAccountProjection } from './infrastructure/account-projection';
export { PassbookProjection } from './infrastructure/passbook-projection';
export { CollectionProjection } from './infrastructure/collection-projection';
export { DayEndProjection } from './infrastructure/day-end-projection';
export { MemberStandingProjection } from './infrastructure/member-standing-projection';
export { SAVINGS_COMMAND_NAMES, SAVINGS_LOCAL_QUERIES, type RemoteSavingsCommands } from './application/savings-command-names';
