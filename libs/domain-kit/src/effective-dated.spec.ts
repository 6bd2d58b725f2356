import { DomainError } from './domain-error';
import { termsOn, type EffectiveDated } from './effective-dated';

const admissionFee: EffectiveDated<{ feePaise: number }> = [
  { effectiveFrom: '2026-04-01', terms: { feePaise: 1000 } },
  { effectiveFrom: '1995-01-01', terms: { feePaise: 500 } },
  { effectiveFrom: '2020-04-01', terms: { feePaise: 700 } },
];

describe('termsOn', () => {
  it.each([
    ['1995-01-01', 500],
    ['2020-03-31', 500],
    ['2020-04-01', 700],
    ['2026-03-31', 700],
    ['2026-04-01', 1000],
    ['2090-01-01', 1000],
  ])('on %s applies the terms of the latest entry in force (fee %i paise), whatever the array order', (date, fee) => {
    expect(termsOn(admissionFee, date).feePaise).toBe(fee);
  });

  it('throws NO_TERMS_IN_FORCE before the first entry and for an empty schedule', () => {
    expect(() => termsOn(admissionFee, '1994-12-31')).toThrow(expect.objectContaining({ code: 'NO_TERMS_IN_FORCE', field: 'businessDate' }));
    expect(() => termsOn([], '2025-01-01')).toThrow(DomainError);
  });

  it('throws INVALID_SCHEDULE for an invalid or duplicated effective date', () => {
    expect(() => termsOn([{ effectiveFrom: '2025-02-30', terms: 1 }], '2025-06-01')).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE' }));
    expect(() =>
      termsOn(
        [
          { effectiveFrom: '2025-01-01', terms: 1 },
          { effectiveFrom: '2025-01-01', terms: 2 },
        ],
        '2025-06-01',
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE' }));
  });

  it('throws BAD_DATE for a malformed business date', () => {
    expect(() => termsOn(admissionFee, '01/04/2026')).toThrow(expect.objectContaining({ code: 'BAD_DATE', field: 'businessDate' }));
  });
});
