/**
 * Snapshots of aggregate state (DESIGN §4): a long-lived aggregate (a daily-collection account gains
 * 300+ events a year for decades) is loaded from its latest snapshot plus the events after it,
 * instead of replaying its whole stream.
 */

/**
 * A decider's state as of `revision` of its stream, for one `version` of the decider's evolve and
 * state shape. `state` is plain JSON. `recentEventIds` are the ids of the last events up to
 * `revision` with their revisions, so that a command appended just before a crash is still
 * recognised from the stream after loading from the snapshot.
 */
export interface AggregateSnapshot {
  readonly streamId: string;
  readonly revision: number;
  readonly version: string;
  readonly state: unknown;
  readonly recentEventIds: ReadonlyArray<readonly [string, number]>;
}

/** The snapshot store port. Implementations: createSqlSnapshotStore (@samabay/command-stores), InMemorySnapshotStore (tests). */
export interface SnapshotStore {
  /**
   * The latest snapshot (highest revision) of each stream for exactly this `version`; streams without
   * one are absent from the map. Snapshots of other versions are never returned.
   */
  latest(streamIds: readonly string[], version: string): Promise<Map<string, AggregateSnapshot>>;
  /** Saves a snapshot (saving the same stream, version and revision again is a no-op); may drop older ones of that stream and version. */
  save(snapshot: AggregateSnapshot): Promise<void>;
}
