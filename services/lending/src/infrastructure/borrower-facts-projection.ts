import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { asConsumedMemberEvent, asConsumedSavingsBalance } from './consumed-events';
import { lendingTables, type LendingTables } from './read-model-schema';

/**
 * Lending's local projection of the facts a loan application rests on (issue 5 item 1; DESIGN §1:
 * never read another service's tables): from membership events each member's status and admission
 * date (`borrower_member`), from savings events the latest balance (paise) of each of the member's
 * deposit accounts (`borrower_savings`). Idempotent per event: a row remembers the stream revision it
 * applied last and skips anything at or below it.
 */
export class BorrowerFactsProjection implements Projection {
  readonly name = 'lending_borrower_facts';
  readonly version = 1;
  private readonly tables: LendingTables;

  constructor(schema?: string) {
    this.tables = lendingTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.borrowerMember} (
        member_no text PRIMARY KEY,
        branch_code text NOT NULL,
        status text NOT NULL,
        member_since date NOT NULL,
        stream_revision integer NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${this.tables.borrowerSavings} (
        account_id text PRIMARY KEY,
        member_no text NOT NULL,
        balance_paise bigint NOT NULL,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS borrower_savings_member_idx ON ${this.tables.borrowerSavings} (member_no);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.borrowerMember}`);
    await tx.query(`DELETE FROM ${this.tables.borrowerSavings}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const balance = asConsumedSavingsBalance(recorded);
    if (balance) {
      await tx.query(
        `INSERT INTO ${this.tables.borrowerSavings} AS savings (account_id, member_no, balance_paise, stream_revision) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id) DO UPDATE SET balance_paise = EXCLUDED.balance_paise, stream_revision = EXCLUDED.stream_revision
         WHERE savings.stream_revision < EXCLUDED.stream_revision`,
        [balance.accountId, balance.memberNo, balance.balancePaise, recorded.revision],
      );
      return;
    }
    const event = asConsumedMemberEvent(recorded);
    if (!event) return;
    if (event.type === 'MemberAdmitted' || event.type === 'MemberRegisteredFromLegacyRegister') {
      await tx.query(
        `INSERT INTO ${this.tables.borrowerMember} (member_no, branch_code, status, member_since, stream_revision) VALUES ($1, $2, 'ACTIVE', $3, $4)
         ON CONFLICT (member_no) DO NOTHING`,
        [event.data.memberNo, event.data.branchCode, event.data.admissionDate, recorded.revision],
      );
      return;
    }
    const status = event.type === 'MemberStatusCarriedForward' ? event.data.status : 'EXITED';
    await tx.query(`UPDATE ${this.tables.borrowerMember} SET status = $3, stream_revision = $2 WHERE member_no = $1 AND stream_revision < $2`, [
      event.data.memberNo,
      recorded.revision,
      status,
    ]);
  }
}
