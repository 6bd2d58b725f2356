import type { SqlExecutor } from '@samabay/sql';
import { openLoansTable } from '../infrastructure/open-loans-projection';
import type { OpenDuesLookup } from './open-dues';

/**
 * The OpenDuesLookup over OpenLoansProjection (what membership learned from lending's events): each
 * disbursed loan of the member not yet closed or written off is an open due { kind: 'LOAN', reference: loanId }.
 * Eventually consistent: the caller makes sure the read models have caught up (see createMembership's openDues).
 */
export function openLoanDues(db: SqlExecutor, schema?: string): OpenDuesLookup {
  const table = openLoansTable(schema);
  return async (memberNo) => {
    const { rows } = await db.query<{ loan_id: string }>(`SELECT loan_id FROM ${table} WHERE member_no = $1 AND open ORDER BY loan_id`, [memberNo]);
    return rows.map((row) => ({ kind: 'LOAN', reference: row.loan_id }));
  };
}
