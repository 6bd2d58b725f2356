import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { quoteIdentifier } from '@samabay/sql';
import { DEFAULT_READ_MODEL_SCHEMA } from './read-model-schema';

/**
 * What membership reads of lending's events (services/lending/src/domain/loan/loan-events.ts, stream
 * `loan-<loanId>`): a loan is open from its disbursement until it is closed or written off. Restated
 * here because services do not import each other (DESIGN §1: a service learns from events only).
 */
const OPENING = 'LoanDisbursed';
const ENDING: ReadonlySet<string> = new Set(['LoanClosed', 'LoanWrittenOff']);
const LOAN_STREAM = 'loan-';

interface LoanMemberData {
  readonly loanId: string;
  readonly memberNo: string;
}

/** The table of {@link OpenLoansProjection} in `schema`. */
export function openLoansTable(schema: string = DEFAULT_READ_MODEL_SCHEMA): string {
  return `${quoteIdentifier(schema)}.member_open_loan`;
}

/**
 * Membership's projection of lending events for the exit check (DESIGN §8: shares are refunded on exit
 * after all dues are cleared): one row per disbursed loan in `<schema>.member_open_loan`, open until a
 * LoanClosed or LoanWrittenOff. Idempotent per event (the row keeps the loan stream's revision).
 */
export class OpenLoansProjection implements Projection {
  readonly name = 'membership_open_loans';
  readonly version = 1;
  private readonly table: string;
  private readonly schema: string;

  constructor(schema?: string) {
    this.table = openLoansTable(schema);
    this.schema = quoteIdentifier(schema ?? DEFAULT_READ_MODEL_SCHEMA);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.schema};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        loan_id text PRIMARY KEY,
        member_no text NOT NULL,
        open boolean NOT NULL,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS member_open_loan_member_idx ON ${this.table} (member_no) WHERE open;`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    if (!recorded.streamId.startsWith(LOAN_STREAM) || (recorded.type !== OPENING && !ENDING.has(recorded.type))) return;
    const { loanId, memberNo } = recorded.data as LoanMemberData;
    await tx.query(
      `INSERT INTO ${this.table} AS loan (loan_id, member_no, open, stream_revision) VALUES ($1, $2, $3, $4)
       ON CONFLICT (loan_id) DO UPDATE SET open = EXCLUDED.open, stream_revision = EXCLUDED.stream_revision
       WHERE loan.stream_revision < EXCLUDED.stream_revision`,
      [loanId, memberNo, recorded.type === OPENING, recorded.revision],
    );
  }
}
