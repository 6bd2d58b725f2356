import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { asConsumedMemberEvent } from './consumed-member-events';
import { savingsTables, type SavingsTables } from './read-model-schema';

/**
 * Savings' local copy of each member's status (DESIGN §1; issue 4 item 2: accounts open only for an
 * active member), in `<schema>.member_standing`, built from membership's events: admitted or registered
 * → ACTIVE, carried-forward status, exited → EXITED; `origin` ADMITTED (MemberAdmitted) or REGISTER
 * (MemberRegisteredFromLegacyRegister): only register members take opening balances (version 2). Idempotent per event (the row keeps the member
 * stream's revision and skips anything at or below it).
 */
export class MemberStandingProjection implements Projection {
  readonly name = 'savings_member_standing';
  readonly version = 2;
  private readonly tables: SavingsTables;

  constructor(schema?: string) {
    this.tables = savingsTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.memberStanding} (
        member_no text COLLATE "C" PRIMARY KEY,
        branch_code text NOT NULL,
        status text NOT NULL,
        stream_revision integer NOT NULL
      );
      ALTER TABLE ${this.tables.memberStanding} ADD COLUMN IF NOT EXISTS origin text NOT NULL DEFAULT 'ADMITTED';`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.memberStanding}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asConsumedMemberEvent(recorded);
    if (!event) return;
    if (event.kind === 'joined') {
      await tx.query(
        `INSERT INTO ${this.tables.memberStanding} (member_no, branch_code, status, stream_revision, origin) VALUES ($1, $2, 'ACTIVE', $3, $4)
         ON CONFLICT (member_no) DO NOTHING`,
        [event.memberNo, event.branchCode, recorded.revision, event.origin],
      );
      return;
    }
    await tx.query(`UPDATE ${this.tables.memberStanding} SET status = $2, stream_revision = $3 WHERE member_no = $1 AND stream_revision < $3`, [
      event.memberNo,
      event.status,
      recorded.revision,
    ]);
  }
}
