import { financialYearOf, isFinancialYear } from './financial-year';
import { daysFromTo, fromDayNumber, shiftDays, toDayNumber } from './day-number';
import { isPeriodEnd, periodEndContaining } from './interest-periods';
import { addMonths, completeMonthsBetween, daysInYearOf, isMonthEnd, lastDayOfMonth, monthsBetweenMonths } from './months';
import { yearFraction } from './year-fraction';

describe('calendar arithmetic for interest', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysFromTo('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysFromTo('2025-02-28', '2025-03-01')).toBe(1);
    expect(shiftDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(fromDayNumber(toDayNumber('1995-06-22'))).toBe('1995-06-22');
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it('knows month ends and year lengths', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2100-02-10')).toBe('2100-02-28');
    expect(isMonthEnd('2025-04-30')).toBe(true);
    expect(isMonthEnd('2025-05-30')).toBe(false);
    expect([daysInYearOf('2024-07-01'), daysInYearOf('2025-07-01'), daysInYearOf('2000-07-01')]).toEqual([366, 365, 366]);
  });

  it('adds months clamping the day, and counts complete months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(monthsBetweenMonths('2024-01-31', '2024-02-01')).toBe(1);
    expect(completeMonthsBetween('2024-01-15', '2024-03-14')).toBe(1);
    expect(completeMonthsBetween('2024-01-15', '2024-03-15')).toBe(2);
    expect(completeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(completeMonthsBetween('2024-03-15', '2024-01-15')).toBe(0);
  });

  it.each([
    ['MONTHLY', '2025-05-07', '2025-05-31'],
    ['QUARTERLY', '2025-05-07', '2025-06-30'],
    ['QUARTERLY', '2026-01-01', '2026-03-31'],
    ['QUARTERLY', '2025-12-31', '2025-12-31'],
    ['HALF_YEARLY', '2025-04-01', '2025-09-30'],
    ['HALF_YEARLY', '2025-10-01', '2026-03-31'],
    ['YEARLY', '2025-04-01', '2026-03-31'],
    ['YEARLY', '2026-03-31', '2026-03-31'],
  ] as const)('ends a %s period containing %s on %s (financial year April–March)', (period, date, end) => {
    expect(periodEndContaining(period, date)).toBe(end);
    expect(isPeriodEnd(period, end)).toBe(true);
  });

  it('measures year fractions per days-in-year convention, splitting ACTUAL at 1 January', () => {
    expect(yearFraction('2023-12-31', '2024-01-02', 'ACTUAL').toFixed(12)).toBe((1 / 365 + 1 / 366).toFixed(12));
    expect(yearFraction('2025-01-01', '2025-01-31', 'FIXED_360').toFixed()).toBe('0.083333333333333333333');
    expect(yearFraction('2025-01-01', '2026-01-01', 'FIXED_365').toFixed()).toBe('1');
  });
});

describe('financial years (April–March)', () => {
  it('names the year a date falls in', () => {
    expect(financialYearOf('2025-04-01')).toBe('2025-26');
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
    expect(financialYearOf('1999-12-31')).toBe('1999-00');
  });

  it('recognises a well-formed financial year', () => {
    expect(isFinancialYear('2025-26')).toBe(true);
    expect(isFinancialYear('1999-00')).toBe(true);
    expect(isFinancialYear('2025-27')).toBe(false);
    expect(isFinancialYear('2025')).toBe(false);
  });
});
