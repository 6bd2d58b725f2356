/** @samabay/savings — the pure domain of the co-operative's deposit schemes (issue 4): products, interest, deciders, day-end plans. */
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

export { businessDatesToCatchUp, dayEndIdempotencyKey, planRecurringDepositDayEnd, planSavingsAccountDayEnd } from './domain/day-end/day-end-planner';

export { defaultSavingsProducts, loadSavingsProducts, parseSavingsProducts } from './infrastructure/savings-products-config';
