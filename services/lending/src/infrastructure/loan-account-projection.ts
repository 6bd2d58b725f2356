import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { evolveLoan } from '../domain/loan/evolve-loan';
import { annualRatePercent } from '../domain/product/interest-rate';
import type { LoanEvent } from '../domain/loan/loan-events';
import type { LoanSnapshot } from '../domain/loan/loan-state';
import { unpaidPrincipal, type InstalmentPosition } from '../domain/repayment/instalment-position';
import { asLoanEvent, LOAN_STREAM_PREFIX, loanEventDate } from './loan-event-data';
import { toTransactionRow } from './loan-transaction-row';
import { lendingTables, type LendingTables } from './read-model-schema';

/** Money a loan's events moved so far (paise), kept beside the state because the state does not sum it. */
interface LoanTotals {
  readonly disbursedPaise: number;
  readonly repaidPaise: number;
  readonly principalPaidPaise: number;
  readonly interestPaidPaise: number;
  readonly penaltyPaidPaise: number;
  readonly penaltyChargedPaise: number;
  readonly excessRefundedPaise: number;
  readonly writtenOffPaise: number;
}

interface AccountRow {
  state: LoanSnapshot;
  stream_revision: number;
  disbursed_paise: string;
  repaid_paise: string;
  principal_paid_paise: string;
  interest_paid_paise: string;
  penalty_paid_paise: string;
  penalty_charged_paise: string;
  excess_refunded_paise: string;
  written_off_paise: string;
}

const NO_TOTALS: LoanTotals = {
  disbursedPaise: 0,
  repaidPaise: 0,
  principalPaidPaise: 0,
  interestPaidPaise: 0,
  penaltyPaidPaise: 0,
  penaltyChargedPaise: 0,
  excessRefundedPaise: 0,
  writtenOffPaise: 0,
};

/**
 * The loan account projection (issue 5 item 5): folds each `loan-…` stream with the decider's own
 * `evolveLoan`, so the read model holds exactly the state the decider acts on (the foreclosure quote
 * computed from it equals what closes the loan). Writes, in one transaction with the checkpoint:
 * - `loan_account`: one row per loan — status, member, branch, product, amounts, the arrears class of
 *   the last day-end, totals of what was disbursed, repaid (principal, interest, penalty), charged and
 *   written off, the principal outstanding, and the state itself (json);
 * - `loan_instalment`: the current schedule and what was paid on each instalment (schedule vs actual);
 * - `loan_transaction`: one statement line per event (see toTransactionRow);
 * - `loan_schedule_revision`: each superseded part of a schedule (prepayment, foreclosure, reschedule).
 * Idempotent per event: the account row remembers its stream revision and skips anything at or below it.
 */
export class LoanAccountProjection implements Projection {
  readonly name = 'lending_loan_accounts';
  readonly version = 1;
  private readonly tables: LendingTables;
  /**
   * What this projection wrote in a transaction, per loan, so that the next event of the same loan in the
   * same batch needs no read back. Keyed by the transaction's executor (a new one per transaction): a
   * rolled-back batch takes its entries with it.
   */
  private readonly writtenIn = new WeakMap<SqlExecutor, Map<string, { revision: number; state: LoanSnapshot; totals: LoanTotals }>>();

  constructor(schema?: string) {
    this.tables = lendingTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    const t = this.tables;
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${t.schema};
      CREATE TABLE IF NOT EXISTS ${t.loanAccount} (
        loan_id text COLLATE "C" PRIMARY KEY,
        member_no text COLLATE "C" NOT NULL,
        branch_code text NOT NULL,
        product_code text NOT NULL,
        purpose text NOT NULL,
        status text NOT NULL,
        amount_paise bigint NOT NULL,
        number_of_instalments integer NOT NULL,
        annual_rate_percent text NOT NULL,
        applied_on date NOT NULL,
        approved_on date,
        disbursed_on date,
        ended_on date,
        principal_outstanding_paise bigint NOT NULL DEFAULT 0,
        disbursed_paise bigint NOT NULL DEFAULT 0,
        repaid_paise bigint NOT NULL DEFAULT 0,
        principal_paid_paise bigint NOT NULL DEFAULT 0,
        interest_paid_paise bigint NOT NULL DEFAULT 0,
        penalty_paid_paise bigint NOT NULL DEFAULT 0,
        penalty_charged_paise bigint NOT NULL DEFAULT 0,
        excess_refunded_paise bigint NOT NULL DEFAULT 0,
        written_off_paise bigint NOT NULL DEFAULT 0,
        sma_class text,
        asset_class text NOT NULL,
        npa_since date,
        own_npa_since date,
        loss_marked boolean NOT NULL DEFAULT false,
        last_activity_on date,
        state json NOT NULL,
        stream_revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS loan_account_branch_idx ON ${t.loanAccount} (branch_code, status, member_no, loan_id);
      CREATE INDEX IF NOT EXISTS loan_account_member_idx ON ${t.loanAccount} (member_no, loan_id);
      CREATE TABLE IF NOT EXISTS ${t.loanInstalment} (
        loan_id text COLLATE "C" NOT NULL,
        instalment_number integer NOT NULL,
        branch_code text NOT NULL,
        due_date date NOT NULL,
        principal_paise bigint NOT NULL,
        interest_paise bigint NOT NULL,
        paid_principal_paise bigint NOT NULL,
        paid_interest_paise bigint NOT NULL,
        penalty_paise bigint NOT NULL,
        paid_penalty_paise bigint NOT NULL,
        balance_after_paise bigint NOT NULL,
        PRIMARY KEY (loan_id, instalment_number)
      );
      CREATE INDEX IF NOT EXISTS loan_instalment_branch_due_idx ON ${t.loanInstalment} (branch_code, due_date);
      CREATE TABLE IF NOT EXISTS ${t.loanTransaction} (
        loan_id text COLLATE "C" NOT NULL,
        stream_revision integer NOT NULL,
        business_date date NOT NULL,
        kind text NOT NULL,
        amount_paise bigint,
        principal_paise bigint,
        interest_paise bigint,
        penalty_paise bigint,
        excess_paise bigint,
        principal_outstanding_paise bigint,
        actor text,
        detail json NOT NULL,
        PRIMARY KEY (loan_id, stream_revision)
      );
      CREATE TABLE IF NOT EXISTS ${t.loanScheduleRevision} (
        loan_id text COLLATE "C" NOT NULL,
        stream_revision integer NOT NULL,
        revised_on date NOT NULL,
        reason text NOT NULL,
        from_instalment_number integer NOT NULL,
        superseded json NOT NULL,
        replacement json NOT NULL,
        PRIMARY KEY (loan_id, stream_revision)
      );`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    for (const table of [this.tables.loanAccount, this.tables.loanInstalment, this.tables.loanTransaction, this.tables.loanScheduleRevision]) {
      await tx.query(`DELETE FROM ${table}`);
    }
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asLoanEvent(recorded);
    if (!event) return;
    const loanId = recorded.streamId.slice(LOAN_STREAM_PREFIX.length);
    const written = this.writtenIn.get(tx) ?? new Map();
    this.writtenIn.set(tx, written);
    const stored = written.get(loanId) ?? (await this.read(tx, loanId));
    if (stored && stored.revision >= recorded.revision) return;
    const before = stored ? stored.state : null;
    const after = evolveLoan(before, event);
    if (after === null) return;
    const totals = addTotals(stored ? stored.totals : NO_TOTALS, event);
    await this.write(tx, after, totals, event, recorded, before?.instalments ?? []);
    written.set(loanId, { revision: recorded.revision, state: after, totals });
    if (event.type === 'LoanScheduleRevised' || event.type === 'LoanRescheduled') {
      const revisedOn = loanEventDate(event);
      const reason = event.type === 'LoanRescheduled' ? 'RESCHEDULE' : event.data.reason;
      await tx.query(
        `INSERT INTO ${this.tables.loanScheduleRevision} (loan_id, stream_revision, revised_on, reason, from_instalment_number, superseded, replacement)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [loanId, recorded.revision, revisedOn, reason, event.data.fromInstalmentNumber, JSON.stringify(event.data.supersededInstalments), JSON.stringify(event.data.instalments)],
      );
    }
  }

  private async read(tx: SqlExecutor, loanId: string): Promise<{ revision: number; state: LoanSnapshot; totals: LoanTotals } | undefined> {
    const { rows } = await tx.query<AccountRow>(
      `SELECT state, stream_revision, disbursed_paise, repaid_paise, principal_paid_paise, interest_paid_paise, penalty_paid_paise,
              penalty_charged_paise, excess_refunded_paise, written_off_paise
       FROM ${this.tables.loanAccount} WHERE loan_id = $1`,
      [loanId],
    );
    return rows.length === 0 ? undefined : { revision: rows[0].stream_revision, state: rows[0].state, totals: totalsOf(rows[0]) };
  }

  /**
   * Writes the account row, the instalments that changed and the statement line in one statement (data-modifying
   * CTEs): the projection is on the runner's hot path, and every statement costs a round trip.
   */
  private async write(tx: SqlExecutor, loan: LoanSnapshot, totals: LoanTotals, event: LoanEvent, recorded: RecordedEvent, previous: readonly InstalmentPosition[]): Promise<void> {
    const t = this.tables;
    const ended = event.type === 'LoanClosed' ? event.data.closedOn : event.type === 'LoanWrittenOff' ? event.data.writtenOffOn : null;
    const outstanding = loan.status === 'WRITTEN_OFF' || loan.status === 'CLOSED' ? 0 : loan.instalments.reduce((sum, instalment) => sum + unpaidPrincipal(instalment), 0);
    const before = new Map(previous.map((instalment) => [instalment.number, JSON.stringify(instalment)]));
    const changed = loan.instalments.filter((instalment) => before.get(instalment.number) !== JSON.stringify(instalment));
    const kept = new Set(loan.instalments.map((instalment) => instalment.number));
    const removed = previous.map((instalment) => instalment.number).filter((number) => !kept.has(number));
    const row = toTransactionRow(event);
    const actor = typeof recorded.metadata?.actor === 'string' ? recorded.metadata.actor : null;
    await tx.query(
      `WITH account AS (
         INSERT INTO ${t.loanAccount} AS account (loan_id, member_no, branch_code, product_code, purpose, status, amount_paise, number_of_instalments,
           annual_rate_percent, applied_on, approved_on, disbursed_on, ended_on, principal_outstanding_paise, disbursed_paise, repaid_paise,
           principal_paid_paise, interest_paid_paise, penalty_paid_paise, penalty_charged_paise, excess_refunded_paise, written_off_paise,
           sma_class, asset_class, npa_since, own_npa_since, loss_marked, last_activity_on, state, stream_revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)
         ON CONFLICT (loan_id) DO UPDATE SET status = EXCLUDED.status, amount_paise = EXCLUDED.amount_paise,
           number_of_instalments = EXCLUDED.number_of_instalments, annual_rate_percent = EXCLUDED.annual_rate_percent,
           approved_on = EXCLUDED.approved_on, disbursed_on = EXCLUDED.disbursed_on, ended_on = COALESCE(EXCLUDED.ended_on, account.ended_on),
           principal_outstanding_paise = EXCLUDED.principal_outstanding_paise, disbursed_paise = EXCLUDED.disbursed_paise,
           repaid_paise = EXCLUDED.repaid_paise, principal_paid_paise = EXCLUDED.principal_paid_paise, interest_paid_paise = EXCLUDED.interest_paid_paise,
           penalty_paid_paise = EXCLUDED.penalty_paid_paise, penalty_charged_paise = EXCLUDED.penalty_charged_paise,
           excess_refunded_paise = EXCLUDED.excess_refunded_paise, written_off_paise = EXCLUDED.written_off_paise, sma_class = EXCLUDED.sma_class,
           asset_class = EXCLUDED.asset_class, npa_since = EXCLUDED.npa_since, own_npa_since = EXCLUDED.own_npa_since,
           loss_marked = EXCLUDED.loss_marked, last_activity_on = EXCLUDED.last_activity_on, state = EXCLUDED.state, stream_revision = EXCLUDED.stream_revision
         RETURNING loan_id
       ), changed AS (
         INSERT INTO ${t.loanInstalment} (loan_id, instalment_number, branch_code, due_date, principal_paise, interest_paise, paid_principal_paise,
           paid_interest_paise, penalty_paise, paid_penalty_paise, balance_after_paise)
         SELECT $1, i.number, $3, i."dueDate", i."principalPaise", i."interestPaise", i."paidPrincipalPaise", i."paidInterestPaise", i."penaltyPaise",
           i."paidPenaltyPaise", i."balanceAfterPaise"
         FROM json_to_recordset($31::json) AS i(number integer, "dueDate" date, "principalPaise" bigint, "interestPaise" bigint, "paidPrincipalPaise" bigint,
           "paidInterestPaise" bigint, "penaltyPaise" bigint, "paidPenaltyPaise" bigint, "balanceAfterPaise" bigint)
         ON CONFLICT (loan_id, instalment_number) DO UPDATE SET due_date = EXCLUDED.due_date, principal_paise = EXCLUDED.principal_paise,
           interest_paise = EXCLUDED.interest_paise, paid_principal_paise = EXCLUDED.paid_principal_paise, paid_interest_paise = EXCLUDED.paid_interest_paise,
           penalty_paise = EXCLUDED.penalty_paise, paid_penalty_paise = EXCLUDED.paid_penalty_paise, balance_after_paise = EXCLUDED.balance_after_paise
         RETURNING 1
       ), removed AS (
         DELETE FROM ${t.loanInstalment} WHERE loan_id = $1 AND instalment_number = ANY($32::int[]) RETURNING 1
       )
       INSERT INTO ${t.loanTransaction} (loan_id, stream_revision, business_date, kind, amount_paise, principal_paise, interest_paise, penalty_paise,
         excess_paise, principal_outstanding_paise, actor, detail)
       VALUES ($1, $30, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42) ON CONFLICT DO NOTHING`,
      [
        loan.loanId,
        loan.memberNo,
        loan.branchCode,
        loan.productCode,
        loan.purpose,
        loan.status,
        loan.amountPaise,
        loan.numberOfInstalments,
        annualRatePercent(loan.rate),
        loan.appliedOn,
        loan.approvedOn,
        loan.disbursedOn,
        ended,
        outstanding,
        totals.disbursedPaise,
        totals.repaidPaise,
        totals.principalPaidPaise,
        totals.interestPaidPaise,
        totals.penaltyPaidPaise,
        totals.penaltyChargedPaise,
        totals.excessRefundedPaise,
        totals.writtenOffPaise,
        loan.arrears.smaClass,
        loan.arrears.assetClass,
        loan.arrears.npaSince,
        loan.arrears.ownNpaSince,
        loan.arrears.lossMarked,
        loan.lastActivityOn,
        JSON.stringify(loan),
        recorded.revision,
        JSON.stringify(changed),
        removed,
        row.businessDate,
        row.kind,
        row.amountPaise,
        row.principalPaise,
        row.interestPaise,
        row.penaltyPaise,
        row.excessPaise,
        row.principalOutstandingPaise,
        actor,
        JSON.stringify(row.detail),
      ],
    );
  }
}

function totalsOf(row: AccountRow): LoanTotals {
  return {
    disbursedPaise: Number(row.disbursed_paise),
    repaidPaise: Number(row.repaid_paise),
    principalPaidPaise: Number(row.principal_paid_paise),
    interestPaidPaise: Number(row.interest_paid_paise),
    penaltyPaidPaise: Number(row.penalty_paid_paise),
    penaltyChargedPaise: Number(row.penalty_charged_paise),
    excessRefundedPaise: Number(row.excess_refunded_paise),
    writtenOffPaise: Number(row.written_off_paise),
  };
}

/** The totals after `event` (paise). */
function addTotals(totals: LoanTotals, event: LoanEvent): LoanTotals {
  switch (event.type) {
    case 'LoanDisbursed':
      return { ...totals, disbursedPaise: totals.disbursedPaise + event.data.amountPaise };
    case 'LoanRepaymentRecorded':
      return {
        ...totals,
        repaidPaise: totals.repaidPaise + event.data.amountPaise,
        principalPaidPaise: totals.principalPaidPaise + event.data.principalPaidPaise,
        interestPaidPaise: totals.interestPaidPaise + event.data.interestPaidPaise,
        penaltyPaidPaise: totals.penaltyPaidPaise + event.data.penaltyPaidPaise,
        excessRefundedPaise: totals.excessRefundedPaise + event.data.excessRefundedPaise,
      };
    case 'LoanPenaltyCharged':
      return { ...totals, penaltyChargedPaise: totals.penaltyChargedPaise + event.data.penaltyPaise };
    case 'LoanWrittenOff':
      return { ...totals, writtenOffPaise: totals.writtenOffPaise + event.data.principalWrittenOffPaise + event.data.interestWrittenOffPaise + event.data.penaltyWrittenOffPaise };
    default:
      return totals;
  }
}
