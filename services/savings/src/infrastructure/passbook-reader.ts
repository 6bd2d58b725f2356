import { ValidationError, type IsoDate } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { AccountProduct } from './account-reader';
import type { PassbookCategory } from './passbook-lines';
import type { SavingsTables } from './read-model-schema';
import { paiseFromSql, sumPaise } from './sql-paise';

/** One printed passbook line; `entryNo` counts the account's lines from 1. Amounts paise. */
export interface PassbookEntry {
  readonly entryNo: number;
  readonly businessDate: IsoDate;
  readonly category: PassbookCategory;
  readonly narration: string;
  readonly debitPaise: number;
  readonly creditPaise: number;
  readonly balancePaise: number;
}

/** One page of an account's passbook in print order (keyset pagination). */
export interface PassbookPage {
  readonly accountId: string;
  readonly entries: PassbookEntry[];
  /** Cursor after the last entry (pass as `after`); null for an empty page. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** A branch's cash of one category on one day: what came in, what went out, in how many entries. */
export interface CashBookLine {
  readonly category: PassbookCategory;
  readonly receiptsPaise: number;
  readonly paymentsPaise: number;
  readonly entries: number;
}

/** The branch cash book of one business day (issue 4 item 6): cash received and paid by category. */
export interface CashBookDay {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  readonly lines: CashBookLine[];
  readonly receiptsPaise: number;
  readonly paymentsPaise: number;
}

/** Interest credited to one account in one financial year (April–March). */
export interface AccountInterestPaid {
  readonly financialYear: string;
  readonly accountId: string;
  readonly product: AccountProduct;
  readonly interestPaise: number;
}

/** Interest credited by a branch on one product in one financial year, and to how many accounts. */
export interface BranchInterestPaid {
  readonly financialYear: string;
  readonly branchCode: string;
  readonly product: AccountProduct;
  readonly accounts: number;
  readonly interestPaise: number;
}

export const DEFAULT_PASSBOOK_PAGE = 50;
export const MAX_PASSBOOK_PAGE = 500;

const PRODUCT_OF_KIND = `CASE split_part(account_id, '-', 3) WHEN 'SD' THEN 'SAVINGS_DEPOSIT' WHEN 'TF' THEN 'THRIFT_FUND' WHEN 'FD' THEN 'FIXED_DEPOSIT' WHEN 'MI' THEN 'MONTHLY_INCOME' ELSE 'RECURRING_DEPOSIT' END`;

/** Keyset-paginated passbook. @throws ValidationError INVALID_PAGE_SIZE (first), INVALID_CURSOR (after). */
export async function passbookPage(db: SqlExecutor, tables: SavingsTables, accountId: string, first: number, after: string | null): Promise<PassbookPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PASSBOOK_PAGE) {
    throw new ValidationError('first', `first must be a whole number from 1 to ${MAX_PASSBOOK_PAGE}`, 'INVALID_PAGE_SIZE');
  }
  const afterEntry = after === null ? 0 : decodePassbookCursor(after);
  const { rows } = await db.query<{ total_count: string; page: PassbookRow[] | null }>(
    `WITH numbered AS (
       SELECT row_number() OVER (ORDER BY stream_revision, line_no) AS entry_no, business_date, category, narration, debit_paise, credit_paise, balance_paise
       FROM ${tables.passbookLine} WHERE account_id = $1
     ), page AS (
       SELECT * FROM numbered WHERE entry_no > $2 ORDER BY entry_no LIMIT $3
     )
     SELECT (SELECT count(*) FROM numbered) AS total_count, (SELECT json_agg(page ORDER BY entry_no) FROM page) AS page`,
    [accountId, afterEntry, first + 1],
  );
  const pageRows = rows[0].page ?? [];
  const entries = pageRows.slice(0, first).map(toEntry);
  return {
    accountId,
    entries,
    endCursor: entries.length === 0 ? null : encodePassbookCursor(entries[entries.length - 1].entryNo),
    hasNextPage: pageRows.length > first,
    totalCount: Number(rows[0].total_count),
  };
}

/**
 * Cash received and paid by the branch on the day, by category (categories without cash are left out);
 * summed exactly in SQL. @throws DomainError TOTAL_TOO_LARGE (receipts/payments) beyond 2^53 − 1 paise.
 */
export async function cashBookDay(db: SqlExecutor, tables: SavingsTables, branchCode: string, businessDate: IsoDate): Promise<CashBookDay> {
  const { rows } = await db.query<{ category: PassbookCategory; receipts: string; payments: string; entries: string }>(
    `SELECT category, sum(cash_in_paise) AS receipts, sum(cash_out_paise) AS payments, count(*) AS entries
     FROM ${tables.passbookLine} WHERE branch_code = $1 AND business_date = $2 AND (cash_in_paise > 0 OR cash_out_paise > 0)
     GROUP BY category ORDER BY category`,
    [branchCode, businessDate],
  );
  const lines = rows.map((row) => ({
    category: row.category,
    receiptsPaise: paiseFromSql(row.receipts, 'receipts'),
    paymentsPaise: paiseFromSql(row.payments, 'payments'),
    entries: Number(row.entries),
  }));
  return {
    branchCode,
    businessDate,
    lines,
    receiptsPaise: sumPaise(lines.map((line) => line.receiptsPaise), 'receipts'),
    paymentsPaise: sumPaise(lines.map((line) => line.paymentsPaise), 'payments'),
  };
}

/** Interest credited to each of the member's accounts per financial year (optionally one year), by year then account. */
export async function memberInterestPaid(db: SqlExecutor, tables: SavingsTables, memberNo: string, financialYear: string | null): Promise<AccountInterestPaid[]> {
  const { rows } = await db.query<{ financial_year: string; account_id: string; product: AccountProduct; interest: string }>(
    `SELECT financial_year, account_id, ${PRODUCT_OF_KIND} AS product, sum(credit_paise) AS interest
     FROM ${tables.passbookLine} WHERE member_no = $1 AND category = 'INTEREST' AND ($2::text IS NULL OR financial_year = $2)
     GROUP BY financial_year, account_id ORDER BY financial_year, account_id`,
    [memberNo, financialYear],
  );
  return rows.map((row) => ({ financialYear: row.financial_year, accountId: row.account_id, product: row.product, interestPaise: paiseFromSql(row.interest, 'interest') }));
}

/** Interest credited by the branch per financial year and product (optionally one year). */
export async function branchInterestPaid(db: SqlExecutor, tables: SavingsTables, branchCode: string, financialYear: string | null): Promise<BranchInterestPaid[]> {
  const { rows } = await db.query<{ financial_year: string; product: AccountProduct; accounts: string; interest: string }>(
    `SELECT financial_year, ${PRODUCT_OF_KIND} AS product, count(DISTINCT account_id) AS accounts, sum(credit_paise) AS interest
     FROM ${tables.passbookLine} WHERE branch_code = $1 AND category = 'INTEREST' AND ($2::text IS NULL OR financial_year = $2)
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [branchCode, financialYear],
  );
  return rows.map((row) => ({ financialYear: row.financial_year, branchCode, product: row.product, accounts: Number(row.accounts), interestPaise: paiseFromSql(row.interest, 'interest') }));
}

interface PassbookRow {
  entry_no: number | string;
  business_date: string;
  category: PassbookCategory;
  narration: string;
  debit_paise: number | string;
  credit_paise: number | string;
  balance_paise: number | string;
}

function toEntry(row: PassbookRow): PassbookEntry {
  return {
    entryNo: Number(row.entry_no),
    businessDate: row.business_date,
    category: row.category,
    narration: row.narration,
    debitPaise: Number(row.debit_paise),
    creditPaise: Number(row.credit_paise),
    balancePaise: Number(row.balance_paise),
  };
}

/** An opaque passbook cursor pointing just after entry `entryNo`. */
export function encodePassbookCursor(entryNo: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: entryNo }), 'utf8').toString('base64url');
}

/** The entry number a cursor points after. @throws ValidationError INVALID_CURSOR (field after) for anything else. */
export function decodePassbookCursor(cursor: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; after?: unknown };
    if (decoded.v === 1 && Number.isSafeInteger(decoded.after) && (decoded.after as number) >= 0) return decoded.after as number;
  } catch {
    // Not base64 JSON: reported below like any other foreign cursor.
  }
  throw new ValidationError('after', 'the cursor is not one this passbook handed out', 'INVALID_CURSOR');
}
