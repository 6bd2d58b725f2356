import type { IsoDate } from '@samabay/domain-kit';
import type Decimal from 'decimal.js';
import { addMonthsClamped, daysBetween, fromEpochDay, toEpochDay } from '../calendar';
import type { DayCountConvention, RepaymentFrequency } from '../product/loan-product';
import { ScheduleDecimal } from './schedule-decimal';

/**
 * The due dates of instalments 1‥`count` of a schedule anchored at `anchor` (the disbursement or
 * reschedule date): k calendar months later (day clamped to month end, counted from the anchor), or
 * 14·k / 7·k days later.
 */
export function dueDatesFrom(anchor: IsoDate, frequency: RepaymentFrequency, count: number): IsoDate[] {
  const dates: IsoDate[] = [];
  const anchorDay = frequency === 'MONTHLY' ? 0 : toEpochDay(anchor);
  const step = frequency === 'WEEKLY' ? 7 : 14;
  for (let k = 1; k <= count; k += 1) {
    dates.push(frequency === 'MONTHLY' ? addMonthsClamped(anchor, k) : fromEpochDay(anchorDay + step * k));
  }
  return dates;
}

/** Days in the year of the convention: 365 (actual/365 fixed) or 360 (30/360). */
export function daysInYear(dayCount: DayCountConvention): number {
  return dayCount === 'ACTUAL_365' ? 365 : 360;
}

/**
 * Nominal length of one period in days: 30/360 counts a month as 30 days; actual/365 as 365/12 days
 * (so the nominal monthly rate is the annual rate / 12 either way); a fortnight 14, a week 7.
 */
export function nominalPeriodDays(frequency: RepaymentFrequency, dayCount: DayCountConvention): Decimal {
  if (frequency === 'FORTNIGHTLY') return new ScheduleDecimal(14);
  if (frequency === 'WEEKLY') return new ScheduleDecimal(7);
  return dayCount === 'THIRTY_360' ? new ScheduleDecimal(30) : new ScheduleDecimal(365).dividedBy(12);
}

/**
 * The nominal periodic rate r used in the annuity formula: annual rate × nominal period days / days in
 * year (12% p.a. monthly → 0.01; weekly actual/365 → 0.12 × 7/365). Exact to 40 digits, not rounded.
 */
export function nominalPeriodRate(annualRate: Decimal, frequency: RepaymentFrequency, dayCount: DayCountConvention): Decimal {
  return new ScheduleDecimal(annualRate).times(nominalPeriodDays(frequency, dayCount)).dividedBy(daysInYear(dayCount));
}

/**
 * The fraction of a year for which interest accrues from `accrualStart` to `dueDate` in a period that
 * began on `periodStart`: actual/365 → actual days / 365; 30/360 → the nominal period (30, 14 or 7
 * days of 360), pro-rated by actual days when accrual starts inside the period (after a prepayment).
 */
export function accrualYearFraction(
  dayCount: DayCountConvention,
  frequency: RepaymentFrequency,
  periodStart: IsoDate,
  accrualStart: IsoDate,
  dueDate: IsoDate,
): Decimal {
  if (dayCount === 'ACTUAL_365') return new ScheduleDecimal(daysBetween(accrualStart, dueDate)).dividedBy(365);
  const nominal = nominalPeriodDays(frequency, dayCount).dividedBy(360);
  if (accrualStart === periodStart) return nominal;
  return nominal.times(daysBetween(accrualStart, dueDate)).dividedBy(daysBetween(periodStart, dueDate));
}
