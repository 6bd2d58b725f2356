import { ValidationError, type Paise } from '@samabay/domain-kit';

/**
 * An amount of money a command moves: a positive safe integer of paise (issue 4 "Done when": zero,
 * negative and fractional-paisa amounts are rejected).
 * @throws ValidationError NOT_PAISE (not a whole number of paise) or AMOUNT_NOT_POSITIVE (zero or negative) on `field`.
 */
export function requirePositivePaise(value: unknown, field = 'amountPaise'): Paise {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ValidationError(field, `${field} must be a whole number of paise`, 'NOT_PAISE');
  if (value <= 0) throw new ValidationError(field, `${field} must be more than zero`, 'AMOUNT_NOT_POSITIVE');
  return value;
}

/**
 * A non-negative safe integer of paise (e.g. a register balance, which may be zero).
 * @throws ValidationError NOT_PAISE or NEGATIVE_AMOUNT on `field`.
 */
export function requireNonNegativePaise(value: unknown, field = 'amountPaise'): Paise {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ValidationError(field, `${field} must be a whole number of paise`, 'NOT_PAISE');
  if (value < 0) throw new ValidationError(field, `${field} must not be negative`, 'NEGATIVE_AMOUNT');
  return value;
}

/**
 * `balance` + `delta` as a safe integer.
 * @throws ValidationError AMOUNT_TOO_LARGE on `field` when the result leaves the safe-integer range.
 */
export function addToBalance(balance: Paise, delta: Paise, field = 'amountPaise'): Paise {
  const result = balance + delta;
  if (!Number.isSafeInteger(result)) throw new ValidationError(field, 'the resulting balance is too large', 'AMOUNT_TOO_LARGE');
  return result;
}
