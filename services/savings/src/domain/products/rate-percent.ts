import { ValidationError } from '@samabay/domain-kit';
import Decimal from 'decimal.js';

/** An interest rate in percent per annum written as a decimal string, e.g. "5", "7.25" (DESIGN §5: rates are decimal strings). */
export type RatePercent = string;

const RATE_TEXT = /^\d{1,3}(?:\.\d{1,4})?$/;

/** True when `text` is a rate in percent p.a.: digits, at most four decimals, between 0 and 100. */
export function isRatePercent(text: unknown): text is RatePercent {
  return typeof text === 'string' && RATE_TEXT.test(text) && new Decimal(text).lessThanOrEqualTo(100);
}

/**
 * Parses a rate in percent p.a. ("5.00") into a Decimal.
 * @throws ValidationError INVALID_RATE naming `field` for anything else (negative, exponent, > 100, > 4 decimals).
 */
export function parseRatePercent(text: unknown, field = 'annualRatePercent'): Decimal {
  if (!isRatePercent(text)) throw new ValidationError(field, `${field} must be a rate in percent per annum such as 5.00`, 'INVALID_RATE');
  return new Decimal(text);
}

/** `rate` − `points` percentage points, never below 0 (a penalty cannot make a depositor pay interest). */
export function reduceRate(rate: RatePercent, points: RatePercent): Decimal {
  return Decimal.max(0, parseRatePercent(rate).minus(parseRatePercent(points, 'penaltyPercentagePoints')));
}
