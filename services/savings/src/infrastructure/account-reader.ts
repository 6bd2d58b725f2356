import type { IsoDate } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { MemberOrigin, MemberStanding, MemberStandingRecord } from '../domain/shared/member-standing';
import type { SavingsTables } from './read-model-schema';
import { paiseFromSql } from './sql-paise';

/** A deposit account's product as the read models name it. */
export type AccountProduct = 'SAVINGS_DEPOSIT' | 'THRIFT_FUND' | 'RECURRING_DEPOSIT' | 'FIXED_DEPOSIT' | 'MONTHLY_INCOME';

/** A Fixed Deposit's or Monthly Income Scheme deposit's contract and progress. Amounts paise; the rate % p.a. */
export interface TermDepositFigures {
  readonly tenureMonths: number;
  readonly annualRatePercent: string;
  readonly maturityDate: IsoDate;
  /** FD: principal + maturity interest; MIS: the principal returned at maturity. */
  readonly maturityValuePaise: number;
  /** MIS only (null for an FD): the monthly income, the months paid and the savings account they go to. */
  readonly monthlyIncomePaise: number | null;
  readonly incomeMonthsPaid: number | null;
  readonly payoutAccountId: string | null;
}

/** A Recurring Deposit's contract and progress. Amounts paise. */
export interface RecurringDepositFigures {
  readonly instalmentPaise: number;
  readonly tenureYears: number;
  readonly instalmentCount: number;
  readonly instalmentsPaid: number;
  readonly maturityDate: IsoDate;
  readonly maturityValuePaise: number;
  readonly finesOutstandingPaise: number;
}

/** One deposit account as the account read model shows it. Amounts paise; dates YYYY-MM-DD. */
export interface SavingsAccountRecord {
  readonly accountId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly product: AccountProduct;
  readonly status: 'ACTIVE' | 'DORMANT' | 'CLOSED';
  readonly openedOn: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly balancePaise: number;
  /** Interest accrued and not yet credited (savings products). */
  readonly unpostedInterestPaise: number;
  /** Door-step collections recorded and not yet verified or disputed. */
  readonly pendingCollectionsPaise: number;
  readonly lastCustomerActivityOn: IsoDate;
  /** Null for Savings Deposit and Thrift Fund. */
  readonly recurring: RecurringDepositFigures | null;
  /** Fixed Deposit and Monthly Income Scheme only (absent or null otherwise). */
  readonly termDeposit?: TermDepositFigures | null;
}

/** A member's deposit accounts and their totals by product (closed accounts listed, counted as 0). */
export interface MemberSavingsSummary {
  readonly memberNo: string;
  readonly accounts: SavingsAccountRecord[];
  readonly savingsDepositPaise: number;
  readonly thriftFundPaise: number;
  readonly recurringDepositPaise: number;
  readonly fixedDepositPaise: number;
  readonly monthlyIncomePaise: number;
  readonly totalPaise: number;
  readonly finesOutstandingPaise: number;
}

/** A branch's open (not closed) accounts of one product and their balances. */
export interface BranchSavingsTotal {
  readonly branchCode: string;
  readonly product: AccountProduct;
  readonly openAccounts: number;
  readonly balancePaise: number;
}

/**
 * Which accounts {@link dayEndCandidates} lists: every account not closed, or only ACTIVE savings
 * accounts whose last customer activity is on or before `inactiveSince` (dormancy candidates).
 */
export type DayEndCandidateScope = { readonly everyOpenAccount: true } | { readonly everyOpenAccount: false; readonly inactiveSince: IsoDate };

/** An account the day-end may have work for on a date (term deposits have no day-end of their own: their steps run separately). */
export interface DayEndCandidate {
  readonly accountId: string;
  readonly product: Exclude<AccountProduct, 'FIXED_DEPOSIT' | 'MONTHLY_INCOME'>;
  readonly lastCustomerActivityOn: IsoDate;
}

interface AccountRow {
  account_id: string;
  member_no: string;
  branch_code: string;
  product: AccountProduct;
  status: SavingsAccountRecord['status'];
  opened_on: string;
  closed_on: string | null;
  balance_paise: string;
  unposted_interest_paise: string;
  pending_collections_paise: string;
  last_customer_activity_on: string;
  instalment_paise: string | null;
  tenure_years: number | null;
  instalment_count: number | null;
  instalments_paid: number | null;
  maturity_date: string | null;
  maturity_value_paise: string | null;
  fines_outstanding_paise: string;
  tenure_months?: number | null;
  annual_rate_percent?: string | null;
  monthly_income_paise?: string | null;
  income_months_paid?: number | null;
  payout_account_id?: string | null;
}

/** The account, or null when the read model has no such account (yet). */
export async function findAccount(db: SqlExecutor, tables: SavingsTables, accountId: string): Promise<SavingsAccountRecord | null> {
  const { rows } = await db.query<AccountRow>(`SELECT * FROM ${tables.account} WHERE account_id = $1`, [accountId]);
  return rows.length === 0 ? null : toAccountRecord(rows[0]);
}

/** Every account of the member, by account id, with totals. */
export async function memberSavingsSummary(db: SqlExecutor, tables: SavingsTables, memberNo: string): Promise<MemberSavingsSummary> {
  const { rows } = await db.query<AccountRow>(`SELECT * FROM ${tables.account} WHERE member_no = $1 ORDER BY account_id`, [memberNo]);
  const accounts = rows.map(toAccountRecord);
  const sum = (product: AccountProduct): number => accounts.filter((account) => account.product === product).reduce((total, account) => total + account.balancePaise, 0);
  const savingsDepositPaise = sum('SAVINGS_DEPOSIT');
  const thriftFundPaise = sum('THRIFT_FUND');
  const recurringDepositPaise = sum('RECURRING_DEPOSIT');
  const fixedDepositPaise = sum('FIXED_DEPOSIT');
  const monthlyIncomePaise = sum('MONTHLY_INCOME');
  return {
    memberNo,
    accounts,
    savingsDepositPaise,
    thriftFundPaise,
    recurringDepositPaise,
    fixedDepositPaise,
    monthlyIncomePaise,
    totalPaise: savingsDepositPaise + thriftFundPaise + recurringDepositPaise + fixedDepositPaise + monthlyIncomePaise,
    finesOutstandingPaise: accounts.reduce((total, account) => total + (account.recurring?.finesOutstandingPaise ?? 0), 0),
  };
}

/**
 * Open accounts and balances per branch and product, by branch then product; balances summed exactly in
 * SQL. @throws DomainError TOTAL_TOO_LARGE (balance) for a total beyond 2^53 − 1 paise.
 */
export async function branchSavingsTotals(db: SqlExecutor, tables: SavingsTables): Promise<BranchSavingsTotal[]> {
  const { rows } = await db.query<{ branch_code: string; product: AccountProduct; open_accounts: string; balance_paise: string }>(
    `SELECT branch_code, product, count(*) AS open_accounts, coalesce(sum(balance_paise), 0) AS balance_paise
     FROM ${tables.account} WHERE status <> 'CLOSED' GROUP BY branch_code, product ORDER BY branch_code, product`,
  );
  return rows.map((row) => ({ branchCode: row.branch_code, product: row.product, openAccounts: Number(row.open_accounts), balancePaise: paiseFromSql(row.balance_paise, 'balance') }));
}

/** Savings' copy of the member's status, branch and origin, or null when no membership event about the member was seen. */
export async function memberStanding(db: SqlExecutor, tables: SavingsTables, memberNo: string): Promise<MemberStandingRecord | null> {
  const { rows } = await db.query<{ status: MemberStanding; branch_code: string; origin: MemberOrigin }>(
    `SELECT status, branch_code, origin FROM ${tables.memberStanding} WHERE member_no = $1`,
    [memberNo],
  );
  return rows.length === 0 ? null : { status: rows[0].status, branchCode: rows[0].branch_code, origin: rows[0].origin };
}

/**
 * Accounts of `branchCode` opened on or before `businessDate` that the day-end may have work for:
 * every account not closed (`everyOpenAccount`), or only ACTIVE savings accounts whose last customer
 * activity is on or before `inactiveSince` (dormancy candidates). By account id.
 */
export async function dayEndCandidates(
  db: SqlExecutor,
  tables: SavingsTables,
  branchCode: string,
  businessDate: IsoDate,
  scope: DayEndCandidateScope,
): Promise<DayEndCandidate[]> {
  const { rows } = scope.everyOpenAccount
    ? await db.query<{ account_id: string; product: AccountProduct; last_customer_activity_on: string }>(
        `SELECT account_id, product, last_customer_activity_on FROM ${tables.account}
         WHERE branch_code = $1 AND status <> 'CLOSED' AND opened_on <= $2 AND product IN ('SAVINGS_DEPOSIT', 'THRIFT_FUND', 'RECURRING_DEPOSIT') ORDER BY account_id`,
        [branchCode, businessDate],
      )
    : await db.query<{ account_id: string; product: AccountProduct; last_customer_activity_on: string }>(
        `SELECT account_id, product, last_customer_activity_on FROM ${tables.account}
         WHERE branch_code = $1 AND status = 'ACTIVE' AND product IN ('SAVINGS_DEPOSIT', 'THRIFT_FUND') AND opened_on <= $2 AND last_customer_activity_on <= $3
         ORDER BY account_id`,
        [branchCode, businessDate, scope.inactiveSince],
      );
  return rows.map((row) => ({ accountId: row.account_id, product: row.product as DayEndCandidate['product'], lastCustomerActivityOn: row.last_customer_activity_on }));
}

/** The last business date the branch's savings day-end closed, or null before the first. */
export async function lastClosedDay(db: SqlExecutor, tables: SavingsTables, branchCode: string): Promise<IsoDate | null> {
  const { rows } = await db.query<{ last_closed: string | null }>(`SELECT max(business_date) AS last_closed FROM ${tables.dayEnd} WHERE branch_code = $1`, [branchCode]);
  return rows[0]?.last_closed ?? null;
}

function toAccountRecord(row: AccountRow): SavingsAccountRecord {
  return {
    accountId: row.account_id,
    memberNo: row.member_no,
    branchCode: row.branch_code,
    product: row.product,
    status: row.status,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    balancePaise: Number(row.balance_paise),
    unpostedInterestPaise: Number(row.unposted_interest_paise),
    pendingCollectionsPaise: Number(row.pending_collections_paise),
    lastCustomerActivityOn: row.last_customer_activity_on,
    recurring:
      row.product === 'RECURRING_DEPOSIT'
        ? {
            instalmentPaise: Number(row.instalment_paise),
            tenureYears: Number(row.tenure_years),
            instalmentCount: Number(row.instalment_count),
            instalmentsPaid: Number(row.instalments_paid),
            maturityDate: row.maturity_date as string,
            maturityValuePaise: Number(row.maturity_value_paise),
            finesOutstandingPaise: Number(row.fines_outstanding_paise),
          }
        : null,
    termDeposit:
      row.product === 'FIXED_DEPOSIT' || row.product === 'MONTHLY_INCOME'
        ? {
            tenureMonths: Number(row.tenure_months),
            annualRatePercent: row.annual_rate_percent ?? '',
            maturityDate: row.maturity_date as string,
            maturityValuePaise: Number(row.maturity_value_paise),
            monthlyIncomePaise: row.monthly_income_paise == null ? null : Number(row.monthly_income_paise),
            incomeMonthsPaid: row.income_months_paid ?? null,
            payoutAccountId: row.payout_account_id ?? null,
          }
        : null,
  };
}
