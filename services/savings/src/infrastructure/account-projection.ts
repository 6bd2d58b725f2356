import type { RecordedEvent } from '@samabay/event-store';
import type { Projection } from '@samabay/projections';
import type { SqlExecutor } from '@samabay/sql';
import { asDepositAccountEvent, type DepositAccountEvent } from './savings-event-data';
import { savingsTables, type SavingsTables } from './read-model-schema';

/** An UPDATE of one account row: `SET` assignments with parameters from $3 on ($1 account id, $2 revision). */
interface RowChange {
  readonly assignments: string;
  readonly values: readonly unknown[];
}

/**
 * One row per deposit account in `<schema>.account` (issue 4 item 6: member savings summary, branch
 * totals, the day-end's account list): owner, branch, product (SAVINGS_DEPOSIT, THRIFT_FUND,
 * RECURRING_DEPOSIT, FIXED_DEPOSIT, MONTHLY_INCOME), status, opening/closing dates, balance, unposted interest, pending door-step
 * collections, last customer activity, and an RD's contract, instalments paid and fines outstanding.
 * All amounts paise, taken from the balances the events carry. Idempotent per event: the row keeps the
 * stream revision it reflects and skips anything at or below it.
 */
export class SavingsAccountProjection implements Projection {
  readonly name = 'savings_accounts';
  readonly version = 1;
  private readonly tables: SavingsTables;

  constructor(schema?: string) {
    this.tables = savingsTables(schema);
  }

  async setup(tx: SqlExecutor): Promise<void> {
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${this.tables.schema};
      CREATE TABLE IF NOT EXISTS ${this.tables.account} (
        account_id text COLLATE "C" PRIMARY KEY,
        member_no text COLLATE "C" NOT NULL,
        branch_code text NOT NULL,
        product text NOT NULL,
        status text NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        balance_paise bigint NOT NULL DEFAULT 0,
        unposted_interest_paise bigint NOT NULL DEFAULT 0,
        pending_collections_paise bigint NOT NULL DEFAULT 0,
        last_customer_activity_on date NOT NULL,
        instalment_paise bigint,
        tenure_years integer,
        instalment_count integer,
        instalments_paid integer,
        maturity_date date,
        maturity_value_paise bigint,
        fines_outstanding_paise bigint NOT NULL DEFAULT 0,
        stream_revision integer NOT NULL
      );
      ALTER TABLE ${this.tables.account} ADD COLUMN IF NOT EXISTS tenure_months integer;
      ALTER TABLE ${this.tables.account} ADD COLUMN IF NOT EXISTS annual_rate_percent text;
      ALTER TABLE ${this.tables.account} ADD COLUMN IF NOT EXISTS monthly_income_paise bigint;
      ALTER TABLE ${this.tables.account} ADD COLUMN IF NOT EXISTS income_months_paid integer;
      ALTER TABLE ${this.tables.account} ADD COLUMN IF NOT EXISTS payout_account_id text;
      CREATE INDEX IF NOT EXISTS account_member_idx ON ${this.tables.account} (member_no, account_id);
      CREATE INDEX IF NOT EXISTS account_branch_idx ON ${this.tables.account} (branch_code, status, account_id);`);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.tables.account}`);
  }

  async apply(recorded: RecordedEvent, tx: SqlExecutor): Promise<void> {
    const event = asDepositAccountEvent(recorded);
    if (!event) return;
    if (event.type === 'SavingsAccountOpened' || event.type === 'RecurringDepositOpened') return this.insert(event, recorded.revision, tx);
    if (event.type === 'FixedDepositOpened' || event.type === 'MonthlyIncomeDepositOpened') return this.insertTermDeposit(event, recorded.revision, tx);
    const change = changeFor(event);
    if (!change) return;
    await tx.query(`UPDATE ${this.tables.account} SET ${change.assignments}, stream_revision = $2 WHERE account_id = $1 AND stream_revision < $2`, [
      event.data.accountId,
      recorded.revision,
      ...change.values,
    ]);
  }

  private async insert(event: Extract<DepositAccountEvent, { type: 'SavingsAccountOpened' | 'RecurringDepositOpened' }>, revision: number, tx: SqlExecutor): Promise<void> {
    const { data } = event;
    const contract = event.type === 'RecurringDepositOpened' ? event.data.contract : null;
    await tx.query(
      `INSERT INTO ${this.tables.account} (account_id, member_no, branch_code, product, status, opened_on, last_customer_activity_on,
         instalment_paise, tenure_years, instalment_count, instalments_paid, maturity_date, maturity_value_paise, stream_revision)
       VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (account_id) DO NOTHING`,
      [
        data.accountId,
        data.memberNo,
        data.branchCode,
        event.type === 'SavingsAccountOpened' ? event.data.product : 'RECURRING_DEPOSIT',
        data.businessDate,
        contract?.instalmentPaise ?? null,
        contract?.tenureYears ?? null,
        contract?.instalmentCount ?? null,
        contract ? 0 : null,
        contract?.maturityDate ?? null,
        contract?.maturityValuePaise ?? null,
        revision,
      ],
    );
  }

  /** A Fixed Deposit or MIS row: the principal as balance, the tenure, rate, maturity, and an MIS's income and payout account. */
  private async insertTermDeposit(event: Extract<DepositAccountEvent, { type: 'FixedDepositOpened' | 'MonthlyIncomeDepositOpened' }>, revision: number, tx: SqlExecutor): Promise<void> {
    const { data } = event;
    const income = event.type === 'MonthlyIncomeDepositOpened' ? event.data.contract : null;
    const maturityValuePaise = event.type === 'FixedDepositOpened' ? event.data.contract.maturityValuePaise : event.data.contract.principalPaise;
    await tx.query(
      `INSERT INTO ${this.tables.account} (account_id, member_no, branch_code, product, status, opened_on, last_customer_activity_on, balance_paise,
         maturity_date, maturity_value_paise, tenure_months, annual_rate_percent, monthly_income_paise, income_months_paid, payout_account_id, stream_revision)
       VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (account_id) DO NOTHING`,
      [
        data.accountId,
        data.memberNo,
        data.branchCode,
        event.type === 'FixedDepositOpened' ? 'FIXED_DEPOSIT' : 'MONTHLY_INCOME',
        data.businessDate,
        data.balancePaise,
        data.contract.maturityDate,
        maturityValuePaise,
        data.contract.tenureMonths,
        data.contract.annualRatePercent,
        income?.monthlyPayoutPaise ?? null,
        income ? 0 : null,
        income?.payoutAccountId ?? null,
        revision,
      ],
    );
  }
}

const CUSTOMER_ACTIVITY = 'last_customer_activity_on = greatest(last_customer_activity_on, $4::date)';

function changeFor(event: DepositAccountEvent): RowChange | null {
  switch (event.type) {
    case 'SavingsAccountOpened':
    case 'RecurringDepositOpened':
    case 'FixedDepositOpened':
    case 'MonthlyIncomeDepositOpened':
      return null;
    case 'LoanDisbursementCredited':
      return { assignments: `balance_paise = $3, ${CUSTOMER_ACTIVITY}`, values: [event.data.balancePaise, event.data.businessDate] };
    case 'DepositProceedsCredited':
      return { assignments: 'balance_paise = $3', values: [event.data.balancePaise] };
    case 'MonthlyIncomePaid':
      return { assignments: 'income_months_paid = $3', values: [event.data.month] };
    case 'FixedDepositClosedAtMaturity':
    case 'FixedDepositClosedPrematurely':
    case 'MonthlyIncomeDepositClosedAtMaturity':
    case 'MonthlyIncomeDepositClosedPrematurely':
      return { assignments: `status = 'CLOSED', closed_on = $3, balance_paise = 0`, values: [event.data.businessDate] };
    case 'OpeningBalanceRecorded':
      return { assignments: 'balance_paise = $3', values: [event.data.balancePaise] };
    case 'DepositRecorded':
    case 'WithdrawalRecorded':
    case 'OwnAccountTransferDebited':
    case 'OwnAccountTransferCredited':
      return { assignments: `balance_paise = $3, ${CUSTOMER_ACTIVITY}`, values: [event.data.balancePaise, event.data.businessDate] };
    case 'CollectionVerified':
      return {
        assignments: `balance_paise = $3, ${CUSTOMER_ACTIVITY}, pending_collections_paise = pending_collections_paise - $5`,
        values: [event.data.balancePaise, event.data.businessDate, event.data.amountPaise],
      };
    case 'CollectionRecorded':
      return { assignments: 'pending_collections_paise = pending_collections_paise + $3', values: [event.data.amountPaise] };
    case 'CollectionDisputed':
      return { assignments: 'pending_collections_paise = pending_collections_paise - $3', values: [event.data.recordedPaise] };
    case 'OwnAccountTransferReversed':
      return { assignments: 'balance_paise = $3', values: [event.data.balancePaise] };
    case 'InterestAccrued':
      return { assignments: 'unposted_interest_paise = $3', values: [event.data.unpostedPaise] };
    case 'InterestPosted':
      return { assignments: 'balance_paise = $3, unposted_interest_paise = unposted_interest_paise - $4', values: [event.data.balancePaise, event.data.amountPaise] };
    case 'AccountMarkedDormant':
      return { assignments: `status = 'DORMANT'`, values: [] };
    case 'AccountReactivated':
      return { assignments: `status = 'ACTIVE', last_customer_activity_on = greatest(last_customer_activity_on, $3::date)`, values: [event.data.businessDate] };
    case 'SavingsAccountClosed':
      return { assignments: `status = 'CLOSED', closed_on = $3, balance_paise = 0, unposted_interest_paise = 0`, values: [event.data.businessDate] };
    case 'InstalmentPaid':
      return {
        assignments: 'balance_paise = $3, instalments_paid = $4, last_customer_activity_on = greatest(last_customer_activity_on, $5::date)',
        values: [event.data.balancePaise, event.data.instalmentNo, event.data.businessDate],
      };
    case 'MissedInstalmentFined':
    case 'FinePaid':
      return { assignments: 'fines_outstanding_paise = $3', values: [event.data.finesOutstandingPaise] };
    case 'RecurringDepositClosedPrematurely':
    case 'RecurringDepositClosedAtMaturity':
      return { assignments: `status = 'CLOSED', closed_on = $3, balance_paise = 0, fines_outstanding_paise = 0`, values: [event.data.businessDate] };
  }
}
