import type { DaysInYear, InterestRounding } from './interest-conventions';
import type { RatePercent } from './rate-percent';

/** The rate (% p.a.) of a term deposit of at least `minMonths` months. */
export interface TenureRate {
  readonly minMonths: number;
  readonly annualRatePercent: RatePercent;
}

/**
 * Terms of the Fixed Deposit in force from a date (a deposit keeps the terms of its opening date).
 * Interest compounds quarterly (every three months from the opening date); a remaining part-quarter
 * earns simple interest on the compounded amount, by days over `daysInYear`. Premature closure earns
 * the rate for the period actually held minus `prematurePenaltyPercentagePoints`.
 */
export interface FixedDepositTerms {
  readonly rates: readonly TenureRate[];
  readonly minimumTenureMonths: number;
  readonly maximumTenureMonths: number;
  readonly minimumDepositPaise: number;
  readonly compounding: 'QUARTERLY';
  readonly daysInYear: DaysInYear;
  readonly prematurePenaltyPercentagePoints: RatePercent;
  readonly rounding: InterestRounding;
}

/**
 * Terms of the Monthly Income Scheme in force from a date: the principal earns simple interest at the
 * tenure's rate, paid every month (principal × rate / 1200, rounded by `payoutRounding`) into the
 * member's savings account. Premature closure recomputes interest at the rate for the period held minus
 * `prematurePenaltyPercentagePoints` and recovers the excess already paid from the principal.
 */
export interface MonthlyIncomeTerms {
  readonly rates: readonly TenureRate[];
  readonly tenureMonths: readonly number[];
  readonly minimumDepositPaise: number;
  readonly payoutRounding: InterestRounding;
  readonly prematurePenaltyPercentagePoints: RatePercent;
}
