import Decimal from 'decimal.js';
import { ValidationError } from './domain-error';
import { addPaise, assertPaise, decimalToPaise, formatPaiseAsRupees, multiplyPaise, rupeesToPaise, scalePaise } from './money';

function rejection(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('rupeesToPaise', () => {
  it.each([
    ['0', 0],
    ['15', 1500],
    ['15.5', 1550],
    ['15.50', 1550],
    ['22728.25', 2272825],
    ['0.01', 1],
    ['0015.00', 1500],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('parses %s as %i paise', (text, paise) => {
    expect(rupeesToPaise(text)).toBe(paise);
  });

  it.each([['12,5O0.00'], ['12,500.00'], [''], [' 15.00'], ['15.00 '], ['+15'], ['1e3'], ['.50'], ['15.'], ['Rs 15'], ['--1'], ['١٥']])(
    'rejects %j as NOT_A_NUMBER naming the field',
    (text) => {
      expect(rejection(() => rupeesToPaise(text, { field: 'savings_deposit_balance' }))).toMatchObject({ code: 'NOT_A_NUMBER', field: 'savings_deposit_balance' });
    },
  );

  it.each([[null], [15], [undefined]])('rejects the non-string %p as NOT_A_NUMBER', (value) => {
    expect(rejection(() => rupeesToPaise(value))).toMatchObject({ code: 'NOT_A_NUMBER', field: 'amount' });
  });

  it.each([['10.555'], ['0.001'], ['-10.555']])('rejects %s as TOO_MANY_DECIMALS', (text) => {
    expect(rejection(() => rupeesToPaise(text, { field: 'thrift_fund_balance' }))).toMatchObject({ code: 'TOO_MANY_DECIMALS', field: 'thrift_fund_balance' });
  });

  it('rejects a negative amount as NEGATIVE_AMOUNT unless negatives are allowed', () => {
    expect(rejection(() => rupeesToPaise('-150.00', { field: 'savings_deposit_balance' }))).toMatchObject({ code: 'NEGATIVE_AMOUNT', field: 'savings_deposit_balance' });
    expect(rupeesToPaise('-150.00', { allowNegative: true })).toBe(-15000);
    expect(Object.is(rupeesToPaise('-0.00'), 0)).toBe(true);
  });

  it('rejects an amount beyond a safe integer of paise as AMOUNT_TOO_LARGE', () => {
    expect(rejection(() => rupeesToPaise('90071992547409.92'))).toMatchObject({ code: 'AMOUNT_TOO_LARGE' });
  });

  it('never repeats the input in the message', () => {
    expect(rejection(() => rupeesToPaise('Rekha Thapa', { field: 'amount' })).message).not.toContain('Rekha');
  });
});

describe('formatPaiseAsRupees', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123450, '1234.50'],
    [-5, '-0.05'],
    [-15000, '-150.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('formats %i as %s', (paise, text) => {
    expect(formatPaiseAsRupees(paise)).toBe(text);
  });

  it('round-trips with rupeesToPaise', () => {
    for (const paise of [0, 1, 99, 100, 1550, 667704373]) expect(rupeesToPaise(formatPaiseAsRupees(paise))).toBe(paise);
  });

  it.each([[1.5], [Number.NaN], [2 ** 53]])('refuses %p', (value) => {
    expect(() => formatPaiseAsRupees(value)).toThrow(RangeError);
  });
});

describe('assertPaise', () => {
  it('accepts safe non-negative integers, and negative ones when allowed', () => {
    expect(() => assertPaise(0, 'fee')).not.toThrow();
    expect(() => assertPaise(-1, 'delta', { allowNegative: true })).not.toThrow();
  });

  it.each([[1.5], ['100'], [Number.NaN], [2 ** 53], [null]])('rejects %p as NOT_PAISE naming the field', (value) => {
    expect(rejection(() => assertPaise(value, 'fee'))).toMatchObject({ code: 'NOT_PAISE', field: 'fee' });
  });

  it('rejects a negative amount as NEGATIVE_AMOUNT', () => {
    expect(rejection(() => assertPaise(-1, 'fee'))).toMatchObject({ code: 'NEGATIVE_AMOUNT', field: 'fee' });
  });
});

describe('paise arithmetic', () => {
  it('adds and multiplies within the safe-integer range', () => {
    expect(addPaise(500, 1000, 1000)).toBe(2500);
    expect(addPaise()).toBe(0);
    expect(multiplyPaise(1000, 7)).toBe(7000);
    expect(() => addPaise(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => addPaise(0.5)).toThrow(RangeError);
    expect(() => multiplyPaise(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => multiplyPaise(1000, 1.5)).toThrow(RangeError);
  });

  it('scales by a decimal factor in decimal.js and rounds with the named mode', () => {
    // 5% p.a. for one day on Rs 1,000.05: 100005 × 0.05 / 365 = 13.6993… paise
    const dayFactor = new Decimal('0.05').dividedBy(365);
    expect(scalePaise(100005, dayFactor, 'HALF_EVEN')).toBe(14);
    expect(scalePaise(100005, dayFactor, 'DOWN')).toBe(13);
    expect(scalePaise(250, '0.5', 'HALF_EVEN')).toBe(125);
    expect(scalePaise(5, '0.5', 'HALF_EVEN')).toBe(2);
    expect(scalePaise(5, '0.5', 'HALF_UP')).toBe(3);
    expect(scalePaise(-5, '0.5', 'HALF_UP')).toBe(-3);
    expect(scalePaise(-5, '0.5', 'CEIL')).toBe(-2);
    expect(Object.is(scalePaise(-1, '0.1', 'HALF_UP'), 0)).toBe(true);
  });

  it('refuses results beyond the safe-integer range and non-finite values', () => {
    expect(() => scalePaise(Number.MAX_SAFE_INTEGER, '2', 'HALF_UP')).toThrow(RangeError);
    expect(() => decimalToPaise(new Decimal(Infinity), 'HALF_UP')).toThrow(RangeError);
    expect(() => scalePaise(1.5, '2', 'HALF_UP')).toThrow(RangeError);
  });
});
