import { isValidIsoDate } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { quoteIdentifier } from '@samabay/sql';
import { MEMBER_STREAM_PREFIX } from './member-event-data';
import { DEFAULT_READ_MODEL_SCHEMA } from './read-model-schema';

/** The `savingsAccount-` stream category of the savings service (every deposit product). */
export const SAVINGS_ACCOUNT_STREAM_PREFIX = 'savingsAccount-';
const LOAN_STREAM_PREFIX = 'loan-';

/**
 * What membership reads of savings' events (services/savings/src/domain/{account,recurring,term-deposit}/*-events.ts),
 * restated because services do not import each other (DESIGN §1): each account's opening event names
 * its member (`memberNo`); every money event carries the resulting `balancePaise`; these end the account.
 */
const SAVINGS_CLOSINGS: ReadonlySet<string> = new Set([
  'SavingsAccountClosed',
  'RecurringDepositClosedPrematurely',
  'RecurringDepositClosedAtMaturity',
  'FixedDepositClosedPrematurely',
  'FixedDepositClosedAtMaturity',
  'MonthlyIncomeDepositClosedPrematurely',
  'MonthlyIncomeDepositClosedAtMaturity',
]);

/** The table of {@link MemberActivityProjection} in `schema`. */
export function memberActivityTable(schema: string = DEFAULT_READ_MODEL_SCHEMA): string {
  return `${quoteIdentifier(schema)}.member_stream_activity`;
}

/**
 * Membership's projection of each member's own, savings and loan streams, for the exit checks (issue
 * "exit while savings hold money" and "backdated exit"): one row per stream in `<schema>.member_stream_activity`
 * with the member it belongs to, whether it is still open (a savings account until one of its closing
 * events; a member or loan stream is always "open" here — open loans are OpenLoansProjection's), the last
 * `balancePaise` seen (savings; integer paise) and the latest business date of any of its events
 * (metadata.businessDate, Asia/Kolkata; data.businessDate for an event without it).
 * A savings or loan stream is attributed to a member by the first of its events that names `memberNo`
 * (the opening, LoanApplied); its later events are found by stream id. Idempotent per event: the row
 * keeps the stream's revision and ignores anything at or below it. Ignores every other stream.
 */
export class MemberActivityProjection implements Projection {
  readonly name = 'membership_member_activity';
  readonly version = 1;
  private readonly table: string;
  private readonly schema: string;

  constructor(schema?: string) {
    this.table = memberActivityTable(schema);
    this.schema = quoteIdentifier(schema ?? DEFAULT_READ_MODEL_SCHEMA);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.schema};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        stream_id text COLLATE "C" PRIMARY KEY,
        member_no text COLLATE "C" NOT NULL,
        open boolean NOT NULL,
        balance_paise bigint,
        last_business_date date,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS member_stream_activity_member_idx ON ${this.table} (member_no);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const streamId = recorded.streamId;
    const isMember = streamId.startsWith(MEMBER_STREAM_PREFIX);
    const isSavings = streamId.startsWith(SAVINGS_ACCOUNT_STREAM_PREFIX);
    if (!isMember && !isSavings && !streamId.startsWith(LOAN_STREAM_PREFIX)) return;
    const data = (recorded.data ?? {}) as Record<string, unknown>;
    const memberNo = isMember ? streamId.slice(MEMBER_STREAM_PREFIX.length) : typeof data.memberNo === 'string' ? data.memberNo : null;
    const businessDate = businessDateOf(recorded, data);
    const balancePaise = isSavings && typeof data.balancePaise === 'number' && Number.isSafeInteger(data.balancePaise) ? data.balancePaise : null;
    const closes = isSavings && SAVINGS_CLOSINGS.has(recorded.type);
    const values = [streamId, recorded.revision, !closes, balancePaise, businessDate];
    if (memberNo === null) {
      await tx.query(
        `UPDATE ${this.table} SET open = open AND $3, balance_paise = COALESCE($4, balance_paise),
           last_business_date = GREATEST(last_business_date, $5::date), stream_revision = $2
         WHERE stream_id = $1 AND stream_revision < $2`,
        values,
      );
      return;
    }
    await tx.query(
      `INSERT INTO ${this.table} AS activity (stream_id, stream_revision, open, balance_paise, last_business_date, member_no)
       VALUES ($1, $2, $3, $4, $5::date, $6)
       ON CONFLICT (stream_id) DO UPDATE SET open = activity.open AND EXCLUDED.open,
         balance_paise = COALESCE(EXCLUDED.balance_paise, activity.balance_paise),
         last_business_date = GREATEST(activity.last_business_date, EXCLUDED.last_business_date),
         stream_revision = EXCLUDED.stream_revision
       WHERE activity.stream_revision < EXCLUDED.stream_revision`,
      [...values, memberNo],
    );
  }
}

/** The event's business date: the envelope's (every command carries one), else the data's; null when neither is a date. */
function businessDateOf(recorded: RecordedEvent, data: Record<string, unknown>): string | null {
  const fromMetadata = (recorded.metadata as Record<string, unknown> | undefined)?.businessDate;
  if (typeof fromMetadata === 'string' && isValidIsoDate(fromMetadata)) return fromMetadata;
  return typeof data.businessDate === 'string' && isValidIsoDate(data.businessDate) ? data.businessDate : null;
}
