import type { StaffRole } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { ApprovalSubject } from '../domain/approval-events';
import type { ApprovalStatus } from '../domain/approval-state';
import { DEFAULT_APPROVALS_SCHEMA, pendingItemsTable } from './pending-items-projection';

/** One row of the maker–checker read model. */
export interface PendingItemRecord {
  readonly approvalId: string;
  readonly kind: string;
  readonly branchCode: string;
  readonly makerUserId: string;
  readonly makerRole: StaffRole;
  readonly checkerRoles: readonly StaffRole[];
  readonly subject: ApprovalSubject;
  readonly requestedOn: string;
  readonly status: ApprovalStatus;
  readonly checkerUserId: string | null;
  readonly outcomeCode: string | null;
}

/** Filter of {@link PendingItemsReader.list}. Null/undefined fields do not filter. `first`: 1–500, default 100. */
export interface PendingItemsFilter {
  readonly branchCode?: string | null;
  /** Only items this role may check. */
  readonly checkerRole?: StaffRole | null;
  readonly status?: ApprovalStatus | null;
  readonly kind?: string | null;
  readonly first?: number;
}

interface Row {
  approval_id: string;
  kind: string;
  branch_code: string;
  maker_user_id: string;
  maker_role: StaffRole;
  checker_roles: StaffRole[];
  subject: ApprovalSubject;
  requested_on: string;
  status: ApprovalStatus;
  checker_user_id: string | null;
  outcome_code: string | null;
}

/** Reads the maker–checker read model (oldest request first). Throws RangeError for `first` outside 1–500. */
export class PendingItemsReader {
  private readonly table: string;

  constructor(
    private readonly db: SqlExecutor,
    schema: string = DEFAULT_APPROVALS_SCHEMA,
  ) {
    this.table = pendingItemsTable(schema);
  }

  /** Items matching `filter`, in approval-id order within request date. */
  async list(filter: PendingItemsFilter = {}): Promise<PendingItemRecord[]> {
    const first = filter.first ?? 100;
    if (!Number.isSafeInteger(first) || first < 1 || first > 500) throw new RangeError('first must be 1 to 500');
    const { rows } = await this.db.query<Row>(
      `SELECT * FROM ${this.table}
       WHERE ($1::text IS NULL OR branch_code = $1) AND ($2::text IS NULL OR $2 = ANY (checker_roles))
         AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR kind = $4)
       ORDER BY requested_on, approval_id LIMIT $5`,
      [filter.branchCode ?? null, filter.checkerRole ?? null, filter.status ?? null, filter.kind ?? null, first],
    );
    return rows.map(toRecord);
  }

  /** One item, or null. */
  async find(approvalId: string): Promise<PendingItemRecord | null> {
    const { rows } = await this.db.query<Row>(`SELECT * FROM ${this.table} WHERE approval_id = $1`, [approvalId]);
    return rows[0] ? toRecord(rows[0]) : null;
  }
}

function toRecord(row: Row): PendingItemRecord {
  return {
    approvalId: row.approval_id,
    kind: row.kind,
    branchCode: row.branch_code,
    makerUserId: row.maker_user_id,
    makerRole: row.maker_role,
    checkerRoles: row.checker_roles,
    subject: row.subject,
    requestedOn: row.requested_on,
    status: row.status,
    checkerUserId: row.checker_user_id,
    outcomeCode: row.outcome_code,
  };
}
