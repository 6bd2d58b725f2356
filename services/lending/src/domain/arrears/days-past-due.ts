import type { IsoDate, Paise } from '@samabay/domain-kit';
import { daysBetween } from '../calendar';
import { isDueBy, unpaidInterest, unpaidPrincipal, type InstalmentPosition } from '../repayment/instalment-position';

/**
 * A loan's arrears at the day-end of a business date (paise, days):
 * `daysPastDue` counts from the oldest instalment with principal or interest unpaid, the due date
 * itself being day 1 — RBI's clarification of 12 Nov 2021 (IRAC, "Prudential norms … clarifications"):
 * an instalment due on 31 March and unpaid at that day-end is overdue from 31 March, and is SMA-1 at
 * the day-end of 30 April (day 31). Penalties do not make a loan overdue. 0 when nothing is overdue.
 */
export interface Arrears {
  readonly daysPastDue: number;
  readonly oldestOverdueDueDate: IsoDate | null;
  readonly overduePrincipalPaise: Paise;
  readonly overdueInterestPaise: Paise;
}

/** The arrears of the instalments at the day-end of `businessDate` (see {@link Arrears}). */
export function arrearsOn(instalments: readonly InstalmentPosition[], businessDate: IsoDate): Arrears {
  let oldestOverdueDueDate: IsoDate | null = null;
  let overduePrincipalPaise = 0;
  let overdueInterestPaise = 0;
  for (const instalment of instalments) {
    if (!isDueBy(instalment, businessDate)) break;
    const principal = unpaidPrincipal(instalment);
    const interest = unpaidInterest(instalment);
    if (principal + interest === 0) continue;
    oldestOverdueDueDate ??= instalment.dueDate;
    overduePrincipalPaise += principal;
    overdueInterestPaise += interest;
  }
  return {
    daysPastDue: oldestOverdueDueDate === null ? 0 : instalmentDaysPastDue(oldestOverdueDueDate, businessDate),
    oldestOverdueDueDate,
    overduePrincipalPaise,
    overdueInterestPaise,
  };
}

/** Days past due at the day-end of `businessDate` of something due on `dueDate` and still unpaid: due date = day 1. */
export function instalmentDaysPastDue(dueDate: IsoDate, businessDate: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, businessDate) + 1);
}
