import { quoteIdentifier, type SqlDatabase } from '@samabay/sql';
import type { AggregateSnapshot, SnapshotStore } from '@samabay/domain-kit';

/** Options of {@link createSqlSnapshotStore}. */
export interface SqlSnapshotStoreOptions {
  readonly db: SqlDatabase;
  /** Schema of the `aggregate_snapshots` table; created if absent. Default 'commands'. */
  readonly schema?: string;
}

interface SnapshotRow {
  stream_id: string;
  revision: string;
  version: string;
  state: unknown;
  recent_event_ids: Array<[string, number]>;
}

/**
 * A SnapshotStore in PostgreSQL or PGlite: table `<schema>.aggregate_snapshots`, primary key
 * (stream_id, version, revision). `save` inserts (ON CONFLICT DO NOTHING) and deletes the stream's
 * older snapshots of the same version in one statement; `latest` is one query for many streams.
 * Snapshots are a cache of derived state: the table may be truncated at any time (loads then
 * replay the streams). Creates schema and table if absent (under an advisory lock).
 * Throws Error for an invalid schema name; database errors propagate.
 */
export async function createSqlSnapshotStore(options: SqlSnapshotStoreOptions): Promise<SnapshotStore> {
  const schema = quoteIdentifier(options.schema ?? 'commands');
  const table = `${schema}.aggregate_snapshots`;
  const { db } = options;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samabay.snapshots.${schema}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${table} (
        stream_id text NOT NULL,
        version text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        state jsonb NOT NULL,
        recent_event_ids jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_id, version, revision)
      );`);
  });

  return {
    async latest(streamIds, version) {
      if (streamIds.length === 0) return new Map();
      const { rows } = await db.query<SnapshotRow>(
        `SELECT DISTINCT ON (stream_id) stream_id, revision::text AS revision, version, state, recent_event_ids
         FROM ${table} WHERE stream_id = ANY($1::text[]) AND version = $2
         ORDER BY stream_id, revision DESC`,
        [[...streamIds], version],
      );
      return new Map(rows.map((row) => [row.stream_id, fromRow(row)]));
    },
    async save(snapshot) {
      await db.query(
        `WITH pruned AS (DELETE FROM ${table} WHERE stream_id = $1 AND version = $2 AND revision < $3::bigint)
         INSERT INTO ${table} (stream_id, version, revision, state, recent_event_ids)
         VALUES ($1, $2, $3::bigint, $4::jsonb, $5::jsonb) ON CONFLICT DO NOTHING`,
        [snapshot.streamId, snapshot.version, String(snapshot.revision), JSON.stringify(snapshot.state), JSON.stringify(snapshot.recentEventIds)],
      );
    },
  };
}

function fromRow(row: SnapshotRow): AggregateSnapshot {
  return {
    streamId: row.stream_id,
    revision: Number(row.revision),
    version: row.version,
    state: typeof row.state === 'string' ? JSON.parse(row.state) : row.state,
    recentEventIds: (typeof row.recent_event_ids === 'string' ? JSON.parse(row.recent_event_ids) : row.recent_event_ids) as Array<[string, number]>,
  };
}
