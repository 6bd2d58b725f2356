import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';
import { asConsumedBranchOpened } from './consumed-branch-events';
import { DEFAULT_STAFF_SCHEMA, staffBranchesTable } from './staff-tables';

/**
 * The staff registry's local projection of the co-operative's branches (`<schema>.staff_branches`),
 * folded from membership's BranchOpened events, so a registration or role change can refuse a branch
 * that was never opened without reading membership's tables (DESIGN §1). Idempotent: a branch is
 * inserted once. Branches are never closed, so the list only grows.
 */
export class KnownBranchesProjection implements Projection {
  readonly name = 'staff_branches';
  readonly version = 1;
  private readonly table: string;

  constructor(private readonly schema: string = DEFAULT_STAFF_SCHEMA) {
    this.table = staffBranchesTable(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (branch_code text COLLATE "C" PRIMARY KEY);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const opened = asConsumedBranchOpened(recorded);
    if (opened) await tx.query(`INSERT INTO ${this.table} (branch_code) VALUES ($1) ON CONFLICT (branch_code) DO NOTHING`, [opened.branchCode]);
  }
}

/**
 * Answers whether a branch was opened, from {@link KnownBranchesProjection}'s table. When the table
 * does not know the branch yet, it waits once for `readModelsCaughtUp` (the projections reaching the
 * store's head, so a branch opened a moment ago counts) and looks again.
 */
export class KnownBranches {
  private readonly table: string;

  constructor(
    private readonly db: SqlExecutor,
    schema: string = DEFAULT_STAFF_SCHEMA,
    private readonly readModelsCaughtUp: () => Promise<void> = async () => undefined,
  ) {
    this.table = staffBranchesTable(schema);
  }

  /** True when `branchCode` was opened. Rejects with the catch-up's error (READ_MODEL_BEHIND) when the read models lag too long. */
  async has(branchCode: string): Promise<boolean> {
    if (await this.lookUp(branchCode)) return true;
    await this.readModelsCaughtUp();
    return this.lookUp(branchCode);
  }

  private async lookUp(branchCode: string): Promise<boolean> {
    const { rows } = await this.db.query<{ found: number }>(`SELECT 1 AS found FROM ${this.table} WHERE branch_code = $1`, [branchCode]);
    return rows.length > 0;
  }
}
