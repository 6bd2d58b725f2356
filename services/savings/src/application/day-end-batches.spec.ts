import { dayEndBatches } from './day-end-runner';

describe('dayEndBatches', () => {
  const items = (count: number) => Array.from({ length: count }, (_, index) => index);

  it('ramps up 1, 2, 4, … before full batches, keeping every account once and in order', () => {
    const { ramp, full } = dayEndBatches(items(40), 8);
    expect(ramp.map((batch) => batch.length)).toEqual([1, 2, 4]);
    expect(full.map((batch) => batch.length)).toEqual([8, 8, 8, 8, 1]);
    expect([...ramp, ...full].flat()).toEqual(items(40));
  });

  it('keeps a small branch inside the ramp, and an empty day empty', () => {
    expect(dayEndBatches(items(5), 500)).toEqual({ ramp: [[0], [1, 2], [3, 4]], full: [] });
    expect(dayEndBatches([], 500)).toEqual({ ramp: [], full: [] });
    expect(dayEndBatches(items(3), 1)).toEqual({ ramp: [], full: [[0], [1], [2]] });
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => dayEndBatches(items(3), 0)).toThrow(RangeError);
    expect(() => dayEndBatches(items(3), 2.5)).toThrow(RangeError);
  });
});
