import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { financialYearOf } from '../domain/calendar/financial-year';
import { passbookLinesOf } from './passbook-lines';
import { savingsTables, type SavingsTables } from './read-model-schema';
import { asDepositAccountEvent, memberNoOfAccount } from './savings-event-data';

/**
 * The passbook (issue 4 item 6) in `<schema>.passbook_line`: the lines of every deposit-account event
 * (see passbookLinesOf), keyed by (account, stream revision, line within the event) so that the print
 * order is the order of the events and a replayed event is inserted once only. Each line also carries
 * the branch, business date, financial year (April–March) and its cash effect, from which the reader
 * builds the branch cash book per day and the interest paid per financial year.
 */
export class PassbookProjection implements Projection {
  readonly name = 'savings_passbook';
  readonly version = 1;
  private readonly tables: SavingsTables;

  constructor(schema?: string) {
    this.tables = savingsTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.passbookLine} (
        account_id text COLLATE "C" NOT NULL,
        stream_revision integer NOT NULL,
        line_no smallint NOT NULL,
        member_no text COLLATE "C" NOT NULL,
        branch_code text NOT NULL,
        business_date date NOT NULL,
        financial_year text NOT NULL,
        category text NOT NULL,
        narration text NOT NULL,
        debit_paise bigint NOT NULL,
        credit_paise bigint NOT NULL,
        balance_paise bigint NOT NULL,
        cash_in_paise bigint NOT NULL,
        cash_out_paise bigint NOT NULL,
        PRIMARY KEY (account_id, stream_revision, line_no)
      );
      CREATE INDEX IF NOT EXISTS passbook_line_branch_day_idx ON ${this.tables.passbookLine} (branch_code, business_date);
      CREATE INDEX IF NOT EXISTS passbook_line_interest_idx ON ${this.tables.passbookLine} (category, financial_year, branch_code);
      CREATE INDEX IF NOT EXISTS passbook_line_member_idx ON ${this.tables.passbookLine} (member_no, category);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.passbookLine}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asDepositAccountEvent(recorded);
    if (!event) return;
    const lines = passbookLinesOf(event);
    const { accountId, businessDate } = event.data;
    const memberNo = memberNoOfAccount(accountId);
    for (const [index, line] of lines.entries()) {
      await tx.query(
        `INSERT INTO ${this.tables.passbookLine} (account_id, stream_revision, line_no, member_no, branch_code, business_date, financial_year, category, narration,
           debit_paise, credit_paise, balance_paise, cash_in_paise, cash_out_paise)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (account_id, stream_revision, line_no) DO NOTHING`,
        [
          accountId,
          recorded.revision,
          index,
          memberNo,
          memberNo.slice(0, 3),
          businessDate,
          financialYearOf(businessDate),
          line.category,
          line.narration,
          line.debitPaise,
          line.creditPaise,
          line.balancePaise,
          line.cashInPaise,
          line.cashOutPaise,
        ],
      );
    }
  }
}
