import type { IsoDate } from '@samabay/domain-kit';
import { splitIsoDate } from './day-number';
import { lastDayOfMonth } from './months';

/**
 * How often interest is accrued or posted. Periods follow the Indian financial year (April–March,
 * DESIGN §9): quarters end 30 June, 30 September, 31 December and 31 March; half-years end
 * 30 September and 31 March; the year ends 31 March.
 */
export type InterestPeriod = 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';

/** Every interest period, shortest first. */
export const INTEREST_PERIODS: readonly InterestPeriod[] = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'];

/** Months in each period. */
export const MONTHS_IN_PERIOD: Readonly<Record<InterestPeriod, number>> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };

/** The last day of the `period` that contains `date`, e.g. QUARTERLY 2025-05-07 → 2025-06-30. */
export function periodEndContaining(period: InterestPeriod, date: IsoDate): IsoDate {
  const [year, month] = splitIsoDate(date);
  const length = MONTHS_IN_PERIOD[period];
  // Month offset from April (0 = April … 11 = March), rounded up to the period's last month.
  const fromApril = (month - 4 + 12) % 12;
  const lastFromApril = Math.floor(fromApril / length) * length + length - 1;
  const endMonth = ((lastFromApril + 3) % 12) + 1;
  const endYear = endMonth < month ? year + 1 : year;
  return lastDayOfMonth(`${String(endYear).padStart(4, '0')}-${String(endMonth).padStart(2, '0')}-01`);
}

/** True when `date` is the last day of a `period` (e.g. 2025-03-31 for every period). */
export function isPeriodEnd(period: InterestPeriod, date: IsoDate): boolean {
  return periodEndContaining(period, date) === date;
}
