import { quoteIdentifier, type SqlExecutor } from '@samabay/sql';
import type { LoanFacts } from './public-facts';

/**
 * The loans' application facts the publisher needs for later events (member, branch, product,
 * purpose), in `<schema>.partner_loan_facts`, written before the batch that uses them is published
 * (idempotent upserts, so a re-published batch writes the same rows again).
 */
export class LoanFactsStore {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `${quoteIdentifier(schema)}.partner_loan_facts`;
  }

  /** Creates the schema and table if absent. */
  async setup(db: SqlExecutor): Promise<void> {
    await db.exec(`
      CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
      CREATE TABLE IF NOT EXISTS ${this.table} (
        loan_id text PRIMARY KEY,
        member_no text NOT NULL,
        branch_code text NOT NULL,
        product_code text NOT NULL,
        purpose text NOT NULL
      );`);
  }

  /** Stores (or overwrites with the same values) the facts of one loan. */
  async save(db: SqlExecutor, facts: LoanFacts): Promise<void> {
    await db.query(
      `INSERT INTO ${this.table} (loan_id, member_no, branch_code, product_code, purpose) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (loan_id) DO UPDATE SET member_no = EXCLUDED.member_no, branch_code = EXCLUDED.branch_code,
         product_code = EXCLUDED.product_code, purpose = EXCLUDED.purpose`,
      [facts.loanId, facts.memberNo, facts.branchCode, facts.productCode, facts.purpose],
    );
  }

  /** The facts of the given loans that are known, by loan id. */
  async find(db: SqlExecutor, loanIds: readonly string[]): Promise<Map<string, LoanFacts>> {
    const found = new Map<string, LoanFacts>();
    if (loanIds.length === 0) return found;
    const { rows } = await db.query<{ loan_id: string; member_no: string; branch_code: string; product_code: string; purpose: string }>(
      `SELECT loan_id, member_no, branch_code, product_code, purpose FROM ${this.table} WHERE loan_id = ANY($1::text[])`,
      [loanIds],
    );
    for (const row of rows) found.set(row.loan_id, { loanId: row.loan_id, memberNo: row.member_no, branchCode: row.branch_code, productCode: row.product_code, purpose: row.purpose });
    return found;
  }
}
