import type { InterestRounding } from './interest-conventions';
import type { RatePercent } from './rate-percent';

/**
 * One row of the co-operative's published maturity table: a tenure of whole `years` and the
 * maturity value per rupee of monthly instalment (decimal string, e.g. "12.60": Rs 50/month → Rs 630).
 */
export interface RecurringDepositTenure {
  readonly years: number;
  readonly maturityFactorPerRupee: string;
}

/**
 * The fine for one missed instalment, in paise per Rs 100 of instalment, for deposits whose tenure is
 * more than `overTenureYears` years. The band with the largest threshold below the tenure applies
 * (published scheme: Rs 2.00 per Rs 100 up to five years, Rs 1.50 over five).
 */
export interface MissedInstalmentFineBand {
  readonly overTenureYears: number;
  readonly finePerHundredPaise: number;
}

/** The rate of a deposit held at least `minMonthsHeld` complete months (% p.a.), for premature closure. */
export interface HeldPeriodRate {
  readonly minMonthsHeld: number;
  readonly annualRatePercent: RatePercent;
}

/**
 * Terms of the Recurring Deposit in force from a date; a deposit keeps the terms in force on its
 * opening date for its whole life (the event that opens it carries them).
 * - `tenures`: the maturity-factor table; maturity value = instalment × factor, rounded by `maturityRounding`.
 * - `minimumInstalmentPaise`, `instalmentMultiplePaise`: the instalment must be at least, and a multiple of, these.
 * - `missedInstalmentFine`: per missed instalment, a separate charge never added to the deposit, never compounded.
 * - `prematureClosure`: interest at the rate of the period actually held minus `penaltyPercentagePoints`,
 *   simple interest on each instalment for the complete months it was held.
 */
export interface RecurringDepositTerms {
  readonly tenures: readonly RecurringDepositTenure[];
  readonly maturityRounding: InterestRounding;
  readonly minimumInstalmentPaise: number;
  readonly instalmentMultiplePaise: number;
  readonly missedInstalmentFine: { readonly bands: readonly MissedInstalmentFineBand[]; readonly rounding: InterestRounding };
  readonly prematureClosure: {
    readonly heldPeriodRates: readonly HeldPeriodRate[];
    readonly penaltyPercentagePoints: RatePercent;
    readonly rounding: InterestRounding;
  };
}
