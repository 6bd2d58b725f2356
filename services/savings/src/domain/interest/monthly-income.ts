import type { Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import type { InterestRounding } from '../products/interest-conventions';
import { roundInterest } from './interest-rounding';

/**
 * The monthly payout of a Monthly Income Scheme deposit: principal × rate / 12 / 100, rounded by
 * `rounding` (simple interest, paid into the member's savings account every month).
 */
export function monthlyIncomePayout(principalPaise: Paise, annualRatePercent: Decimal, rounding: InterestRounding): Paise {
  return roundInterest(new Decimal(principalPaise).times(annualRatePercent).dividedBy(1200), rounding);
}

/** The settlement of a Monthly Income Scheme deposit closed before its tenure ends. All paise. */
export interface MonthlyIncomePrematureSettlement {
  /** Simple interest for the complete months held at the reduced rate, rounded. */
  readonly interestDuePaise: Paise;
  /** Payouts already made beyond what was due, recovered from the principal (0 when none). */
  readonly recoveryPaise: Paise;
  /** Interest due but not yet paid out (0 when none). */
  readonly interestOwedPaise: Paise;
  /** What the member receives: principal − recovery + interest owed. */
  readonly payoutPaise: Paise;
}

/**
 * Settles a prematurely closed MIS deposit: interest due = principal × `reducedRatePercent` / 1200 ×
 * `monthsHeld` (the held-period rate already reduced by the penalty points), rounded by `rounding`; what
 * was paid out beyond it is recovered from the principal.
 */
export function monthlyIncomePrematureSettlement(
  principalPaise: Paise,
  paidOutPaise: Paise,
  monthsHeld: number,
  reducedRatePercent: Decimal,
  rounding: InterestRounding,
): MonthlyIncomePrematureSettlement {
  const interestDuePaise = roundInterest(new Decimal(principalPaise).times(reducedRatePercent).times(monthsHeld).dividedBy(1200), rounding);
  const recoveryPaise = Math.max(0, paidOutPaise - interestDuePaise);
  const interestOwedPaise = Math.max(0, interestDuePaise - paidOutPaise);
  return { interestDuePaise, recoveryPaise, interestOwedPaise, payoutPaise: principalPaise - recoveryPaise + interestOwedPaise };
}
