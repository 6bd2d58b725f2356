import { formatPaiseAsRupees } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import type { BalanceTimeline } from './balance-timeline';
import { dailyProductInterest } from './daily-product';
import { exactPaiseAsRupees, roundInterest } from './interest-rounding';
import { minimumBalanceInterest } from './minimum-balance';
import { flatRate } from './rate-schedule';
import { recurringDepositMaturityValue } from './recurring-deposit-maturity';

const TO_PAISA_HALF_UP = { mode: 'HALF_UP', unitPaise: 1 } as const;

/**
 * Issue 4 item 8: opening Rs 10,000 at 4% p.a., deposit Rs 5,000 on the 5th, withdrawal Rs 8,000 on the
 * 12th, deposit Rs 20,000 on the 25th of a 30-day month (April 2025; 2025 has 365 days).
 */
const month: BalanceTimeline = {
  openingBalancePaise: 1_000_000,
  movements: [
    { businessDate: '2025-04-05', deltaPaise: 500_000 },
    { businessDate: '2025-04-12', deltaPaise: -800_000 },
    { businessDate: '2025-04-25', deltaPaise: 2_000_000 },
  ],
};

describe('published interest examples (issue 4 item 8)', () => {
  it('minimum-balance method: Rs 7,000 lowest from the 10th → Rs 23.33', () => {
    const exact = minimumBalanceInterest({ from: '2025-04-01', to: '2025-04-30', timeline: month, rates: flatRate('4'), fromDayOfMonth: 10 });
    expect(exact.toFixed(4)).toBe('2333.3333');
    expect(formatPaiseAsRupees(roundInterest(exact, TO_PAISA_HALF_UP))).toBe('23.33');
  });

  it.each(['ACTUAL', 'FIXED_365'] as const)('daily-product method on 365 days (%s) → Rs 43.62', (daysInYear) => {
    const exact = dailyProductInterest({ from: '2025-04-01', to: '2025-04-30', timeline: month, rates: flatRate('4'), daysInYear });
    // 4 days × 10,000 + 7 × 15,000 + 13 × 7,000 + 6 × 27,000 = Rs 3,98,000 rupee-days.
    expect(exact.times(365).dividedBy('0.04').toFixed(0)).toBe('39800000');
    expect(formatPaiseAsRupees(roundInterest(exact, TO_PAISA_HALF_UP))).toBe('43.62');
  });

  it('Rs 1,000 at 10% for one day on 365 days → Rs 0.2740 before rounding, Rs 0.27 after', () => {
    const exact = dailyProductInterest({
      from: '2025-06-10',
      to: '2025-06-10',
      timeline: { openingBalancePaise: 100_000, movements: [] },
      rates: flatRate('10'),
      daysInYear: 'FIXED_365',
    });
    expect(exactPaiseAsRupees(exact, 4)).toBe('0.2740');
    expect(roundInterest(exact, TO_PAISA_HALF_UP)).toBe(27);
  });

  describe('Recurring Deposit maturity table: factors 12.60 / 25.84 / 39.74 per rupee, HALF_UP to the paisa', () => {
    const factors: Record<number, string> = { 1: '12.60', 2: '25.84', 3: '39.74' };
    it.each([
      [50, 1, '630.00'],
      [50, 2, '1292.00'],
      [50, 3, '1987.00'],
      [200, 1, '2520.00'],
      [200, 2, '5168.00'],
      [200, 3, '7948.00'],
    ])('Rs %i/month for %i year(s) → Rs %s', (rupees, years, expected) => {
      expect(formatPaiseAsRupees(recurringDepositMaturityValue(rupees * 100, factors[years], TO_PAISA_HALF_UP))).toBe(expected);
    });

    it('the factors are the published values divided by the instalment, exactly', () => {
      const published: [number, number][] = [[630, 50], [1292, 50], [1987, 50], [2520, 200], [5168, 200], [7948, 200]];
      expect(published.map(([value, instalment]) => new Decimal(value).dividedBy(instalment).toFixed(2))).toEqual([
        '12.60', '25.84', '39.74', '12.60', '25.84', '39.74',
      ]);
    });
  });
});
