import type { Position } from '@samabay/event-store';
import type { ReadModelFollower } from './gateway-services';
import { allFollowers } from './read-model-followers';

const at = (commit: number): Position => ({ commit: BigInt(commit), prepare: 0n });

/** A follower that has reached `reached` and never moves; records the timeouts it was given. */
function follower(reached: number, status: ReturnType<ReadModelFollower['status']> = 'running'): ReadModelFollower & { timeouts: number[] } {
  const timeouts: number[] = [];
  return {
    timeouts,
    waitForPosition: async (position: Position | 'start', timeoutMs: number) => {
      timeouts.push(timeoutMs);
      return position === 'start' || position.commit <= BigInt(reached);
    },
    status: () => status,
    failure: () => (status === 'failed' ? { errorName: 'Error', errorMessage: 'poison' } : undefined),
  };
}

describe('allFollowers (read-your-writes across the projector and the gateway runner)', () => {
  it('reaches a position only when every follower reached it', async () => {
    const both = allFollowers([follower(10), follower(5)]);
    expect(await both.waitForPosition(at(5), 100)).toBe(true);
    expect(await both.waitForPosition(at(7), 100)).toBe(false);
    expect(await both.waitForPosition('start', 100)).toBe(true);
  });

  it('shares one timeout between the followers and stops at the first that did not reach it', async () => {
    const first = follower(1);
    const second = follower(10);
    expect(await allFollowers([first, second]).waitForPosition(at(5), 1_000)).toBe(false);
    expect(first.timeouts).toHaveLength(1);
    expect(first.timeouts[0]).toBeLessThanOrEqual(1_000);
    expect(second.timeouts).toEqual([]);
  });

  it('reports the first status other than running and the first failure', () => {
    expect(allFollowers([follower(0), follower(0)]).status()).toBe('running');
    const failed = allFollowers([follower(0), follower(0, 'failed')]);
    expect(failed.status()).toBe('failed');
    expect(failed.failure()).toEqual({ errorName: 'Error', errorMessage: 'poison' });
  });

  it('needs at least one follower', () => {
    expect(() => allFollowers([])).toThrow('at least one follower');
  });
});
