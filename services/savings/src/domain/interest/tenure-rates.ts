import type { HeldPeriodRate } from '../products/recurring-deposit-terms';
import type { RatePercent } from '../products/rate-percent';
import type { TenureRate } from '../products/term-deposit-terms';

/** The rate of the longest band whose `minMonths` ≤ `months`, or null when `months` is below every band. */
export function rateForTenureMonths(rates: readonly TenureRate[], months: number): RatePercent | null {
  return longestBand(rates.map((rate) => ({ threshold: rate.minMonths, rate: rate.annualRatePercent })), months);
}

/** The rate of the longest band whose `minMonthsHeld` ≤ `monthsHeld`, or null when below every band. */
export function rateForHeldMonths(rates: readonly HeldPeriodRate[], monthsHeld: number): RatePercent | null {
  return longestBand(rates.map((rate) => ({ threshold: rate.minMonthsHeld, rate: rate.annualRatePercent })), monthsHeld);
}

function longestBand(bands: readonly { threshold: number; rate: RatePercent }[], months: number): RatePercent | null {
  let best: { threshold: number; rate: RatePercent } | null = null;
  for (const band of bands) if (band.threshold <= months && (!best || band.threshold > best.threshold)) best = band;
  return best ? best.rate : null;
}
