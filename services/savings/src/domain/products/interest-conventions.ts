import type { PaiseRounding } from '@samabay/domain-kit';
import type { InterestPeriod } from '../calendar/interest-periods';

/**
 * How the balance that earns interest is measured (standard conventions of Indian banks and credit societies):
 * - DAILY_PRODUCT: every day's closing balance earns rate / days-in-year (RBI has required it of banks for
 *   savings accounts since 2010).
 * - MINIMUM_BALANCE: each calendar month earns rate / 12 on the lowest closing balance between day
 *   `fromDayOfMonth` (10 in the traditional rule) and the last day of the month; a month that is not
 *   complete (the account closes within it) earns nothing.
 */
export type BalanceMethod = { readonly kind: 'DAILY_PRODUCT' } | { readonly kind: 'MINIMUM_BALANCE'; readonly fromDayOfMonth: number };

/**
 * The day-count denominator of the daily-product method: ACTUAL divides each day by the length of its
 * calendar year (365 or 366), FIXED_365 always by 365, FIXED_360 always by 360.
 */
export type DaysInYear = 'ACTUAL' | 'FIXED_365' | 'FIXED_360';

/** Every days-in-year convention, for validation. */
export const DAYS_IN_YEAR_CONVENTIONS: readonly DaysInYear[] = ['ACTUAL', 'FIXED_365', 'FIXED_360'];

/**
 * How an interest amount is rounded: to a multiple of `unitPaise` (1 = to the paisa, 100 = to the
 * whole rupee) with the named decimal.js mode.
 */
export interface InterestRounding {
  readonly mode: PaiseRounding;
  readonly unitPaise: number;
}

/**
 * The interest conventions of a savings product, explicit per product (issue 4 item 1). Interest is
 * computed and rounded once per accrual period, and accrued amounts are credited to the balance at the
 * end of each posting period (a posting period is a whole number of accrual periods).
 */
export interface InterestConventions {
  readonly balanceMethod: BalanceMethod;
  readonly daysInYear: DaysInYear;
  readonly accrualPeriod: InterestPeriod;
  readonly postingPeriod: InterestPeriod;
  readonly rounding: InterestRounding;
}
