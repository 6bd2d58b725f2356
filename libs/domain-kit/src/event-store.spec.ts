import { comparePositions, formatPosition, parsePosition } from './event-store';

describe('positions', () => {
  it('order by commit, then prepare, with start first', () => {
    const sorted = [{ commit: 9n, prepare: 1n }, 'start' as const, { commit: 2n, prepare: 30n }, { commit: 2n, prepare: 4n }].sort(comparePositions);
    expect(sorted).toEqual(['start', { commit: 2n, prepare: 4n }, { commit: 2n, prepare: 30n }, { commit: 9n, prepare: 1n }]);
  });

  it('round-trip through their text form and reject anything else', () => {
    const position = { commit: 18446744073709551615n, prepare: 12n };
    expect(formatPosition(position)).toBe('C:18446744073709551615/P:12');
    expect(parsePosition(formatPosition(position))).toEqual(position);
    expect(parsePosition('start')).toBe('start');
    expect(() => parsePosition('C:1/P:')).toThrow(RangeError);
  });
});
