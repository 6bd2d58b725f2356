import { ValidationError } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { AuditEntry, AuditOutcome, RefusedBy } from './audit-entry';
import { acceptedCommandsTable, DEFAULT_AUDIT_SCHEMA, refusedAttemptsTable } from './audit-schema';
import { CommandAuditProjection } from './command-audit-projection';
import type { RefusalLog } from './refusal-log';

/** Filter of {@link AuditTrailReader.page}; absent fields do not filter. `from` inclusive, `to` exclusive. */
export interface AuditTrailFilter {
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly actor?: string | null;
  /** The acting user's branch, or the branch a refused attempt targeted. */
  readonly branchCode?: string | null;
  readonly outcome?: AuditOutcome | null;
}

/** One page of the trail, oldest first; `endCursor` continues after its last entry. */
export interface AuditTrailPage {
  readonly entries: readonly AuditEntry[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** Thrown for a cursor this reader did not hand out, or a page size outside 1–500. Code INVALID_AUDIT_PAGE, field names the argument. */
export class InvalidAuditPageError extends ValidationError {
  constructor(field: string, message: string) {
    super(field, message, 'INVALID_AUDIT_PAGE');
    this.name = 'InvalidAuditPageError';
  }
}

interface Row {
  id: string;
  occurred_at: Date;
  outcome: AuditOutcome;
  refused_by: RefusedBy | null;
  operation: string;
  actor: string;
  actor_role: string;
  branch_code: string;
  target_branch_code: string | null;
  correlation_id: string | null;
  business_date: string | null;
  stream_id: string | null;
  code: string | null;
  field: string | null;
}

/**
 * Reads the audit trail: accepted commands (the projection) and refused attempts (the refusal log)
 * in one time-ordered list, with keyset paging. The cursor is opaque (base64url of the last entry's
 * instant and id); ordering is (occurred_at, id), so paging never skips or repeats an entry that was
 * there when the first page was read.
 */
export class AuditTrailReader {
  private readonly accepted: string;
  private readonly refused: string;
  private acceptedReady?: Promise<void>;

  constructor(
    private readonly db: SqlExecutor,
    private readonly refusals: RefusalLog,
    private readonly schema: string = DEFAULT_AUDIT_SCHEMA,
  ) {
    this.accepted = acceptedCommandsTable(schema);
    this.refused = refusedAttemptsTable(schema);
  }

  /** Up to `first` (1–500) entries matching `filter` after `after`. Throws InvalidAuditPageError. */
  async page(filter: AuditTrailFilter, first: number, after?: string | null): Promise<AuditTrailPage> {
    if (!Number.isSafeInteger(first) || first < 1 || first > 500) throw new InvalidAuditPageError('first', 'first must be 1 to 500');
    const cursor = after ? decodeCursor(after) : null;
    await this.refusals.setup();
    // The projection creates its table where it runs; creating it here too lets a gateway read before the first command.
    this.acceptedReady ??= new CommandAuditProjection(this.schema).setup(this.db);
    await this.acceptedReady;
    const { rows } = await this.db.query<Row>(
      `SELECT * FROM (
         SELECT 'A:' || actor || ':' || idempotency_key AS id, occurred_at, 'ACCEPTED' AS outcome, NULL AS refused_by, operation, actor, actor_role,
                branch_code, branch_code AS target_branch_code, correlation_id, business_date, stream_id, NULL AS code, NULL AS field
           FROM ${this.accepted}
         UNION ALL
         SELECT 'R:' || id, occurred_at, 'REFUSED', refused_by, operation, actor, actor_role,
                branch_code, target_branch_code, correlation_id, NULL, NULL, code, field
           FROM ${this.refused}
       ) AS trail
       WHERE ($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)
         AND ($3::text IS NULL OR actor = $3) AND ($4::text IS NULL OR branch_code = $4 OR target_branch_code = $4)
         AND ($5::text IS NULL OR outcome = $5)
         AND ($6::timestamptz IS NULL OR (occurred_at, id) > ($6::timestamptz, $7::text))
       ORDER BY occurred_at, id
       LIMIT $8`,
      [
        filter.from?.toISOString() ?? null,
        filter.to?.toISOString() ?? null,
        filter.actor ?? null,
        filter.branchCode ?? null,
        filter.outcome ?? null,
        cursor?.occurredAt ?? null,
        cursor?.id ?? null,
        first + 1,
      ],
    );
    const entries = rows.slice(0, first).map(toEntry);
    const last = entries.at(-1);
    return { entries, endCursor: last ? encodeCursor(last) : null, hasNextPage: rows.length > first };
  }
}

function toEntry(row: Row): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at),
    outcome: row.outcome,
    refusedBy: row.refused_by,
    operation: row.operation,
    actor: row.actor,
    actorRole: row.actor_role,
    branchCode: row.branch_code,
    targetBranchCode: row.target_branch_code,
    correlationId: row.correlation_id,
    businessDate: row.business_date,
    streamId: row.stream_id,
    code: row.code,
    field: row.field,
  };
}

function encodeCursor(entry: AuditEntry): string {
  return Buffer.from(JSON.stringify([entry.occurredAt.toISOString(), entry.id])).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && typeof parsed[0] === 'string' && !Number.isNaN(Date.parse(parsed[0]))) {
      return { occurredAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the typed error
  }
  throw new InvalidAuditPageError('after', 'after is not a cursor of the audit trail');
}
