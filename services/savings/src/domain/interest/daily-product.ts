import type { IsoDate } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { newYearsDaysBetween, yearLength } from '../calendar/year-fraction';
import type { DaysInYear } from '../products/interest-conventions';
import { balanceRuns, type BalanceTimeline } from './balance-timeline';
import { rateChangeDates, rateOn, type RateSchedule } from './rate-schedule';

/** What {@link dailyProductInterest} needs; dates inclusive, YYYY-MM-DD. */
export interface DailyProductInput {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly timeline: BalanceTimeline;
  readonly rates: RateSchedule;
  readonly daysInYear: DaysInYear;
}

/**
 * Interest by the daily-product method, exact (not rounded), in paise:
 * Σ over the days of [from, to] of closing balance × rate-in-force-that-day / 100 / days-in-year.
 * ACTUAL divides each day by its own calendar year's length (365 or 366).
 * Source: the standard daily-product convention (RBI circular on savings interest, 2010).
 * Example (issue 4): Rs 1,000 at 10% for one day on 365 days → 27.3973 paise = Rs 0.2740 before rounding.
 * @throws DomainError NO_TERMS_IN_FORCE when a day precedes every rate.
 */
export function dailyProductInterest(input: DailyProductInput): Decimal {
  const breaks = [...rateChangeDates(input.rates, input.from, input.to), ...(input.daysInYear === 'ACTUAL' ? newYearsDaysBetween(input.from, input.to) : [])];
  return balanceRuns(input.timeline, input.from, input.to, breaks).reduce((total, run) => {
    if (run.balancePaise === 0) return total;
    const product = new Decimal(run.balancePaise).times(run.days);
    return total.plus(product.times(rateOn(input.rates, run.from)).dividedBy(100).dividedBy(yearLength(input.daysInYear, run.from)));
  }, new Decimal(0));
}
