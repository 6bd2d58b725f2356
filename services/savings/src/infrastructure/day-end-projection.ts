import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { savingsTables, type SavingsTables } from './read-model-schema';
import { asBusinessDayClosed } from './savings-event-data';

/**
 * The business days each branch's savings day-end has closed, in `<schema>.day_end` (from the
 * `savingsDayEnd-<branch>` checkpoint streams), with the run's figures. Idempotent (primary key).
 */
export class DayEndProjection implements Projection {
  readonly name = 'savings_day_end';
  readonly version = 1;
  private readonly tables: SavingsTables;

  constructor(schema?: string) {
    this.tables = savingsTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.dayEnd} (
        branch_code text NOT NULL,
        business_date date NOT NULL,
        accounts_closed integer NOT NULL,
        events_appended integer NOT NULL,
        PRIMARY KEY (branch_code, business_date)
      );`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.dayEnd}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asBusinessDayClosed(recorded);
    if (!event) return;
    const { branchCode, businessDate, accountsClosed, eventsAppended } = event.data;
    await tx.query(
      `INSERT INTO ${this.tables.dayEnd} (branch_code, business_date, accounts_closed, events_appended) VALUES ($1, $2, $3, $4)
       ON CONFLICT (branch_code, business_date) DO NOTHING`,
      [branchCode, businessDate, accountsClosed, eventsAppended],
    );
  }
}
