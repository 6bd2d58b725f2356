import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { savingsTables, type SavingsTables } from './read-model-schema';
import { asDepositAccountEvent, memberNoOfAccount } from './savings-event-data';

/**
 * Door-step collections for the agent daily sheet (issue 4 item 4) in `<schema>.collection`: one row
 * per collection with agent, branch, member, collection date and amount (paise), PENDING until the
 * branch verifies it (VERIFIED, posted) or disputes it (DISPUTED: counted amount and the difference
 * counted − recorded). Idempotent per event (the row keeps the stream revision it reflects).
 */
export class CollectionProjection implements Projection {
  readonly name = 'savings_collections';
  readonly version = 1;
  private readonly tables: SavingsTables;

  constructor(schema?: string) {
    this.tables = savingsTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.collection} (
        account_id text COLLATE "C" NOT NULL,
        collection_id text COLLATE "C" NOT NULL,
        agent_id text NOT NULL,
        branch_code text NOT NULL,
        member_no text NOT NULL,
        collected_on date NOT NULL,
        amount_paise bigint NOT NULL,
        status text NOT NULL,
        settled_on date,
        counted_paise bigint,
        difference_paise bigint,
        stream_revision integer NOT NULL,
        PRIMARY KEY (account_id, collection_id)
      );
      CREATE INDEX IF NOT EXISTS collection_agent_day_idx ON ${this.tables.collection} (branch_code, agent_id, collected_on);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.collection}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asDepositAccountEvent(recorded);
    if (!event) return;
    switch (event.type) {
      case 'CollectionRecorded': {
        const { accountId, collectionId, agentId, businessDate, amountPaise } = event.data;
        const memberNo = memberNoOfAccount(accountId);
        await tx.query(
          `INSERT INTO ${this.tables.collection} (account_id, collection_id, agent_id, branch_code, member_no, collected_on, amount_paise, status, stream_revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING', $8) ON CONFLICT (account_id, collection_id) DO NOTHING`,
          [accountId, collectionId, agentId, memberNo.slice(0, 3), memberNo, businessDate, amountPaise, recorded.revision],
        );
        return;
      }
      case 'CollectionVerified':
        return this.settle(tx, recorded.revision, event.data.accountId, event.data.collectionId, 'VERIFIED', event.data.businessDate, event.data.amountPaise, 0);
      case 'CollectionDisputed':
        return this.settle(tx, recorded.revision, event.data.accountId, event.data.collectionId, 'DISPUTED', event.data.businessDate, event.data.countedPaise, event.data.differencePaise);
      default:
        return;
    }
  }

  private async settle(tx: SqlExecutor, revision: number, accountId: string, collectionId: string, status: string, settledOn: string, countedPaise: number, differencePaise: number): Promise<void> {
    await tx.query(
      `UPDATE ${this.tables.collection} SET status = $3, settled_on = $4, counted_paise = $5, difference_paise = $6, stream_revision = $7
       WHERE account_id = $1 AND collection_id = $2 AND stream_revision < $7`,
      [accountId, collectionId, status, settledOn, countedPaise, differencePaise, revision],
    );
  }
}
