import type { Position } from '@samabay/event-store';
import type { ReadModelFollower } from './gateway-services';

/**
 * Read-your-writes across several followers of the same store (single-server: the projector's
 * Kafka feeds for membership/savings/lending, and the gateway's own ProjectionRunner for the staff
 * registry and the pending-items queue): `waitForPosition` resolves true once every follower reached
 * the position, false when one did not within `timeoutMs` (the time is shared, not per follower).
 * `status` is the first non-running status, else 'running'; `failure` the first follower's failure.
 * Throws what a follower throws (database errors).
 */
export function allFollowers(followers: readonly ReadModelFollower[]): ReadModelFollower {
  if (followers.length === 0) throw new Error('allFollowers needs at least one follower');
  return {
    async waitForPosition(position: Position | 'start', timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      for (const follower of followers) {
        if (!(await follower.waitForPosition(position, Math.max(0, deadline - Date.now())))) return false;
      }
      return true;
    },
    status: () => followers.map((follower) => follower.status()).find((status) => status !== 'running') ?? 'running',
    failure: () => followers.map((follower) => follower.failure()).find((failure) => failure !== undefined),
  };
}
