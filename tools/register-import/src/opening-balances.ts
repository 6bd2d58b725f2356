import { formatPaiseAsRupees } from '@samabay/domain-kit';
import type { RegisterColumn } from './csv-reader';
import { PlatformRequestError, type GraphqlRequest } from './graphql-client';
import { MAX_ROWS_PER_CALL, UnmatchedOutcomeError } from './platform-api';
import type { ImportRow, RejectReason } from './row-validator';

/** Prefix of the idempotency key of a row's opening balances; the rest is the member number. */
export const BALANCES_KEY_PREFIX = 'register-import-balances:';

/**
 * The idempotency key of a row's opening balances: from the member number alone, so a re-run replays
 * (also on another day: the first run's business date stands).
 */
export function balancesKeyFor(memberNo: string): string {
  return `${BALANCES_KEY_PREFIX}${memberNo}`;
}

/** GraphQL `ImportOpeningBalanceInput` (savings, issue 4 item 7). Money as rupee strings. */
export interface ImportOpeningBalanceInput {
  idempotencyKey: string;
  line: number;
  businessDate: string;
  memberNo: string;
  savingsDeposit: string;
  thriftFund: string;
}

/** GraphQL `ImportOpeningBalanceOutcome`: one per row sent, in the order sent. */
export interface ImportOpeningBalanceOutcome {
  line: number | null;
  memberNo: string;
  accepted: boolean;
  replayed: boolean;
  accountIds: string[];
  errorCode: string | null;
  field: string | null;
  position: string | null;
}

const IMPORT_OPENING_BALANCES = `mutation ImportOpeningBalances($rows: [ImportOpeningBalanceInput!]!, $consistentWith: String) {
  importOpeningBalances(rows: $rows, consistentWith: $consistentWith) { line memberNo accepted replayed accountIds errorCode field position }
}`;

/** importOpeningBalances calls answered READ_MODEL_BEHIND (members not yet in the read models) are sent this many times in all. */
export const READ_MODEL_BEHIND_ATTEMPTS = 5;

/** Maps a row whose member is in the platform to its opening-balances input, dated `businessDate` (the import's). */
export function toOpeningBalanceInput(row: ImportRow, businessDate: string): ImportOpeningBalanceInput {
  return {
    idempotencyKey: balancesKeyFor(row.memberNo),
    line: row.line,
    businessDate,
    memberNo: row.memberNo,
    savingsDeposit: formatPaiseAsRupees(row.savingsDepositPaise),
    thriftFund: formatPaiseAsRupees(row.thriftFundPaise),
  };
}

/**
 * Sends the savings and thrift balances of rows whose members the platform holds (≤ 500) through
 * `importOpeningBalances`, after the platform has seen those members (`consistentWith`: the member
 * batch's last position), and returns each row's outcome aligned with `rows`. A call answered
 * READ_MODEL_BEHIND is sent again, READ_MODEL_BEHIND_ATTEMPTS times in all. Throws
 * PlatformUnreachableError / PlatformRequestError from the client, or UnmatchedOutcomeError.
 */
export async function sendOpeningBalances(
  request: GraphqlRequest,
  rows: readonly ImportRow[],
  businessDate: string,
  consistentWith: string | null,
  signal?: AbortSignal,
): Promise<ImportOpeningBalanceOutcome[]> {
  if (rows.length > MAX_ROWS_PER_CALL) throw new RangeError(`at most ${MAX_ROWS_PER_CALL} rows per call, got ${rows.length}`);
  const variables = { rows: rows.map((row) => toOpeningBalanceInput(row, businessDate)), consistentWith };
  let data: { importOpeningBalances: ImportOpeningBalanceOutcome[] };
  for (let attempt = 1; ; attempt += 1) {
    try {
      data = await request<{ importOpeningBalances: ImportOpeningBalanceOutcome[] }>(IMPORT_OPENING_BALANCES, variables, signal);
      break;
    } catch (error) {
      // The platform waited its consistency timeout for the members to reach its read models (in the
      // single-server topology they travel through Kafka): ask again; every row is idempotent.
      if (!(error instanceof PlatformRequestError && error.code === 'READ_MODEL_BEHIND') || attempt >= READ_MODEL_BEHIND_ATTEMPTS) throw error;
    }
  }
  const outcomes = data.importOpeningBalances;
  const byLine = new Map(outcomes.filter((outcome) => outcome.line !== null).map((outcome) => [outcome.line, outcome]));
  return rows.map((row, index) => {
    const outcome = byLine.get(row.line) ?? outcomes[index];
    if (!outcome || outcome.memberNo !== row.memberNo) throw new UnmatchedOutcomeError(row.line);
    return outcome;
  });
}

/** The opening-balance input fields → the register columns they came from. */
const COLUMN_OF_FIELD: Readonly<Record<string, RegisterColumn>> = {
  savingsDeposit: 'savings_deposit_balance',
  thriftFund: 'thrift_fund_balance',
  memberNo: 'member_no',
  idempotencyKey: 'member_no',
};

/** Savings error codes → report reasons where the code alone decides; others appear lower-cased. */
const REASON_OF_CODE: Readonly<Record<string, RejectReason>> = {
  EXITED_MEMBER_HAS_BALANCE: 'balance_of_exited_member',
  // The member's opening balances were imported before with other amounts: report it, never overwrite.
  IDEMPOTENCY_KEY_REUSED: 'balance_changed_since_import',
  ACCOUNT_ALREADY_OPEN: 'savings_account_already_open',
};

/** Maps the platform's rejection of a row's opening balances to a reject-report column and reason. */
export function mapBalanceRejection(errorCode: string, field: string | null | undefined): { field: RegisterColumn | ''; reason: RejectReason } {
  const column = (field && COLUMN_OF_FIELD[field]) || '';
  return { field: column, reason: REASON_OF_CODE[errorCode] ?? (errorCode.toLowerCase() as Lowercase<string>) };
}
