import type { IsoDate } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { SavingsTables } from './read-model-schema';

/** One door-step collection on an agent's sheet. Amounts paise; `differencePaise` = counted − recorded (disputed only). */
export interface CollectionRecord {
  readonly collectionId: string;
  readonly accountId: string;
  readonly memberNo: string;
  readonly amountPaise: number;
  readonly status: 'PENDING' | 'VERIFIED' | 'DISPUTED';
  readonly settledOn: IsoDate | null;
  readonly countedPaise: number | null;
  readonly differencePaise: number | null;
}

/**
 * An agent's daily sheet (issue 4 item 4): the collections the agent recorded on the day, by
 * collection id, and their totals by state; `differencePaise` sums the disputed differences.
 */
export interface AgentDailySheet {
  readonly branchCode: string;
  readonly agentId: string;
  readonly businessDate: IsoDate;
  readonly collections: CollectionRecord[];
  readonly recordedPaise: number;
  readonly verifiedPaise: number;
  readonly disputedPaise: number;
  readonly pendingPaise: number;
  readonly differencePaise: number;
}

interface CollectionRow {
  collection_id: string;
  account_id: string;
  member_no: string;
  amount_paise: string;
  status: CollectionRecord['status'];
  settled_on: string | null;
  counted_paise: string | null;
  difference_paise: string | null;
}

/** The sheet of `agentId` in `branchCode` for the collections dated `businessDate`. */
export async function agentDailySheet(db: SqlExecutor, tables: SavingsTables, branchCode: string, agentId: string, businessDate: IsoDate): Promise<AgentDailySheet> {
  const { rows } = await db.query<CollectionRow>(
    `SELECT collection_id, account_id, member_no, amount_paise, status, settled_on, counted_paise, difference_paise FROM ${tables.collection}
     WHERE branch_code = $1 AND agent_id = $2 AND collected_on = $3 ORDER BY collection_id, account_id`,
    [branchCode, agentId, businessDate],
  );
  const collections = rows.map((row) => ({
    collectionId: row.collection_id,
    accountId: row.account_id,
    memberNo: row.member_no,
    amountPaise: Number(row.amount_paise),
    status: row.status,
    settledOn: row.settled_on,
    countedPaise: row.counted_paise === null ? null : Number(row.counted_paise),
    differencePaise: row.difference_paise === null ? null : Number(row.difference_paise),
  }));
  const total = (status?: CollectionRecord['status']): number =>
    collections.filter((collection) => status === undefined || collection.status === status).reduce((sum, collection) => sum + collection.amountPaise, 0);
  return {
    branchCode,
    agentId,
    businessDate,
    collections,
    recordedPaise: total(),
    verifiedPaise: total('VERIFIED'),
    disputedPaise: total('DISPUTED'),
    pendingPaise: total('PENDING'),
    differencePaise: collections.reduce((sum, collection) => sum + (collection.differencePaise ?? 0), 0),
  };
}
