import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';

/** A parked event as recorded by the Kafka feed (no event data: stream, revision, where it was, why). */
export interface ParkedEventRow {
  readonly streamId: string;
  readonly revision: number;
  readonly eventType: string;
  readonly topic: string;
  readonly reason: string;
  readonly error: string;
}

/**
 * The Kafka feed's bookkeeping tables in the runner's schema:
 * - `kafka_applied_revisions (projection, stream_id, revision)`: the highest revision each projection
 *   applied per stream, written in the same transaction as the projection's rows — the
 *   idempotency check of a consumer that may see a message twice (DESIGN §6).
 * - `kafka_parked_events (group_id, stream_id, revision, …)`: events parked on a dead-letter topic
 *   and not yet applied; later events of the same stream are parked behind them, so a stream's read
 *   model never skips an event and then moves on.
 */
export class KafkaFeedTables {
  private readonly applied: string;
  private readonly parked: string;

  constructor(private readonly schema: string) {
    this.applied = `${quoteIdentifier(schema)}.kafka_applied_revisions`;
    this.parked = `${quoteIdentifier(schema)}.kafka_parked_events`;
  }

  /** Creates the schema and tables if absent. */
  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.applied} (
        projection text NOT NULL,
        stream_id text NOT NULL,
        revision integer NOT NULL,
        PRIMARY KEY (projection, stream_id)
      );
      CREATE INDEX IF NOT EXISTS kafka_applied_revisions_by_stream ON ${this.applied} (stream_id, revision);
      CREATE TABLE IF NOT EXISTS ${this.parked} (
        group_id text NOT NULL,
        stream_id text NOT NULL,
        revision integer NOT NULL,
        event_type text NOT NULL,
        topic text NOT NULL,
        reason text NOT NULL,
        error text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, stream_id, revision)
      );`);
  }

  /** The highest applied revision per projection for one stream (projections absent from the map applied none). */
  async appliedRevisions(tx: SqlExecutor, streamId: string): Promise<Map<string, number>> {
    const { rows } = await tx.query<{ projection: string; revision: number }>(`SELECT projection, revision FROM ${this.applied} WHERE stream_id = $1`, [streamId]);
    return new Map(rows.map((row) => [row.projection, Number(row.revision)]));
  }

  /** Records that `projection` applied `streamId` up to `revision`. */
  async markApplied(tx: SqlExecutor, projection: string, streamId: string, revision: number): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.applied} AS applied (projection, stream_id, revision) VALUES ($1, $2, $3)
       ON CONFLICT (projection, stream_id) DO UPDATE SET revision = EXCLUDED.revision WHERE applied.revision < EXCLUDED.revision`,
      [projection, streamId, revision],
    );
  }

  /** True when the group parked an event of `streamId` below `revision` that is still unapplied. */
  async blockedBelow(tx: SqlExecutor, groupId: string, streamId: string, revision: number): Promise<boolean> {
    const { rows } = await tx.query(`SELECT 1 FROM ${this.parked} WHERE group_id = $1 AND stream_id = $2 AND revision < $3 LIMIT 1`, [groupId, streamId, revision]);
    return rows.length > 0;
  }

  /** Records a parked event (overwriting an earlier parking of the same event). */
  async park(tx: SqlExecutor, groupId: string, row: ParkedEventRow): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.parked} (group_id, stream_id, revision, event_type, topic, reason, error, parked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (group_id, stream_id, revision) DO UPDATE SET reason = EXCLUDED.reason, error = EXCLUDED.error, parked_at = now()`,
      [groupId, row.streamId, row.revision, row.eventType, row.topic, row.reason, row.error],
    );
  }

  /** Forgets a parked event once it has been applied (after a replay). */
  async unpark(tx: SqlExecutor, groupId: string, streamId: string, revision: number): Promise<void> {
    await tx.query(`DELETE FROM ${this.parked} WHERE group_id = $1 AND stream_id = $2 AND revision = $3`, [groupId, streamId, revision]);
  }

  /** The group's parked events, oldest first (for operators and tests). */
  async listParked(tx: SqlExecutor, groupId: string): Promise<ParkedEventRow[]> {
    const { rows } = await tx.query<{ stream_id: string; revision: number; event_type: string; topic: string; reason: string; error: string }>(
      `SELECT stream_id, revision, event_type, topic, reason, error FROM ${this.parked} WHERE group_id = $1 ORDER BY parked_at, stream_id, revision`,
      [groupId],
    );
    return rows.map((row) => ({ streamId: row.stream_id, revision: Number(row.revision), eventType: row.event_type, topic: row.topic, reason: row.reason, error: row.error }));
  }
}
