import type { Decider, DomainEvent } from './decider';
import { LruCache } from './lru-cache';

/**
 * An aggregate's state as of `revision` (its stream's last revision, -1 for an empty stream), plus
 * the ids of its most recent events with their revisions (so a retried command whose events were
 * appended, but not recorded, is recognised without re-reading the stream).
 */
export interface CachedAggregate<S = unknown> {
  readonly decider: Decider<never, DomainEvent, S>;
  readonly state: S;
  readonly revision: number;
  readonly recentEventIds: ReadonlyMap<string, number>;
}

/**
 * The hot aggregate cache (DESIGN §4): a bounded LRU of aggregate states by stream id. It may be
 * stale — another writer can append at any time — which is safe because every append names the
 * cached revision as its expected revision, and a loader catches up by reading only later events.
 * An entry is only returned for the decider that built it (two deciders over one stream do not mix).
 */
export class AggregateCache {
  private readonly entries: LruCache<string, CachedAggregate>;

  /** `capacity`: streams held (0 disables caching); `recentEventWindow`: event ids remembered per stream. */
  constructor(
    capacity: number,
    readonly recentEventWindow: number,
  ) {
    this.entries = new LruCache(capacity);
    if (!Number.isSafeInteger(recentEventWindow) || recentEventWindow < 0) throw new RangeError('recentEventWindow must be a non-negative integer');
  }

  /** The cached aggregate of `streamId` if `decider` built it; otherwise undefined. */
  get<S>(streamId: string, decider: Decider<never, DomainEvent, S>): CachedAggregate<S> | undefined {
    const entry = this.entries.get(streamId);
    return entry && entry.decider === (decider as unknown) ? (entry as CachedAggregate<S>) : undefined;
  }

  /** Stores an entry unless one at a later revision (from the same decider) is already cached. */
  put<S>(streamId: string, entry: CachedAggregate<S>): void {
    const current = this.entries.get(streamId);
    if (current && current.decider === (entry.decider as unknown) && current.revision > entry.revision) return;
    this.entries.set(streamId, entry as CachedAggregate);
  }

  /** Drops the cached aggregate of `streamId`; the next load reads the stream from the start. */
  evict(streamId: string): void {
    this.entries.delete(streamId);
  }

  /** Adds `ids` (in stream order, with their revisions) to a window, keeping only the newest `recentEventWindow`. */
  rememberEventIds(window: ReadonlyMap<string, number>, ids: ReadonlyArray<readonly [string, number]>): ReadonlyMap<string, number> {
    const next = new Map(window);
    for (const [id, revision] of ids) next.set(id, revision);
    for (const id of next.keys()) {
      if (next.size <= this.recentEventWindow) break;
      next.delete(id);
    }
    return next;
  }
}
