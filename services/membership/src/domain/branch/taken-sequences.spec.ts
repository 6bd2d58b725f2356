import { isSequenceTaken, nextFreeSequence, NO_SEQUENCES_TAKEN, withSequenceTaken } from './taken-sequences';

describe('taken member-number sequences', () => {
  it('records sequences across chunk boundaries and tracks the highest and the count', () => {
    let taken = NO_SEQUENCES_TAKEN;
    for (const sequence of [1, 31, 32, 1023, 1024, 999_999]) taken = withSequenceTaken(taken, sequence);
    for (const sequence of [1, 31, 32, 1023, 1024, 999_999]) expect(isSequenceTaken(taken, sequence)).toBe(true);
    for (const sequence of [2, 30, 33, 1022, 1025, 999_998]) expect(isSequenceTaken(taken, sequence)).toBe(false);
    expect(taken.highest).toBe(999_999);
    expect(taken.count).toBe(6);
  });

  it('never mutates the set it was given', () => {
    const before = withSequenceTaken(NO_SEQUENCES_TAKEN, 5);
    const after = withSequenceTaken(before, 6);
    expect(isSequenceTaken(before, 6)).toBe(false);
    expect(isSequenceTaken(after, 5) && isSequenceTaken(after, 6)).toBe(true);
    expect(before.count).toBe(1);
  });

  it('finds the next free sequence after a given one, across full words and chunks, within the maximum', () => {
    let taken = NO_SEQUENCES_TAKEN;
    for (let sequence = 1; sequence <= 2050; sequence++) if (sequence !== 1500) taken = withSequenceTaken(taken, sequence);
    expect(nextFreeSequence(taken, 0, 999_999)).toBe(1500);
    expect(nextFreeSequence(taken, 1500, 999_999)).toBe(2051);
    expect(nextFreeSequence(taken, 5000, 999_999)).toBe(5001);
    expect(nextFreeSequence(taken, 1500, 2050)).toBeUndefined();
    expect(nextFreeSequence(NO_SEQUENCES_TAKEN, 999_999, 999_999)).toBeUndefined();
  });

  it('adding a taken sequence again changes nothing', () => {
    const once = withSequenceTaken(NO_SEQUENCES_TAKEN, 7);
    expect(withSequenceTaken(once, 7)).toBe(once);
  });
});
