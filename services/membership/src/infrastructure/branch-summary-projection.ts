import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import type { BranchOpened } from '../domain/branch/branch-events';
import type { MemberEvent } from '../domain/member/member-events';
import type { MemberStatus } from '../domain/member/member-status';
import { asMemberEvent, BRANCH_STREAM_PREFIX } from './member-event-data';
import { readModelTables, type ReadModelTables } from './read-model-schema';

/** What the summary knows of one member: enough to turn the next event into a delta. */
interface MemberFigures {
  readonly branchCode: string;
  readonly status: MemberStatus;
  readonly sharesHeld: number;
  readonly shareCapitalPaise: number;
}

interface MemberRow {
  branch_code: string;
  status: MemberStatus;
  shares_held: string;
  share_capital_paise: string;
  stream_revision: number;
}

/**
 * The branch summary projection (issue 2 item 5): per branch, members by status (active, inactive,
 * exited), shares held and share capital in paise, in `<schema>.branch_summary`, one row per opened
 * branch. Each member event becomes a delta against the member's previous figures, which the
 * projection keeps in `<schema>.branch_summary_member`; that row's stream revision makes every event
 * idempotent (skipped when the stored revision ≥ the event's). Exited members count under
 * `exited_members` with the shares they still hold (0 after a refund; the legacy register's exited
 * members keep the shares it lists, as no refund was recorded here).
 */
export class BranchSummaryProjection implements Projection {
  readonly name = 'membership_branch_summary';
  readonly version = 1;
  private readonly tables: ReadModelTables;

  constructor(schema?: string) {
    this.tables = readModelTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.branchSummary} (
        branch_code text COLLATE "C" PRIMARY KEY,
        name text,
        active_members integer NOT NULL DEFAULT 0,
        inactive_members integer NOT NULL DEFAULT 0,
        exited_members integer NOT NULL DEFAULT 0,
        shares_held bigint NOT NULL DEFAULT 0,
        share_capital_paise bigint NOT NULL DEFAULT 0,
        branch_revision integer NOT NULL DEFAULT -1
      );
      CREATE TABLE IF NOT EXISTS ${this.tables.branchSummaryMember} (
        member_no text PRIMARY KEY,
        branch_code text NOT NULL,
        status text NOT NULL,
        shares_held bigint NOT NULL,
        share_capital_paise bigint NOT NULL,
        stream_revision integer NOT NULL
      );`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.branchSummaryMember}`);
    await tx.query(`DELETE FROM ${this.tables.branchSummary}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    if (recorded.type === 'BranchOpened' && recorded.streamId.startsWith(BRANCH_STREAM_PREFIX)) {
      const { branchCode, name } = recorded.data as BranchOpened['data'];
      await tx.query(
        `INSERT INTO ${this.tables.branchSummary} AS summary (branch_code, name, branch_revision) VALUES ($1, $2, $3)
         ON CONFLICT (branch_code) DO UPDATE SET name = EXCLUDED.name, branch_revision = EXCLUDED.branch_revision
         WHERE summary.branch_revision < EXCLUDED.branch_revision`,
        [branchCode, name, recorded.revision],
      );
      return;
    }
    const event = asMemberEvent(recorded);
    if (!event) return;
    const memberNo = event.data.memberNo;
    const { rows } = await tx.query<MemberRow>(
      `SELECT branch_code, status, shares_held, share_capital_paise, stream_revision FROM ${this.tables.branchSummaryMember} WHERE member_no = $1`,
      [memberNo],
    );
    const stored = rows[0];
    if (stored && stored.stream_revision >= recorded.revision) return;
    const before: MemberFigures | null = stored
      ? { branchCode: stored.branch_code, status: stored.status, sharesHeld: Number(stored.shares_held), shareCapitalPaise: Number(stored.share_capital_paise) }
      : null;
    const after = nextFigures(before, event);
    if (!after) return;

    await tx.query(
      `INSERT INTO ${this.tables.branchSummaryMember} (member_no, branch_code, status, shares_held, share_capital_paise, stream_revision)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (member_no) DO UPDATE SET branch_code = EXCLUDED.branch_code, status = EXCLUDED.status, shares_held = EXCLUDED.shares_held,
         share_capital_paise = EXCLUDED.share_capital_paise, stream_revision = EXCLUDED.stream_revision`,
      [memberNo, after.branchCode, after.status, after.sharesHeld, after.shareCapitalPaise, recorded.revision],
    );
    if (after === before) return;
    if (before) await this.addToBranch(tx, before, -1);
    await this.addToBranch(tx, after, 1);
  }

  /** Adds (sign 1) or removes (sign −1) one member's figures to/from its branch's row. */
  private async addToBranch(tx: SqlExecutor, figures: MemberFigures, sign: 1 | -1): Promise<void> {
    const count = (status: MemberStatus): number => (figures.status === status ? sign : 0);
    await tx.query(
      `INSERT INTO ${this.tables.branchSummary} AS summary (branch_code, active_members, inactive_members, exited_members, shares_held, share_capital_paise)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (branch_code) DO UPDATE SET
         active_members = summary.active_members + EXCLUDED.active_members,
         inactive_members = summary.inactive_members + EXCLUDED.inactive_members,
         exited_members = summary.exited_members + EXCLUDED.exited_members,
         shares_held = summary.shares_held + EXCLUDED.shares_held,
         share_capital_paise = summary.share_capital_paise + EXCLUDED.share_capital_paise`,
      [figures.branchCode, count('ACTIVE'), count('INACTIVE'), count('EXITED'), sign * figures.sharesHeld, sign * figures.shareCapitalPaise],
    );
  }
}

/** The member's figures after `event`; null when the event concerns a member the summary never saw created. */
function nextFigures(before: MemberFigures | null, event: MemberEvent): MemberFigures | null {
  switch (event.type) {
    case 'MemberAdmitted':
      return { branchCode: event.data.branchCode, status: 'ACTIVE', sharesHeld: event.data.shares, shareCapitalPaise: event.data.shareCapitalPaise };
    case 'MemberRegisteredFromLegacyRegister':
      return { branchCode: event.data.branchCode, status: 'ACTIVE', sharesHeld: event.data.sharesHeld, shareCapitalPaise: event.data.shareCapitalPaise };
    case 'MemberStatusCarriedForward':
      return before && { ...before, status: event.data.status };
    case 'SharesPurchased':
      return before && { ...before, sharesHeld: event.data.sharesHeld, shareCapitalPaise: event.data.shareCapitalPaise };
    case 'NomineeChanged':
    case 'MemberForgetRequested':
    case 'MemberForgotten':
      return before;
    case 'MemberExited':
      return before && { ...before, status: 'EXITED', sharesHeld: 0, shareCapitalPaise: 0 };
  }
}
