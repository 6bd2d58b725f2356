import type { Actor } from '@samabay/domain-kit';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';
import { randomUUID } from 'node:crypto';
import type { RefusedBy } from './audit-entry';
import { DEFAULT_AUDIT_SCHEMA, refusedAttemptsTable } from './audit-schema';

/**
 * A refused attempt as the gateway saw it. Only identifiers the gateway controls: the operation is a
 * schema field name, the actor comes from the verified token, the code is a stable error code, the
 * field is the input field a DomainError named (`memberNo`, `personal.fullName`; never its value).
 * `targetBranchCode` is whatever branch the input named; anything that is not a branch code is
 * dropped here (it could be free text typed by the user).
 */
export interface RefusedAttempt {
  readonly operation: string;
  readonly actor: Actor;
  readonly refusedBy: RefusedBy;
  readonly code: string;
  readonly field?: string | null;
  readonly targetBranchCode?: string | null;
  readonly correlationId?: string | null;
}

const BRANCH_CODE = /^[A-Z]{3}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_ .,()–-]{0,99}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,99}$/;
const CORRELATION_ID = /^[\w.-]{1,100}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_.[\]]{0,99}$/;
/** Columns written per refused attempt, and attempts per INSERT (well under PostgreSQL's 65,535 parameters). */
const COLUMNS = 11;
const MAX_ROWS_PER_INSERT = 1_000;

/**
 * The durable record of refused attempts (issue 6 item 7): an append-only table written in the
 * request, before the refusal is returned, so an attempt the caller saw refused is on record.
 * A table rather than an `audit-<day>` stream of the event store: refusals are not domain facts,
 * and in the store they would flow through `$all`, the relay, every projection and Kafka consumer,
 * each of which would have to learn to skip them. Values are checked against narrow patterns so
 * no free text (and so no personal data) can be stored; a value that does not fit is replaced by
 * `unknown`. The table is created on first use.
 */
export class RefusalLog {
  private readonly table: string;
  private ready?: Promise<void>;

  constructor(
    private readonly db: SqlExecutor,
    private readonly schema: string = DEFAULT_AUDIT_SCHEMA,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = refusedAttemptsTable(schema);
  }

  /** Creates the schema and table if absent (idempotent); the other methods call it. */
  setup(): Promise<void> {
    this.ready ??= this.db
      .exec(
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
         CREATE TABLE IF NOT EXISTS ${this.table} (
           id text PRIMARY KEY,
           occurred_at timestamptz NOT NULL,
           refused_by text NOT NULL,
           operation text NOT NULL,
           actor text NOT NULL,
           actor_role text NOT NULL,
           branch_code text NOT NULL,
           target_branch_code text,
           correlation_id text,
           code text NOT NULL
         );
         ALTER TABLE ${this.table} ADD COLUMN IF NOT EXISTS field text;
         CREATE INDEX IF NOT EXISTS refused_attempts_time_idx ON ${this.table} (occurred_at);`,
      )
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }

  /** Appends one refused attempt; resolves once it is written. Throws the database's error. */
  record(attempt: RefusedAttempt): Promise<void> {
    return this.recordAll([attempt]);
  }

  /**
   * Appends refused attempts in one statement per {@link MAX_ROWS_PER_INSERT} (a batch mutation's
   * refused items); resolves once all are written. Nothing to write, no statement. Throws the
   * database's error.
   */
  async recordAll(attempts: readonly RefusedAttempt[]): Promise<void> {
    if (attempts.length === 0) return;
    await this.setup();
    const safe = (value: string | null | undefined, pattern: RegExp): string | null => (value == null ? null : pattern.test(value) ? value : 'unknown');
    const occurredAt = this.clock().toISOString();
    for (let start = 0; start < attempts.length; start += MAX_ROWS_PER_INSERT) {
      const chunk = attempts.slice(start, start + MAX_ROWS_PER_INSERT);
      const values = chunk.flatMap((attempt) => [
        randomUUID(),
        occurredAt,
        attempt.refusedBy,
        safe(attempt.operation, IDENTIFIER),
        safe(attempt.actor.userId, CORRELATION_ID),
        attempt.actor.role,
        safe(attempt.actor.branchCode, BRANCH_CODE),
        safe(attempt.targetBranchCode, BRANCH_CODE),
        safe(attempt.correlationId, CORRELATION_ID),
        safe(attempt.code, CODE),
        safe(attempt.field, FIELD),
      ]);
      const rows = chunk.map((_, row) => `(${Array.from({ length: COLUMNS }, (__, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`);
      await this.db.query(
        `INSERT INTO ${this.table} (id, occurred_at, refused_by, operation, actor, actor_role, branch_code, target_branch_code, correlation_id, code, field)
         VALUES ${rows.join(', ')}`,
        values,
      );
    }
  }
}
