import type { IsoDate } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { SavingsTables } from './read-model-schema';

/** An open Monthly Income Scheme deposit as the account read model shows it: what its income payouts need. Amounts paise. */
export interface MonthlyIncomeDepositRow {
  readonly accountId: string;
  readonly memberNo: string;
  readonly openedOn: IsoDate;
  readonly tenureMonths: number;
  readonly incomeMonthsPaid: number;
  readonly monthlyIncomePaise: number;
  readonly payoutAccountId: string;
}

/** The open (not closed) MIS deposits of `branchCode` opened on or before `businessDate`, by account id. */
export async function openMonthlyIncomeDeposits(db: SqlExecutor, tables: SavingsTables, branchCode: string, businessDate: IsoDate): Promise<MonthlyIncomeDepositRow[]> {
  const { rows } = await db.query<{
    account_id: string;
    member_no: string;
    opened_on: string;
    tenure_months: number;
    income_months_paid: number;
    monthly_income_paise: string;
    payout_account_id: string;
  }>(
    `SELECT account_id, member_no, opened_on, tenure_months, income_months_paid, monthly_income_paise, payout_account_id FROM ${tables.account}
     WHERE branch_code = $1 AND product = 'MONTHLY_INCOME' AND status <> 'CLOSED' AND opened_on <= $2 ORDER BY account_id`,
    [branchCode, businessDate],
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    memberNo: row.member_no,
    openedOn: row.opened_on,
    tenureMonths: Number(row.tenure_months),
    incomeMonthsPaid: Number(row.income_months_paid),
    monthlyIncomePaise: Number(row.monthly_income_paise),
    payoutAccountId: row.payout_account_id,
  }));
}
