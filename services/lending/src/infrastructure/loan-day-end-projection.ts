import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import type { LoanDayEndCompleted } from '../domain/day-end/day-end-events';
import { lendingTables, type LendingTables } from './read-model-schema';

const DAY_END_STREAM = 'lendingDayEnd-';

/**
 * Per branch, the first and last business date whose lending day-end completed (`loan_day_end`), from
 * LoanDayEndCompleted events; the day-end reads it to know which dates to catch up, the portfolio to
 * know its default date. Idempotent per event (stream revision).
 */
export class LoanDayEndProjection implements Projection {
  readonly name = 'lending_day_end';
  readonly version = 1;
  private readonly tables: LendingTables;

  constructor(schema?: string) {
    this.tables = lendingTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.loanDayEnd} (
        branch_code text PRIMARY KEY,
        first_completed date NOT NULL,
        last_completed date NOT NULL,
        loans_aged integer NOT NULL,
        events_appended integer NOT NULL,
        stream_revision integer NOT NULL
      );`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.loanDayEnd}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    if (recorded.type !== 'LoanDayEndCompleted' || !recorded.streamId.startsWith(DAY_END_STREAM)) return;
    const data = recorded.data as LoanDayEndCompleted['data'];
    await tx.query(
      `INSERT INTO ${this.tables.loanDayEnd} AS day_end (branch_code, first_completed, last_completed, loans_aged, events_appended, stream_revision)
       VALUES ($1, $2, $2, $3, $4, $5)
       ON CONFLICT (branch_code) DO UPDATE SET last_completed = EXCLUDED.last_completed, loans_aged = EXCLUDED.loans_aged,
         events_appended = EXCLUDED.events_appended, stream_revision = EXCLUDED.stream_revision
       WHERE day_end.stream_revision < EXCLUDED.stream_revision`,
      [data.branchCode, data.businessDate, data.loansAged, data.eventsAppended, recorded.revision],
    );
  }
}
