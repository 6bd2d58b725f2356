import { addDaysToIsoDate } from '@samabay/domain-kit';
import { SeededRandom } from '../testing/seeded-random';
import { addDays, addMonthsClamped, daysBetween, fromEpochDay, toEpochDay } from './calendar';

describe('calendar arithmetic', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2023-03-31', '2023-04-30')).toBe(30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2023-01-01')).toBe(-364);
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
  });

  it('agrees with the domain kit for 2,000 seeded random dates and offsets', () => {
    const random = new SeededRandom(99);
    for (let i = 0; i < 2000; i += 1) {
      const start = fromEpochDay(random.integer(-25_000, 60_000));
      const offset = random.integer(-4000, 4000);
      expect(addDays(start, offset)).toBe(addDaysToIsoDate(start, offset));
      expect(daysBetween(start, addDays(start, offset))).toBe(offset);
    }
  });

  it('adds months from the anchor, clamping the day to the month end', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonthsClamped('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonthsClamped('2024-11-15', 14)).toBe('2026-01-15');
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('rejects an impossible date', () => {
    expect(() => daysBetween('2023-02-30', '2023-03-01')).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
  });
});
