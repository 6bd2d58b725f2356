import type { Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import type { InterestRounding } from '../products/interest-conventions';
import { roundInterest } from './interest-rounding';

const FACTOR_TEXT = /^\d{1,4}(?:\.\d{1,6})?$/;

/**
 * Maturity value of a Recurring Deposit from the co-operative's published maturity-factor table:
 * monthly instalment × factor per rupee of instalment, rounded by `rounding`.
 * The published rows (issue 4) are reproduced by factors 12.60 (1 year), 25.84 (2 years), 39.74 (3 years):
 * Rs 50 → 630 / 1,292 / 1,987 and Rs 200 → 2,520 / 5,168 / 7,948, all exact, so the configured rounding
 * (HALF_UP to the paisa) never changes a whole-rupee instalment's value.
 * @throws RangeError for a factor that is not a plain decimal string or a non-positive-integer instalment.
 */
export function recurringDepositMaturityValue(instalmentPaise: Paise, maturityFactorPerRupee: string, rounding: InterestRounding): Paise {
  if (!Number.isSafeInteger(instalmentPaise) || instalmentPaise <= 0) throw new RangeError('instalment must be a positive whole number of paise');
  if (!FACTOR_TEXT.test(maturityFactorPerRupee)) throw new RangeError('maturity factor must be a decimal string such as 12.60');
  return roundInterest(new Decimal(instalmentPaise).times(maturityFactorPerRupee), rounding);
}
