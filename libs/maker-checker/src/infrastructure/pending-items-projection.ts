import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';
import type { StaffRole } from '@samabay/domain-kit';
import { APPROVAL_EVENT_TYPES, type ApprovalEvent, type ApprovalSubject } from '../domain/approval-events';
import type { ApprovalStatus } from '../domain/approval-state';

/** Default schema of the maker–checker read model. */
export const DEFAULT_APPROVALS_SCHEMA = 'approvals_rm';

/** The table of pending items in `schema` (quoted), e.g. approvals_rm.pending_items. */
export function pendingItemsTable(schema: string = DEFAULT_APPROVALS_SCHEMA): string {
  return `${quoteIdentifier(schema)}.pending_items`;
}

/**
 * An item that another service's own maker–checker put up (e.g. lending's loan approval, decided by
 * its decider): `requested` for the item's first appearance (or a re-submission), `changed` for a
 * later status. `approvalId` must not collide with the queue's ids (`XXX-AP-…`).
 */
export type ForeignItemChange =
  | {
      readonly requested: {
        readonly approvalId: string;
        readonly kind: string;
        readonly branchCode: string;
        readonly makerUserId: string;
        readonly makerRole: StaffRole;
        readonly checkerRoles: readonly StaffRole[];
        readonly subject: ApprovalSubject;
        readonly requestedOn: string;
      };
    }
  | { readonly changed: { readonly approvalId: string; readonly status: ApprovalStatus; readonly checkerUserId: string | null; readonly outcomeCode: string | null } };

/** Reads the maker–checker items of one foreign source out of its events; undefined for unrelated events. Pure. */
export type ForeignItemSource = (event: RecordedEvent) => ForeignItemChange | undefined;

/**
 * The maker–checker read model: one row per item of every `approval-…` stream (plus the items that
 * `foreignSources` read from other services' events, so checkers see one queue) with its kind, branch,
 * maker, checker roles, subject (ids, codes, paise — no personal data), status and outcome. Idempotent:
 * a row remembers the stream revision it applied last and skips anything at or below it.
 */
export class PendingItemsProjection implements Projection {
  readonly name = 'maker_checker_items';
  readonly version = 1;
  private readonly table: string;

  constructor(
    private readonly schema: string = DEFAULT_APPROVALS_SCHEMA,
    private readonly foreignSources: readonly ForeignItemSource[] = [],
  ) {
    this.table = pendingItemsTable(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        approval_id text PRIMARY KEY,
        kind text NOT NULL,
        branch_code text NOT NULL,
        maker_user_id text NOT NULL,
        maker_role text NOT NULL,
        checker_roles text[] NOT NULL,
        subject jsonb NOT NULL,
        requested_on date NOT NULL,
        status text NOT NULL,
        checker_user_id text,
        outcome_code text,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS pending_items_branch_status_idx ON ${this.table} (branch_code, status, approval_id);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    if (!recorded.streamId.startsWith('approval-') || !APPROVAL_EVENT_TYPES.has(recorded.type)) {
      for (const source of this.foreignSources) {
        const change = source(recorded);
        if (change) await this.applyForeign(change, recorded.revision, tx);
      }
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as ApprovalEvent;
    if (event.type === 'ApprovalRequested') {
      const data = event.data;
      await tx.query(
        `INSERT INTO ${this.table} (approval_id, kind, branch_code, maker_user_id, maker_role, checker_roles, subject, requested_on, status, stream_revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING', $9) ON CONFLICT (approval_id) DO NOTHING`,
        [data.approvalId, data.kind, data.branchCode, data.makerUserId, data.makerRole, data.checkerRoles, JSON.stringify(data.subject), data.requestedOn, recorded.revision],
      );
      return;
    }
    await this.update(tx, event.data.approvalId, changeOf(event), recorded.revision);
  }

  private async applyForeign(change: ForeignItemChange, revision: number, tx: SqlExecutor): Promise<void> {
    if ('changed' in change) {
      await this.update(tx, change.changed.approvalId, change.changed, revision);
      return;
    }
    const item = change.requested;
    await tx.query(
      `INSERT INTO ${this.table} AS item (approval_id, kind, branch_code, maker_user_id, maker_role, checker_roles, subject, requested_on, status, stream_revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING', $9)
       ON CONFLICT (approval_id) DO UPDATE SET maker_user_id = EXCLUDED.maker_user_id, maker_role = EXCLUDED.maker_role, subject = EXCLUDED.subject,
         requested_on = EXCLUDED.requested_on, status = 'PENDING', checker_user_id = NULL, outcome_code = NULL, stream_revision = EXCLUDED.stream_revision
       WHERE item.stream_revision < EXCLUDED.stream_revision`,
      [item.approvalId, item.kind, item.branchCode, item.makerUserId, item.makerRole, [...item.checkerRoles], JSON.stringify(item.subject), item.requestedOn, revision],
    );
  }

  private async update(tx: SqlExecutor, approvalId: string, change: { status: string; checkerUserId: string | null; outcomeCode: string | null }, revision: number): Promise<void> {
    await tx.query(
      `UPDATE ${this.table} SET status = $2, checker_user_id = COALESCE($3, checker_user_id), outcome_code = COALESCE($4, outcome_code), stream_revision = $5
       WHERE approval_id = $1 AND stream_revision < $5`,
      [approvalId, change.status, change.checkerUserId, change.outcomeCode, revision],
    );
  }
}

function changeOf(event: Exclude<ApprovalEvent, { type: 'ApprovalRequested' }>): { status: string; checkerUserId: string | null; outcomeCode: string | null } {
  switch (event.type) {
    case 'ApprovalGranted':
      return { status: 'APPROVED', checkerUserId: event.data.checkerUserId, outcomeCode: null };
    case 'ApprovalRefused':
      return { status: 'REFUSED', checkerUserId: event.data.checkerUserId, outcomeCode: event.data.reasonCode };
    case 'ApprovalWithdrawn':
      return { status: 'WITHDRAWN', checkerUserId: null, outcomeCode: null };
    case 'ApprovedActionExecuted':
      return { status: 'EXECUTED', checkerUserId: null, outcomeCode: null };
    case 'ApprovedActionFailed':
      return { status: 'FAILED', checkerUserId: null, outcomeCode: event.data.code };
  }
}
