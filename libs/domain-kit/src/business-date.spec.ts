import { addDaysToIsoDate, compareIsoDates, isValidIsoDate, parseDdMmYyyy, parseIsoDate, todayInKolkata } from './business-date';
import { ValidationError } from './domain-error';

describe('ISO dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2011-12-31', '1946-01-01', '0001-01-01'])('accepts the real date %s', (text) => {
    expect(isValidIsoDate(text)).toBe(true);
    expect(parseIsoDate(text)).toBe(text);
  });

  it.each(['2011-02-31', '2023-02-29', '1900-02-29', '2011-04-31', '2011-13-01', '2011-00-10', '2011-01-00', '0000-01-01', '2011-1-01', '2011/01/01', ' 2011-01-01', '2011-01-01T00:00', '', 'yesterday'])(
    'rejects %j with BAD_DATE naming the field',
    (text) => {
      expect(isValidIsoDate(text)).toBe(false);
      expect(() => parseIsoDate(text, 'admissionDate')).toThrow(expect.objectContaining({ code: 'BAD_DATE', field: 'admissionDate' }));
    },
  );

  it('rejects values that are not text', () => {
    expect(isValidIsoDate(20110101)).toBe(false);
    expect(() => parseIsoDate(null)).toThrow(ValidationError);
  });

  it('orders dates', () => {
    expect(compareIsoDates('2011-02-28', '2011-03-01')).toBeLessThan(0);
    expect(compareIsoDates('2011-03-01', '2011-03-01')).toBe(0);
    expect(compareIsoDates('2012-01-01', '2011-12-31')).toBeGreaterThan(0);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysToIsoDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDaysToIsoDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysToIsoDate('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDaysToIsoDate('2025-03-01', 0)).toBe('2025-03-01');
    expect(() => addDaysToIsoDate('2025-03-01', 0.5)).toThrow(RangeError);
  });
});

describe('parseDdMmYyyy', () => {
  it.each([
    ['23/04/1972', '1972-04-23'],
    ['29/02/2024', '2024-02-29'],
    ['01/01/2000', '2000-01-01'],
  ])('parses %s as %s', (text, iso) => {
    expect(parseDdMmYyyy(text)).toBe(iso);
  });

  it.each(['31/02/2011', '29/02/2023', '31/04/2011', '00/01/2011', '01/13/2011', '1/4/2011', '01-04-2011', '2011-04-01', '01/04/11', '01/04/2011 ', '', 'unknown'])(
    'rejects %j with BAD_DATE naming the field, without repeating the text',
    (text) => {
      let caught: unknown;
      try {
        parseDdMmYyyy(text, 'date_of_birth');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect(caught).toMatchObject({ code: 'BAD_DATE', field: 'date_of_birth' });
      if (text.length > 0) expect((caught as Error).message).not.toContain(text);
    },
  );
});

describe('todayInKolkata', () => {
  it.each([
    ['2025-03-31T18:29:59.999Z', '2025-03-31'],
    ['2025-03-31T18:30:00.000Z', '2025-04-01'],
    ['2024-12-31T23:59:59.000Z', '2025-01-01'],
    ['2025-01-01T00:00:00.000+05:30', '2025-01-01'],
  ])('at %s is %s', (instant, date) => {
    expect(todayInKolkata(() => new Date(instant))).toBe(date);
  });

  it('refuses an invalid clock reading', () => {
    expect(() => todayInKolkata(() => new Date(Number.NaN))).toThrow(RangeError);
  });
});
