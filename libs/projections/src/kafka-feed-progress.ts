import { comparePositions, type Position } from '@samabay/event-store';
import { quoteIdentifier, type SqlDatabase } from '@samabay/sql';

/** One Kafka-fed set of projections to wait for: its bookkeeping schema and the stream categories it folds. */
export interface WatchedFeed {
  /** Schema of the feed's `kafka_applied_revisions` (KafkaProjectionFeed's `schema`). */
  readonly schema: string;
  /** Categories (`member`, `savingsAccount`, …) whose events the feed applies. */
  readonly categories: readonly string[];
}

/** Options of {@link KafkaFeedProgress}. */
export interface KafkaFeedProgressOptions {
  /** The database holding both the event store and the feeds' tables (the single-server PostgreSQL). */
  readonly db: SqlDatabase;
  /** Schema of the event store. Default 'eventstore'. */
  readonly eventStoreSchema?: string;
  readonly feeds: readonly WatchedFeed[];
  /** Pause between two checks while waiting, ms. Default 20. */
  readonly pollIntervalMs?: number;
}

/**
 * Read-your-writes over Kafka-fed read models (DESIGN §7, single-server topology): "the read models
 * include every event up to position P" holds when P's transaction is settled (no transaction
 * still in flight can commit an event below it) and, for every event at or below P in a category a
 * feed folds, that feed's `kafka_applied_revisions` holds the event's stream at its revision or
 * later. The same answer the single-node runner gives by passing P, computed from per-stream
 * checkpoints because Kafka orders events per stream, not globally.
 *
 * The position verified last is remembered, so each check only looks at events after it. The
 * object has the shape the gateway needs of a projection runner (waitForPosition, status, failure).
 */
export class KafkaFeedProgress {
  private verified: Position | 'start' = 'start';
  private readonly events: string;
  private readonly pollIntervalMs: number;
  private closed = false;

  constructor(private readonly options: KafkaFeedProgressOptions) {
    if (options.feeds.length === 0) throw new Error('KafkaFeedProgress needs at least one feed');
    this.events = `${quoteIdentifier(options.eventStoreSchema ?? 'eventstore')}.events`;
    this.pollIntervalMs = options.pollIntervalMs ?? 20;
  }

  /**
   * Resolves true once every watched feed applied every event up to `position` (settled), false when
   * that did not happen within `timeoutMs` (or after stop()). 'start' is reached at once.
   * Throws from the database.
   */
  async waitForPosition(position: Position | 'start', timeoutMs: number): Promise<boolean> {
    if (position === 'start' || comparePositions(position, this.verified) <= 0) return true;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.reached(position)) return true;
      if (this.closed || Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.pollIntervalMs, Math.max(1, deadline - Date.now()))));
    }
  }

  /**
   * Waits (at most `timeoutMs`) until the feeds applied every event appended so far: the head of the
   * store as it is now. Resolves true when they did, false on timeout.
   */
  async waitForHead(timeoutMs: number): Promise<boolean> {
    const { rows } = await this.options.db.query<{ tx: string; sequence: string }>(
      `SELECT e.tx::text AS tx, e.sequence::text AS sequence FROM ${this.events} AS e ORDER BY e.tx DESC, e.sequence DESC LIMIT 1`,
    );
    if (rows.length === 0) return true;
    return this.waitForPosition({ commit: BigInt(rows[0].tx), prepare: BigInt(rows[0].sequence) }, timeoutMs);
  }

  /** 'running' until stop(); the Kafka feeds run in the projector process, whose health is its own. */
  status(): 'running' | 'stopped' {
    return this.closed ? 'stopped' : 'running';
  }

  /** Always undefined: a parked event is reported by the projector (log line, metric), not here. */
  failure(): undefined {
    return undefined;
  }

  /** Ends waits in progress (they resolve false). */
  stop(): void {
    this.closed = true;
  }

  private async reached(position: Position): Promise<boolean> {
    const from = this.verified;
    const params: unknown[] = [position.commit.toString(), position.prepare.toString(), from === 'start' ? '0' : from.commit.toString(), from === 'start' ? '0' : from.prepare.toString()];
    const unapplied = this.options.feeds.map((feed) => {
      params.push([...feed.categories]);
      const categories = `$${params.length}::text[]`;
      return `(split_part(e.stream_id, '-', 1) = ANY(${categories}) AND NOT EXISTS (
        SELECT 1 FROM ${quoteIdentifier(feed.schema)}.kafka_applied_revisions AS a WHERE a.stream_id = e.stream_id AND a.revision >= e.revision))`;
    });
    const { rows } = await this.options.db.query<{ settled: boolean; missing: boolean }>(
      `SELECT $1::xid8 < pg_snapshot_xmin(pg_current_snapshot()) AS settled,
              EXISTS (SELECT 1 FROM ${this.events} AS e
                      WHERE (e.tx, e.sequence) > ($3::xid8, $4::bigint) AND (e.tx, e.sequence) <= ($1::xid8, $2::bigint)
                        AND (${unapplied.join(' OR ')})) AS missing`,
      params,
    );
    const reached = rows[0].settled && !rows[0].missing;
    if (reached && comparePositions(position, this.verified) > 0) this.verified = position;
    return reached;
  }
}
