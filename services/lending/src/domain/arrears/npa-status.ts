import { compareIsoDates, type IsoDate } from '@samabay/domain-kit';
import { NPA_DAYS_PAST_DUE, npaDateFor } from './asset-classification';
import type { Arrears } from './days-past-due';

/** What decides whether a loan is NPA on its own arrears (before the borrower-wise rule). */
export interface OwnNpaInput {
  /** The date the loan became NPA on its own arrears, or null while performing. */
  readonly previousNpaSince: IsoDate | null;
  readonly arrears: Arrears;
  readonly businessDate: IsoDate;
  /** A loan rescheduled while NPA may not be upgraded before this date; null when not restricted. */
  readonly upgradeBlockedUntil: IsoDate | null;
}

/**
 * The date since which a loan is NPA on its own arrears at the day-end of `businessDate`, or null
 * (RBI IRAC): NPA once more than 90 days past due, dated the day-end it became so (day 91 of the oldest
 * overdue instalment, also when the day-end runs late); it stays NPA — "may be upgraded as standard only
 * if the entire arrears of interest and principal are paid" (RBI circular of 12 Nov 2021) — so it is
 * upgraded only when nothing is overdue, and, after a reschedule while NPA, not before
 * `upgradeBlockedUntil` (a year of satisfactory performance; see the loan decider).
 */
export function ownNpaSince(input: OwnNpaInput): IsoDate | null {
  const { arrears, previousNpaSince } = input;
  if (arrears.daysPastDue > NPA_DAYS_PAST_DUE && arrears.oldestOverdueDueDate !== null) {
    return previousNpaSince ?? npaDateFor(arrears.oldestOverdueDueDate);
  }
  if (previousNpaSince === null) return null;
  const blocked = input.upgradeBlockedUntil !== null && compareIsoDates(input.businessDate, input.upgradeBlockedUntil) < 0;
  return arrears.daysPastDue === 0 && !blocked ? null : previousNpaSince;
}
