import type { SqlExecutor } from '@samabay/sql';
import type { ExitStanding } from '../domain/member/member-commands';
import { memberActivityTable, SAVINGS_ACCOUNT_STREAM_PREFIX } from '../infrastructure/member-activity-projection';

/**
 * What an exit must know from outside the member's stream (DESIGN §1: learned from events): her
 * savings accounts still open and the latest business date of any of her activity.
 */
export type ExitStandingLookup = (memberNo: string) => Promise<ExitStanding>;

/** A lookup under which the member has no savings and no activity elsewhere (unit tests of the command side). */
export const noExitStanding: ExitStandingLookup = async () => ({ openSavingsAccounts: [], lastActivityOn: null });

/**
 * The ExitStandingLookup over MemberActivityProjection (what membership learned from its own, savings'
 * and lending's events): every savings account of the member not yet closed, with its last balance
 * (integer paise), account id order; and the latest business date of her member, savings and loan
 * streams (YYYY-MM-DD; null when none is recorded). Eventually consistent: the caller makes sure the
 * read models have caught up (see createMembership).
 */
export function memberExitStanding(db: SqlExecutor, schema?: string): ExitStandingLookup {
  const table = memberActivityTable(schema);
  return async (memberNo) => {
    const accounts = await db.query<{ stream_id: string; balance_paise: string | number | null }>(
      `SELECT stream_id, balance_paise FROM ${table} WHERE member_no = $1 AND open AND stream_id LIKE $2 ORDER BY stream_id`,
      [memberNo, `${SAVINGS_ACCOUNT_STREAM_PREFIX}%`],
    );
    const latest = await db.query<{ last: string | Date | null }>(`SELECT max(last_business_date)::text AS last FROM ${table} WHERE member_no = $1`, [memberNo]);
    const last = latest.rows[0]?.last ?? null;
    return {
      openSavingsAccounts: accounts.rows.map((row) => ({
        accountId: row.stream_id.slice(SAVINGS_ACCOUNT_STREAM_PREFIX.length),
        balancePaise: row.balance_paise === null ? 0 : Number(row.balance_paise),
      })),
      lastActivityOn: typeof last === 'string' ? last : null,
    };
  };
}
