import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';
import { acceptedCommandsTable, DEFAULT_AUDIT_SCHEMA } from './audit-schema';

/** The envelope metadata the audit trail reads (DESIGN §3); every command-recorded event carries it. */
interface AuditedMetadata {
  readonly actor?: unknown;
  readonly actorRole?: unknown;
  readonly branchCode?: unknown;
  readonly correlationId?: unknown;
  readonly occurredAt?: unknown;
  readonly businessDate?: unknown;
  readonly idempotencyKey?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * The accepted half of the audit trail (issue 6 item 7): one row per command — all events that share
 * an actor and idempotency key, whatever streams they went to — with actor, role, branch, correlation
 * id, business date, and the instant, type and stream of its first event. It reads only envelope
 * metadata, never `data`, so no payload or personal data can reach it. Events without an actor or
 * idempotency key (not written by the command handler) are skipped. Idempotent under replay: the
 * first event of a command makes the row, later ones (and replays) leave it as it is.
 */
export class CommandAuditProjection implements Projection {
  readonly name = 'audit_accepted_commands';
  readonly version = 1;
  private readonly table: string;

  constructor(private readonly schema: string = DEFAULT_AUDIT_SCHEMA) {
    this.table = acceptedCommandsTable(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        actor text NOT NULL,
        idempotency_key text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_role text NOT NULL,
        branch_code text NOT NULL,
        correlation_id text,
        business_date text,
        operation text NOT NULL,
        stream_id text NOT NULL,
        PRIMARY KEY (actor, idempotency_key)
      );
      CREATE INDEX IF NOT EXISTS accepted_commands_time_idx ON ${this.table} (occurred_at);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(event: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const metadata = (event.metadata ?? {}) as AuditedMetadata;
    const actor = text(metadata.actor);
    const key = text(metadata.idempotencyKey);
    if (!actor || !key) return;
    const occurredAt = text(metadata.occurredAt) ?? event.recordedAt.toISOString();
    await tx.query(
      `INSERT INTO ${this.table} (actor, idempotency_key, occurred_at, actor_role, branch_code, correlation_id, business_date, operation, stream_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (actor, idempotency_key) DO NOTHING`,
      [actor, key, occurredAt, text(metadata.actorRole) ?? 'unknown', text(metadata.branchCode) ?? 'unknown', text(metadata.correlationId), text(metadata.businessDate), event.type, event.streamId],
    );
  }
}
