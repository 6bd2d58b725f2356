import { decimalToPaise, type Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import type { InterestRounding } from '../products/interest-conventions';

/**
 * Rounds an exact amount of paise (a Decimal) to a whole multiple of `rounding.unitPaise` with the named
 * mode: e.g. 4361.64 paise, HALF_UP to 1 paisa → 4362 (Rs 43.62); HALF_UP to 100 paise → 4400 (Rs 44).
 * @throws RangeError for a unit that is not a positive safe integer or a result beyond the safe-integer range.
 */
export function roundInterest(exactPaise: Decimal, rounding: InterestRounding): Paise {
  if (!Number.isSafeInteger(rounding.unitPaise) || rounding.unitPaise <= 0) throw new RangeError('rounding unit must be a positive whole number of paise');
  const units = decimalToPaise(exactPaise.dividedBy(rounding.unitPaise), rounding.mode);
  const paise = units * rounding.unitPaise;
  if (!Number.isSafeInteger(paise)) throw new RangeError('rounded interest exceeds the safe-integer range of paise');
  return paise === 0 ? 0 : paise;
}

/** An exact amount of paise as rupees with `decimals` places (HALF_UP), for display and published figures: 27.39726 → "0.2740". */
export function exactPaiseAsRupees(exactPaise: Decimal, decimals: number): string {
  return exactPaise.dividedBy(100).toFixed(decimals, Decimal.ROUND_HALF_UP);
}
