import type { IsoDate, Paise } from '@samabay/domain-kit';
import { daysFromTo, shiftDays } from '../calendar/day-number';

/** A change of an account's balance on a business date (deposit +, withdrawal −), integer paise. */
export interface BalanceMovement {
  readonly businessDate: IsoDate;
  readonly deltaPaise: Paise;
}

/**
 * An account's balances: `openingBalancePaise` is the balance before every listed movement (typically the
 * closing balance of the day before the period; 0 for an account opened within it), `movements` the
 * changes in any order. A day's closing balance is the opening balance plus every movement dated on or
 * before it; movements after the period in question are ignored.
 */
export interface BalanceTimeline {
  readonly openingBalancePaise: Paise;
  readonly movements: readonly BalanceMovement[];
}

/** A run of days with one closing balance: from `from` for `days` days. */
export interface BalanceRun {
  readonly from: IsoDate;
  readonly days: number;
  readonly balancePaise: Paise;
}

/**
 * The closing balance of every day of [`from`, `to`] as runs of equal balance, split also at every date
 * of `extraBreaks` inside the period (e.g. rate changes, 1 January). A day's closing balance includes
 * every movement dated on or before it (standard daily-product convention: a deposit counts from its day).
 */
export function balanceRuns(timeline: BalanceTimeline, from: IsoDate, to: IsoDate, extraBreaks: readonly IsoDate[] = []): BalanceRun[] {
  if (to < from) return [];
  let balance = timeline.openingBalancePaise;
  const changes = new Map<IsoDate, number>();
  for (const movement of timeline.movements) {
    if (movement.businessDate < from) balance += movement.deltaPaise;
    else if (movement.businessDate <= to) changes.set(movement.businessDate, (changes.get(movement.businessDate) ?? 0) + movement.deltaPaise);
  }
  const breaks = [...new Set([from, ...changes.keys(), ...extraBreaks.filter((date) => date > from && date <= to)])].sort();
  return breaks.map((start, index) => {
    balance += changes.get(start) ?? 0;
    const end = index + 1 < breaks.length ? shiftDays(breaks[index + 1], -1) : to;
    return { from: start, days: daysFromTo(start, end) + 1, balancePaise: balance };
  });
}
