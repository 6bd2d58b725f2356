import type { IsoDate, Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { shiftDays, splitIsoDate } from '../calendar/day-number';
import { daysInMonth, firstDayOfMonth, lastDayOfMonth } from '../calendar/months';
import { balanceRuns, type BalanceTimeline } from './balance-timeline';
import { rateChangeDates, rateOn, type RateSchedule } from './rate-schedule';

/** What {@link minimumBalanceInterest} needs; dates inclusive, YYYY-MM-DD. */
export interface MinimumBalanceInput {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly timeline: BalanceTimeline;
  readonly rates: RateSchedule;
  /** First day of the month whose closing balance counts (10 in the traditional rule). */
  readonly fromDayOfMonth: number;
}

/**
 * Interest by the minimum-balance method, exact (not rounded), in paise: for every calendar month of
 * [from, to] that ends within it, the lowest closing balance from day `fromDayOfMonth` to the month's last
 * day, × rate / 12. When the rate changes within a month, each rate is weighted by the days it was in
 * force. A month cut short by `to` (the account closes) earns nothing. Days of the first month before
 * `from` count at the opening balance (0 for an account opened in that month).
 * Source: the credit societies' "minimum balance between the 10th and the last day of the month" rule.
 * Example (issue 4): opening Rs 10,000 at 4%, +5,000 on the 5th, −8,000 on the 12th, +20,000 on the 25th of a
 * 30-day month → minimum Rs 7,000 → 2333.33 paise = Rs 23.33.
 */
export function minimumBalanceInterest(input: MinimumBalanceInput): Decimal {
  let total = new Decimal(0);
  for (let monthStart = input.from; monthStart <= input.to; monthStart = shiftDays(lastDayOfMonth(monthStart), 1)) {
    const monthEnd = lastDayOfMonth(monthStart);
    if (monthEnd > input.to) break;
    const minimum = minimumClosingBalance(input.timeline, input.from, monthEnd, input.fromDayOfMonth);
    total = total.plus(monthInterest(minimum, input.rates, monthEnd));
  }
  return total;
}

/** Lowest closing balance from day `fromDayOfMonth` (clamped to the month) to `monthEnd`; days before `periodStart` hold the timeline's opening balance. */
function minimumClosingBalance(timeline: BalanceTimeline, periodStart: IsoDate, monthEnd: IsoDate, fromDayOfMonth: number): Paise {
  const [year, month] = splitIsoDate(monthEnd);
  const windowStart = `${monthEnd.slice(0, 8)}${String(Math.min(fromDayOfMonth, daysInMonth(year, month))).padStart(2, '0')}`;
  const runs = balanceRuns(timeline, periodStart, monthEnd);
  const candidates = runs.filter((run) => shiftDays(run.from, run.days - 1) >= windowStart).map((run) => run.balancePaise);
  if (windowStart < periodStart) candidates.push(timeline.openingBalancePaise);
  return Math.min(...candidates);
}

/**
 * `minimum` × Σ over the month's days of (rate in force / 100 / 12 / days in month) — i.e. minimum × rate / 1200
 * when the rate does not change. Multiplies first and divides once, so whole results stay whole.
 */
function monthInterest(minimum: Paise, rates: RateSchedule, monthEnd: IsoDate): Decimal {
  const monthStart = firstDayOfMonth(monthEnd);
  const [year, month] = splitIsoDate(monthEnd);
  const starts = [monthStart, ...rateChangeDates(rates, monthStart, monthEnd)];
  const rateDays = starts.reduce((sum, start, index) => {
    const lastDay = index + 1 < starts.length ? shiftDays(starts[index + 1], -1) : monthEnd;
    return sum.plus(rateOn(rates, start).times(splitIsoDate(lastDay)[2] - splitIsoDate(start)[2] + 1));
  }, new Decimal(0));
  return new Decimal(minimum).times(rateDays).dividedBy(1200 * daysInMonth(year, month));
}
