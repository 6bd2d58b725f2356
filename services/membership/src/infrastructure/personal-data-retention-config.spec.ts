import { termsOn } from '@samabay/domain-kit';
import { defaultPersonalDataRetention, parsePersonalDataRetention } from './personal-data-retention-config';

describe('personal-data retention configuration', () => {
  it('ships five years after exit (provisional, awaiting the co-operative\'s confirmation) from the co-operative\'s founding', () => {
    expect(termsOn(defaultPersonalDataRetention(), '2026-11-29')).toEqual({ yearsAfterExit: 5 });
    expect(termsOn(defaultPersonalDataRetention(), '1995-01-01')).toEqual({ yearsAfterExit: 5 });
  });

  it('keeps notes and the confirmation flag out of the schedule, oldest entry first', () => {
    const schedule = parsePersonalDataRetention({
      retention: [
        { effectiveFrom: '2032-01-01', needsConfirmation: true, note: 'made up', terms: { yearsAfterExit: 7 } },
        { effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } },
      ],
    });
    expect(schedule).toEqual([
      { effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } },
      { effectiveFrom: '2032-01-01', terms: { yearsAfterExit: 7 } },
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['no entry', { retention: [] }, /retention: at least one dated entry/],
    ['a fractional period', { retention: [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 2.5 } }] }, /retention\.0\.terms\.yearsAfterExit/],
    ['a negative period', { retention: [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: -1 } }] }, /yearsAfterExit/],
    ['a bad date', { retention: [{ effectiveFrom: '1995-02-30', terms: { yearsAfterExit: 5 } }] }, /effectiveFrom: must be a real date/],
    ['two entries on one date', { retention: [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } }, { effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 6 } }] }, /same date/],
    ['an unknown field', { retention: [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5, days: 3 } }] }, /terms/],
  ])('refuses %s, naming the path', (_name, raw, message) => {
    expect(() => parsePersonalDataRetention(raw, 'test file')).toThrow(message);
  });
});
