import type { Position, RecordedEvent } from '@samabay/domain-kit';
import { CoalescedAllReads } from './coalesced-all-reads';

const event = (prepare: bigint): RecordedEvent => ({ id: `e${prepare}`, type: 'Happened', data: {}, metadata: {}, streamId: 's-1', revision: Number(prepare), position: { commit: 1n, prepare }, recordedAt: new Date(0) });

function recordingRead() {
  const calls: Array<{ after: Position | 'start'; maxCount: number }> = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> = Promise.resolve();
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release?.(),
    read: async (after: Position | 'start', maxCount: number) => {
      calls.push({ after, maxCount });
      await gate;
      return [event(1n), event(2n)];
    },
  };
}

describe('CoalescedAllReads', () => {
  it('given reads asked in one turn from the same position, sends one query and gives each caller its own array', async () => {
    const source = recordingRead();
    const reads = new CoalescedAllReads(source.read);
    const [a, b, c] = await Promise.all([reads.readAll('start', 500), reads.readAll('start', 500), reads.readAll('start', 500)]);
    expect(source.calls).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(c.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('given different positions or batch sizes, sends a query for each', async () => {
    const source = recordingRead();
    const reads = new CoalescedAllReads(source.read);
    await Promise.all([reads.readAll('start', 500), reads.readAll({ commit: 1n, prepare: 1n }, 500), reads.readAll('start', 10)]);
    expect(source.calls).toHaveLength(3);
  });

  it('never joins a query already sent: a read asked while one is in flight gets a query of its own', async () => {
    const source = recordingRead();
    source.hold();
    const reads = new CoalescedAllReads(source.read);
    const first = reads.readAll('start', 500);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.calls).toHaveLength(1);
    const second = reads.readAll('start', 500);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.calls).toHaveLength(2);
    source.release();
    await Promise.all([first, second]);
  });

  it('hands a failed read to every caller that shared it, and the next read tries again', async () => {
    let fail = true;
    const reads = new CoalescedAllReads(async () => {
      if (fail) throw new Error('store unavailable');
      return [event(1n)];
    });
    const results = await Promise.allSettled([reads.readAll('start', 500), reads.readAll('start', 500)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(reads.readAll('start', 500)).resolves.toHaveLength(1);
  });
});
