import { ValidationError } from '@samabay/domain-kit';
import Decimal from 'decimal.js';

/**
 * A nominal interest rate as published: `ratePercent` a decimal string ("12", "9.4822") and its basis
 * `per`: 'YEAR' (% per annum) or 'MONTH' (% per month; the nominal annual rate is 12 times it).
 */
export interface InterestRate {
  readonly ratePercent: string;
  readonly per: 'YEAR' | 'MONTH';
}

const DECIMAL_TEXT = /^\d{1,3}(?:\.\d{1,6})?$/;

/**
 * Checks a percentage written as a decimal string: digits, optionally '.' and up to 6 decimals, 0–999.
 * @throws ValidationError INVALID_RATE on `field`.
 */
export function assertRatePercent(text: unknown, field: string): asserts text is string {
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) {
    throw new ValidationError(field, `${field} must be a percentage written like 12.5`, 'INVALID_RATE');
  }
}

/**
 * The nominal annual rate as a fraction (not percent): 12% p.a. → 0.12; 2% per month → 0.24.
 * Exact in decimal.js; no rounding.
 */
export function annualRateFraction(rate: InterestRate): Decimal {
  const percent = new Decimal(rate.ratePercent);
  return (rate.per === 'MONTH' ? percent.times(12) : percent).dividedBy(100);
}

/** The nominal annual rate in % p.a. as a decimal string: { '2', MONTH } → '24'. Exact. */
export function annualRatePercent(rate: InterestRate): string {
  return annualRateFraction(rate).times(100).toString();
}
