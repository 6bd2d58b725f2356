import { compareIsoDates, type IsoDate, type Paise } from '@samabay/domain-kit';
import { daysBetween } from '../calendar';
import type { RoundingRule } from '../product/loan-product';
import { roundToPaise } from '../schedule/rounding';
import { ScheduleDecimal } from '../schedule/schedule-decimal';
import type { ScheduledInstalment } from '../schedule/schedule-types';

/**
 * A scheduled instalment and what has happened to it, amounts in paise: paid principal and interest,
 * late-payment penalty charged (a separate charge, never interest-bearing) and paid.
 */
export interface InstalmentPosition extends ScheduledInstalment {
  readonly paidPrincipalPaise: Paise;
  readonly paidInterestPaise: Paise;
  readonly penaltyPaise: Paise;
  readonly paidPenaltyPaise: Paise;
}

/** A freshly scheduled instalment: nothing paid, no penalty. */
export function openPosition(instalment: ScheduledInstalment): InstalmentPosition {
  return { ...instalment, paidPrincipalPaise: 0, paidInterestPaise: 0, penaltyPaise: 0, paidPenaltyPaise: 0 };
}

/** Principal of the instalment still unpaid (paise). */
export function unpaidPrincipal(instalment: InstalmentPosition): Paise {
  return instalment.principalPaise - instalment.paidPrincipalPaise;
}

/** Interest of the instalment still unpaid (paise). */
export function unpaidInterest(instalment: InstalmentPosition): Paise {
  return instalment.interestPaise - instalment.paidInterestPaise;
}

/** Penalty charged on the instalment still unpaid (paise). */
export function unpaidPenalty(instalment: InstalmentPosition): Paise {
  return instalment.penaltyPaise - instalment.paidPenaltyPaise;
}

/** True when the instalment has fallen due by `businessDate` (due date on or before it). */
export function isDueBy(instalment: ScheduledInstalment, businessDate: IsoDate): boolean {
  return compareIsoDates(instalment.dueDate, businessDate) <= 0;
}

/** True when nothing of the instalment is unpaid: principal, interest and penalty. */
export function isSettled(instalment: InstalmentPosition): boolean {
  return unpaidPrincipal(instalment) === 0 && unpaidInterest(instalment) === 0 && unpaidPenalty(instalment) === 0;
}

/** The instalment whose period runs on `businessDate`: the first not yet due; undefined once all have fallen due. */
export function runningInstalment<T extends ScheduledInstalment>(instalments: readonly T[], businessDate: IsoDate): T | undefined {
  return instalments.find((instalment) => !isDueBy(instalment, businessDate));
}

/**
 * Interest of a not-yet-due instalment accrued by `businessDate` (paise): its carried interest plus
 * the rest of its interest pro-rated by actual days from `accrualStartDate` to `dueDate`, rounded to
 * paise with the loan's rounding mode. Linear in days because the instalment's interest was
 * computed on one balance for that span.
 */
export function accruedInterest(instalment: ScheduledInstalment, businessDate: IsoDate, rounding: RoundingRule): Paise {
  const span = daysBetween(instalment.accrualStartDate, instalment.dueDate);
  const elapsed = Math.min(Math.max(daysBetween(instalment.accrualStartDate, businessDate), 0), span);
  const accruing = instalment.interestPaise - instalment.carriedInterestPaise;
  if (span <= 0) return instalment.interestPaise;
  return instalment.carriedInterestPaise + roundToPaise(new ScheduleDecimal(accruing).times(elapsed).dividedBy(span), rounding);
}

/**
 * A loan's balances on a business date (paise), as every monetary event carries them (DESIGN §5):
 * principal outstanding (all unpaid principal, due or not); of it, principal due (instalments due by
 * the date); interest due and penalties due (unpaid, on instalments due by the date).
 */
export interface LoanBalances {
  readonly principalOutstandingPaise: Paise;
  readonly principalDuePaise: Paise;
  readonly interestDuePaise: Paise;
  readonly penaltyDuePaise: Paise;
}

/** Computes {@link LoanBalances} of the instalments on `businessDate`. */
export function balancesOn(instalments: readonly InstalmentPosition[], businessDate: IsoDate): LoanBalances {
  let principalOutstandingPaise = 0;
  let principalDuePaise = 0;
  let interestDuePaise = 0;
  let penaltyDuePaise = 0;
  for (const instalment of instalments) {
    principalOutstandingPaise += unpaidPrincipal(instalment);
    penaltyDuePaise += unpaidPenalty(instalment);
    if (!isDueBy(instalment, businessDate)) continue;
    principalDuePaise += unpaidPrincipal(instalment);
    interestDuePaise += unpaidInterest(instalment);
  }
  return { principalOutstandingPaise, principalDuePaise, interestDuePaise, penaltyDuePaise };
}
