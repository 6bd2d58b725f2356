import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { RoundingRule } from '../product/loan-product';
import {
  accruedInterest,
  isDueBy,
  runningInstalment,
  unpaidInterest,
  unpaidPenalty,
  unpaidPrincipal,
  type InstalmentPosition,
} from './instalment-position';

/**
 * What closes a loan on a business date (paise): all unpaid principal (due or not), unpaid interest
 * of the instalments due, the interest of the running period accrued to the date and not yet paid
 * (`accruedInterestPaise`, part of `interestPaise`), and unpaid penalties. Interest of later periods
 * is not owed. `totalPaise` = principal + interest + penalty.
 */
export interface ForeclosureQuote {
  readonly businessDate: IsoDate;
  readonly principalPaise: Paise;
  readonly interestPaise: Paise;
  readonly accruedInterestPaise: Paise;
  readonly penaltyPaise: Paise;
  readonly totalPaise: Paise;
}

/**
 * Quotes the foreclosure amount on `businessDate` (issue 5 item 2). Pure: a repayment of exactly
 * `totalPaise` on that date leaves nothing outstanding (the repayment planner uses this same quote).
 * The running period's interest is pro-rated by actual days (see `accruedInterest`), rounded with
 * the loan's rounding mode.
 */
export function quoteForeclosure(instalments: readonly InstalmentPosition[], businessDate: IsoDate, rounding: RoundingRule): ForeclosureQuote {
  let principalPaise = 0;
  let dueInterestPaise = 0;
  let penaltyPaise = 0;
  for (const instalment of instalments) {
    principalPaise += unpaidPrincipal(instalment);
    penaltyPaise += unpaidPenalty(instalment);
    if (isDueBy(instalment, businessDate)) dueInterestPaise += unpaidInterest(instalment);
  }
  const running = runningInstalment(instalments, businessDate);
  const accruedInterestPaise = running ? owedAccruedInterest(running, businessDate, rounding) : 0;
  const interestPaise = dueInterestPaise + accruedInterestPaise;
  return { businessDate, principalPaise, interestPaise, accruedInterestPaise, penaltyPaise, totalPaise: principalPaise + interestPaise + penaltyPaise };
}

/** Interest of the running instalment accrued by `businessDate` and not yet paid in advance (paise, ≥ 0). */
export function owedAccruedInterest(running: InstalmentPosition, businessDate: IsoDate, rounding: RoundingRule): Paise {
  return Math.max(0, accruedInterest(running, businessDate, rounding) - running.paidInterestPaise);
}
