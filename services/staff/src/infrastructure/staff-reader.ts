import type { StaffRole } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import { DEFAULT_STAFF_SCHEMA, staffMembersTable, type StaffRow } from './staff-tables';

/** A staff user as the registry lists them. */
export interface StaffRecord {
  readonly userId: string;
  readonly role: StaffRole;
  readonly branchCode: string;
  readonly active: boolean;
}

/** Reads the staff read model. */
export class StaffReader {
  private readonly table: string;

  constructor(
    private readonly db: SqlExecutor,
    schema: string = DEFAULT_STAFF_SCHEMA,
  ) {
    this.table = staffMembersTable(schema);
  }

  /** Staff of `branchCode` (every branch when null), in user-id order; at most 500. */
  async list(branchCode: string | null): Promise<StaffRecord[]> {
    const { rows } = await this.db.query<StaffRow>(`SELECT * FROM ${this.table} WHERE ($1::text IS NULL OR branch_code = $1) ORDER BY user_id LIMIT 500`, [branchCode]);
    return rows.map(toRecord);
  }

  /** One staff user, or null. */
  async find(userId: string): Promise<StaffRecord | null> {
    const { rows } = await this.db.query<StaffRow>(`SELECT * FROM ${this.table} WHERE user_id = $1`, [userId]);
    return rows[0] ? toRecord(rows[0]) : null;
  }
}

function toRecord(row: StaffRow): StaffRecord {
  return { userId: row.user_id, role: row.role as StaffRole, branchCode: row.branch_code, active: row.active };
}
