import type { EffectiveDated, PaiseRounding } from '@samabay/domain-kit';
import type { InterestRate } from './interest-rate';
import type { LoanPurpose } from './loan-purpose';

/**
 * How instalments are built (issue 5 item 1):
 * - EMI_DECLINING: equal instalments (standard annuity formula), interest on the declining balance;
 * - EQUAL_PRINCIPAL_DECLINING: equal principal parts, interest on the declining balance (instalments fall);
 * - FLAT: interest on the original principal for the whole term, spread equally over the instalments.
 */
export type AmortizationMethod = 'EMI_DECLINING' | 'EQUAL_PRINCIPAL_DECLINING' | 'FLAT';

/** How often an instalment falls due: every calendar month (same day, clamped to month end), 14 days or 7 days. */
export type RepaymentFrequency = 'MONTHLY' | 'FORTNIGHTLY' | 'WEEKLY';

/**
 * Day-count convention for a period's interest:
 * - ACTUAL_365: the period's actual calendar days / 365 (also in leap years: "actual/365 fixed");
 * - THIRTY_360: every month counts 30 days of a 360-day year, a fortnight 14 and a week 7 (as Fineract's
 *   30/360 with daily interest periods), so a monthly period earns exactly the annual rate / 12.
 */
export type DayCountConvention = 'ACTUAL_365' | 'THIRTY_360';

/** The unit an instalment figure is rounded to: whole paise or whole rupees (100 paise). */
export type RoundingUnit = 'PAISA' | 'RUPEE';

/**
 * Rounding of schedule figures. `mode` is used for every rounding of the schedule; `unit` applies to
 * the figures the product fixes per instalment (the EMI, the equal principal part, the flat interest
 * part). Each period's declining-balance interest is always rounded to paise with `mode`. The last
 * instalment absorbs what rounding left over, so principal sums exactly to the amount disbursed.
 */
export interface RoundingRule {
  readonly mode: PaiseRounding;
  readonly unit: RoundingUnit;
}

/**
 * Grace, counted in instalments from the first:
 * - `principalInstalments`: the first N instalments collect interest only; the principal is
 *   amortised over the remaining instalments (a moratorium on principal, e.g. while a child studies);
 * - `interestInstalments`: the first N instalments charge no interest at all (Fineract's "grace on
 *   interest charged": the interest of those periods is forgiven, not deferred or capitalised).
 */
export interface GraceTerms {
  readonly principalInstalments: number;
  readonly interestInstalments: number;
}

/**
 * Who may borrow (issue 5 item 1), checked on the application with the facts the command carries:
 * an ACTIVE member for at least `minMembershipMonths` calendar months; loan ≤ `maxSavingsMultiple` ×
 * savings balance (a decimal string, e.g. "3"); no NPA loan (borrower-wise, RBI IRAC); at most
 * `maxOpenLoans` loans open including the new one.
 */
export interface EligibilityRules {
  readonly minMembershipMonths: number;
  readonly maxSavingsMultiple: string;
  readonly maxOpenLoans: number;
}

/** From `fromAmountPaise` (inclusive) upward a loan needs `guarantors` fellow members as guarantors. */
export interface GuarantorRule {
  readonly fromAmountPaise: number;
  readonly guarantors: number;
}

/**
 * Late-instalment penalty, a separate charge never added to the interest-bearing balance and never
 * itself bearing interest (RBI circular "Fair Lending Practice – Penal Charges in Loan Accounts",
 * 18 Aug 2023). Charged once per instalment at the day-end on which the instalment is more than
 * `graceDays` days past due: `flatPaise` + `percentOfOverdue` % of its unpaid principal and interest
 * (rounded to paise with the product's rounding mode).
 */
export interface LatePenaltyTerms {
  readonly graceDays: number;
  readonly flatPaise: number;
  readonly percentOfOverdue: string;
}

/** Limits a loan must stay inside: amount in paise, term in instalments, both inclusive. */
export interface LoanLimits {
  readonly minAmountPaise: number;
  readonly maxAmountPaise: number;
  readonly minInstalments: number;
  readonly maxInstalments: number;
}

/**
 * Everything that shapes a loan's schedule; snapshotted into the loan when it is applied for, so a
 * later change of the product never changes an existing loan (DESIGN §8: a change applies from its
 * effective date forward).
 */
export interface ScheduleTerms {
  readonly amortization: AmortizationMethod;
  readonly frequency: RepaymentFrequency;
  readonly dayCount: DayCountConvention;
  readonly rounding: RoundingRule;
  readonly grace: GraceTerms;
}

/**
 * The terms of a loan product in force from one date (DESIGN §8). `interest` is the product's rate
 * and the band an appraisal may set a loan's rate in (see {@link InterestRate}).
 */
export interface LoanProductTerms extends ScheduleTerms {
  readonly interest: ProductInterest;
  readonly limits: LoanLimits;
  readonly eligibility: EligibilityRules;
  readonly guarantorRules: readonly GuarantorRule[];
  readonly latePenalty: LatePenaltyTerms | null;
}

/**
 * The product's interest: `ratePercent` is the standard rate, `minRatePercent`/`maxRatePercent` the
 * inclusive band a loan's rate may be set in, all decimal strings on the basis `per` ('YEAR' = % p.a.,
 * 'MONTH' = % per month, as some schemes publish it; 2% per month = 24% p.a. nominal).
 */
export interface ProductInterest extends InterestRate {
  readonly minRatePercent: string;
  readonly maxRatePercent: string;
}

/** A loan product: a stable `code` (e.g. 'EDU'), the purposes it serves, and its dated terms. */
export interface LoanProduct {
  readonly code: string;
  readonly name: string;
  readonly purposes: readonly LoanPurpose[];
  readonly terms: EffectiveDated<LoanProductTerms>;
}

/** The co-operative's loan products. */
export type LoanProducts = readonly LoanProduct[];
