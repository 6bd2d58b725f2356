import type { IsoDate } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { daysFromTo, splitIsoDate } from './day-number';
import { daysInYearOf } from './months';
import type { DaysInYear } from '../products/interest-conventions';

/** The denominator for a day of `date` under a days-in-year convention: 360, 365, or the calendar year's 365/366. */
export function yearLength(convention: DaysInYear, date: IsoDate): number {
  if (convention === 'FIXED_360') return 360;
  if (convention === 'FIXED_365') return 365;
  return daysInYearOf(date);
}

/** Every 1 January inside (`from`, `to`]: where an ACTUAL day count changes denominator. */
export function newYearsDaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let year = splitIsoDate(from)[0] + 1; year <= splitIsoDate(to)[0]; year += 1) dates.push(`${String(year).padStart(4, '0')}-01-01`);
  return dates;
}

/**
 * The fraction of a year from `from` (inclusive) to `toExclusive`: Σ of 1 / year length over those days,
 * exact. 2025-01-01 → 2025-01-02 on FIXED_365 is 1/365; across 31 December the ACTUAL parts are split.
 */
export function yearFraction(from: IsoDate, toExclusive: IsoDate, convention: DaysInYear): Decimal {
  const starts = [from, ...(convention === 'ACTUAL' ? newYearsDaysBetween(from, toExclusive).filter((date) => date < toExclusive) : [])];
  return starts.reduce((sum, start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : toExclusive;
    return sum.plus(new Decimal(daysFromTo(start, end)).dividedBy(yearLength(convention, start)));
  }, new Decimal(0));
}
