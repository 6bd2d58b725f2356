import Decimal from 'decimal.js';
import { dailyProductInterest } from './daily-product';
import { fixedDepositInterest } from './fixed-deposit-interest';
import { exactPaiseAsRupees, roundInterest } from './interest-rounding';
import { minimumBalanceInterest } from './minimum-balance';
import { monthlyIncomePayout, monthlyIncomePrematureSettlement } from './monthly-income';
import { flatRate, type RateSchedule } from './rate-schedule';
import { recurringDepositMaturityValue } from './recurring-deposit-maturity';
import { recurringDepositPrematureInterest } from './recurring-deposit-premature';
import { rateForHeldMonths, rateForTenureMonths } from './tenure-rates';

const HALF_UP = { mode: 'HALF_UP', unitPaise: 1 } as const;
const still = (openingBalancePaise: number) => ({ openingBalancePaise, movements: [] });

describe('daily-product interest', () => {
  it('divides each day by its own year on ACTUAL: 31 Dec 2023 (365) and 1 Jan 2024 (366)', () => {
    const exact = dailyProductInterest({ from: '2023-12-31', to: '2024-01-01', timeline: still(3_650_000), rates: flatRate('10'), daysInYear: 'ACTUAL' });
    expect(exact.toFixed(6)).toBe(new Decimal(365_000).dividedBy(365).plus(new Decimal(365_000).dividedBy(366)).toFixed(6));
  });

  it('uses 360 days on FIXED_360', () => {
    expect(dailyProductInterest({ from: '2025-01-01', to: '2025-01-30', timeline: still(3_600_000), rates: flatRate('12'), daysInYear: 'FIXED_360' }).toFixed()).toBe('36000');
  });

  it('applies a rate change from its date only', () => {
    const rates: RateSchedule = [
      { effectiveFrom: '2020-01-01', terms: '4' },
      { effectiveFrom: '2025-01-11', terms: '8' },
    ];
    const exact = dailyProductInterest({ from: '2025-01-01', to: '2025-01-20', timeline: still(3_650_000), rates, daysInYear: 'FIXED_365' });
    expect(exact.toFixed()).toBe('12000'); // 10 days × 400 + 10 days × 800 paise
  });

  it('counts a movement from its own day and ignores those after the period', () => {
    const timeline = { openingBalancePaise: 0, movements: [{ businessDate: '2025-01-03', deltaPaise: 3_650_000 }, { businessDate: '2025-02-01', deltaPaise: 9_999_999 }] };
    expect(dailyProductInterest({ from: '2025-01-01', to: '2025-01-31', timeline, rates: flatRate('10'), daysInYear: 'FIXED_365' }).toFixed()).toBe('29000');
  });
});

describe('minimum-balance interest', () => {
  it('earns nothing in a month cut short by closure, and a whole month on its lowest balance from the 10th', () => {
    const timeline = { openingBalancePaise: 1_200_000, movements: [{ businessDate: '2025-01-09', deltaPaise: -1_100_000 }, { businessDate: '2025-01-10', deltaPaise: 1_100_000 }] };
    expect(minimumBalanceInterest({ from: '2025-01-01', to: '2025-01-31', timeline, rates: flatRate('12'), fromDayOfMonth: 10 }).toFixed()).toBe('12000');
    expect(minimumBalanceInterest({ from: '2025-01-01', to: '2025-01-30', timeline, rates: flatRate('12'), fromDayOfMonth: 10 }).toFixed()).toBe('0');
  });

  it('computes each month of a longer period on that month\'s own minimum', () => {
    const timeline = { openingBalancePaise: 1_200_000, movements: [{ businessDate: '2025-02-20', deltaPaise: -600_000 }] };
    expect(minimumBalanceInterest({ from: '2025-01-01', to: '2025-03-31', timeline, rates: flatRate('12'), fromDayOfMonth: 10 }).toFixed()).toBe('24000');
  });

  it('treats the days before an account opened within the month as a nil balance', () => {
    const timeline = { openingBalancePaise: 0, movements: [{ businessDate: '2025-01-05', deltaPaise: 1_200_000 }] };
    expect(minimumBalanceInterest({ from: '2025-01-05', to: '2025-01-31', timeline, rates: flatRate('12'), fromDayOfMonth: 10 }).toFixed()).toBe('12000');
    expect(minimumBalanceInterest({ from: '2025-01-15', to: '2025-01-31', timeline: { openingBalancePaise: 0, movements: [{ businessDate: '2025-01-15', deltaPaise: 1_200_000 }] }, rates: flatRate('12'), fromDayOfMonth: 10 }).toFixed()).toBe('0');
  });
});

describe('rounding', () => {
  it('rounds with the named mode to the named unit', () => {
    const exact = new Decimal('4361.6438');
    expect(roundInterest(exact, HALF_UP)).toBe(4362);
    expect(roundInterest(exact, { mode: 'DOWN', unitPaise: 1 })).toBe(4361);
    expect(roundInterest(exact, { mode: 'HALF_UP', unitPaise: 100 })).toBe(4400);
    expect(roundInterest(new Decimal('2.5'), { mode: 'HALF_EVEN', unitPaise: 1 })).toBe(2);
    expect(() => roundInterest(exact, { mode: 'HALF_UP', unitPaise: 0 })).toThrow(RangeError);
    expect(exactPaiseAsRupees(new Decimal('27.397260273972602740'), 4)).toBe('0.2740');
  });
});

describe('Recurring Deposit calculators', () => {
  it('rounds an odd instalment by the configured rule: Rs 75 × 39.74 = Rs 2,980.50 (to the paisa) or Rs 2,981 (to the rupee)', () => {
    expect(recurringDepositMaturityValue(7_500, '39.74', HALF_UP)).toBe(298_050);
    expect(recurringDepositMaturityValue(7_500, '39.74', { mode: 'HALF_UP', unitPaise: 100 })).toBe(298_100);
    expect(() => recurringDepositMaturityValue(7_500, '1e2', HALF_UP)).toThrow(RangeError);
    expect(() => recurringDepositMaturityValue(0, '12.60', HALF_UP)).toThrow(RangeError);
  });

  it('gives premature interest as simple interest on each instalment for its complete months held', () => {
    const payments = [
      { amountPaise: 12_000, paidOn: '2025-01-10' },
      { amountPaise: 12_000, paidOn: '2025-02-10' },
      { amountPaise: 12_000, paidOn: '2025-03-12' },
    ];
    // Closed 12 April: 3 + 2 + 1 = 6 months × Rs 120 × 5% / 12 = Rs 3.00; a day earlier the third has no complete month.
    expect(recurringDepositPrematureInterest(payments, '2025-04-12', new Decimal(5)).toFixed()).toBe('300');
    expect(recurringDepositPrematureInterest(payments, '2025-04-11', new Decimal(5)).toFixed()).toBe('250');
  });

  it('picks the band of the longest threshold reached', () => {
    const held = [
      { minMonthsHeld: 0, annualRatePercent: '5.00' },
      { minMonthsHeld: 12, annualRatePercent: '9.23' },
    ];
    expect([rateForHeldMonths(held, 11), rateForHeldMonths(held, 12), rateForHeldMonths(held, 40)]).toEqual(['5.00', '9.23', '9.23']);
    expect(rateForTenureMonths([{ minMonths: 6, annualRatePercent: '6.5' }], 5)).toBeNull();
  });
});

describe('Fixed Deposit and Monthly Income Scheme calculators', () => {
  it('compounds quarterly: Rs 10,000 at 7.5% for one year earns Rs 771.36', () => {
    const exact = fixedDepositInterest({ principalPaise: 1_000_000, annualRatePercent: new Decimal('7.5'), from: '2025-04-01', to: '2026-04-01', daysInYear: 'ACTUAL' });
    expect(roundInterest(exact, HALF_UP)).toBe(77_136);
  });

  it('adds simple interest on the compounded amount for a broken quarter', () => {
    // One quarter: 1,000,000 × 1.02 = 1,020,000; then 30 days (to 31 May) × 8% / 365 on it.
    const exact = fixedDepositInterest({ principalPaise: 1_000_000, annualRatePercent: new Decimal(8), from: '2025-01-01', to: '2025-05-01', daysInYear: 'FIXED_365' });
    expect(exact.toFixed(6)).toBe(new Decimal(20_000).plus(new Decimal(1_020_000).times(0.08).times(30).dividedBy(365)).toFixed(6));
    expect(() => fixedDepositInterest({ principalPaise: 1, annualRatePercent: new Decimal(8), from: '2025-01-02', to: '2025-01-01', daysInYear: 'ACTUAL' })).toThrow(RangeError);
  });

  it('pays MIS interest monthly and recovers the excess on premature closure', () => {
    expect(monthlyIncomePayout(10_000_000, new Decimal('7.5'), HALF_UP)).toBe(62_500);
    // Paid 14 × Rs 625 = Rs 8,750; due at 6.5% for 14 months = Rs 7,583.33 → recover Rs 1,166.67.
    expect(monthlyIncomePrematureSettlement(10_000_000, 875_000, 14, new Decimal('6.5'), HALF_UP)).toEqual({
      interestDuePaise: 758_333,
      recoveryPaise: 116_667,
      interestOwedPaise: 0,
      payoutPaise: 9_883_333,
    });
  });
});
