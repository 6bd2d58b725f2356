import type { AggregateSnapshot, SnapshotStore } from '../snapshot-store';

/**
 * A SnapshotStore held in memory, for unit tests. Same semantics as the SQL store: the latest
 * revision per (stream, version), copied through JSON in and out as a database would.
 */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, string>();
  /** Snapshots saved so far (a test can check when they are written). */
  saves = 0;

  async latest(streamIds: readonly string[], version: string): Promise<Map<string, AggregateSnapshot>> {
    const found = new Map<string, AggregateSnapshot>();
    for (const streamId of streamIds) {
      const stored = this.snapshots.get(JSON.stringify([streamId, version]));
      if (stored !== undefined) found.set(streamId, JSON.parse(stored) as AggregateSnapshot);
    }
    return found;
  }

  async save(snapshot: AggregateSnapshot): Promise<void> {
    const key = JSON.stringify([snapshot.streamId, snapshot.version]);
    const stored = this.snapshots.get(key);
    if (stored !== undefined && (JSON.parse(stored) as AggregateSnapshot).revision >= snapshot.revision) return;
    this.snapshots.set(key, JSON.stringify(snapshot));
    this.saves += 1;
  }
}
