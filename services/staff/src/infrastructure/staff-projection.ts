import type { StaffRole } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';
import { STAFF_EVENT_TYPES, type StaffEvent } from '../domain/staff-events';
import type { StaffDirectory } from './staff-directory';
import { DEFAULT_STAFF_SCHEMA, staffMembersTable, type StaffRow } from './staff-tables';

/**
 * The staff read model (staff_members: user id, role, branch, active) folded from `staff-…` streams.
 * Idempotent (a row remembers the stream revision it applied last). After each applied event it hands
 * the new standing to the StaffDirectory, so the gateway's per-request check follows the events.
 */
export class StaffProjection implements Projection {
  readonly name = 'staff_members';
  readonly version = 1;
  private readonly table: string;

  constructor(
    private readonly directory: StaffDirectory,
    private readonly schema: string = DEFAULT_STAFF_SCHEMA,
  ) {
    this.table = staffMembersTable(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        user_id text PRIMARY KEY,
        role text NOT NULL,
        branch_code text NOT NULL,
        active boolean NOT NULL,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS staff_members_branch_idx ON ${this.table} (branch_code, user_id);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
    this.directory.clear();
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    if (!recorded.streamId.startsWith('staff-') || !STAFF_EVENT_TYPES.has(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as StaffEvent;
    const { rows } = await tx.query<StaffRow>(this.statementFor(event), [event.data.userId, recorded.revision, ...this.valuesFor(event)]);
    const row = rows[0];
    if (row) this.directory.observe({ userId: row.user_id, role: row.role as StaffRole, branchCode: row.branch_code, active: row.active, revision: row.stream_revision });
  }

  private statementFor(event: StaffEvent): string {
    switch (event.type) {
      case 'StaffRegistered':
        return `INSERT INTO ${this.table} (user_id, stream_revision, role, branch_code, active) VALUES ($1, $2, $3, $4, true) ON CONFLICT (user_id) DO NOTHING RETURNING *`;
      case 'StaffDisabled':
      case 'StaffEnabled':
        return `UPDATE ${this.table} SET active = $3, stream_revision = $2 WHERE user_id = $1 AND stream_revision < $2 RETURNING *`;
      case 'StaffRoleChanged':
        return `UPDATE ${this.table} SET role = $3, branch_code = $4, stream_revision = $2 WHERE user_id = $1 AND stream_revision < $2 RETURNING *`;
    }
  }

  private valuesFor(event: StaffEvent): unknown[] {
    switch (event.type) {
      case 'StaffRegistered':
        return [event.data.role, event.data.branchCode];
      case 'StaffDisabled':
        return [false];
      case 'StaffEnabled':
        return [true];
      case 'StaffRoleChanged':
        return [event.data.role, event.data.branchCode];
    }
  }
}
