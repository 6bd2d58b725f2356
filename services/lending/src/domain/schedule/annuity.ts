import type Decimal from 'decimal.js';
import { ScheduleDecimal } from './schedule-decimal';

/**
 * The exact (unrounded) equal instalment that repays `principal` in `count` periods at periodic rate
 * `rate` — the standard annuity formula EMI = P · r / (1 − (1 + r)^−n); P / n when r = 0.
 * Example: P = 12,000, r = 0.02, n = 4 → 3,151.4850… (rupees here; the caller works in paise).
 */
export function annuityInstalment(principal: Decimal, rate: Decimal, count: number): Decimal {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError('count must be a whole number ≥ 1');
  const p = new ScheduleDecimal(principal);
  const r = new ScheduleDecimal(rate);
  if (r.isZero()) return p.dividedBy(count);
  return p.times(r).dividedBy(new ScheduleDecimal(1).minus(r.plus(1).pow(-count)));
}
