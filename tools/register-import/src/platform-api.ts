import type { GraphqlRequest } from './graphql-client';
import type { ImportRow } from './row-validator';

/** The most rows the gateway accepts in one importMembers call (GraphQL contract). */
export const MAX_ROWS_PER_CALL = 500;

/** Prefix of every idempotency key the tool sends; the rest is the member number. */
export const IDEMPOTENCY_KEY_PREFIX = 'register-import:';

/**
 * The idempotency key of a register row: derived from the member number alone, so re-running the
 * same file replays instead of duplicating, and a row edited since an earlier run is reported by the
 * platform (same key, different payload) instead of creating a second member.
 */
export function idempotencyKeyFor(memberNo: string): string {
  return `${IDEMPOTENCY_KEY_PREFIX}${memberNo}`;
}

/** GraphQL `ImportMemberInput` (gateway contract). */
export interface ImportMemberInput {
  idempotencyKey: string;
  line: number;
  memberNo: string;
  branchCode: string;
  admissionDate: string;
  personal: { fullName: string; dateOfBirth: string; phone: string | null; locality: string | null };
  nominee: { name: string; relation: string } | null;
  sharesHeld: number;
  status: ImportRow['status'];
}

/** GraphQL `ImportMemberOutcome`: one per row sent, in the order sent. */
export interface ImportMemberOutcome {
  line: number | null;
  memberNo: string;
  accepted: boolean;
  replayed: boolean;
  errorCode: string | null;
  field: string | null;
  position: string | null;
}

const IMPORT_MEMBERS = `mutation ImportMembers($rows: [ImportMemberInput!]!) {
  importMembers(rows: $rows) { line memberNo accepted replayed errorCode field position }
}`;

/** Maps a validated row to the command input. Savings columns are not sent yet (the savings issue imports them). */
export function toImportMemberInput(row: ImportRow): ImportMemberInput {
  return {
    idempotencyKey: idempotencyKeyFor(row.memberNo),
    line: row.line,
    memberNo: row.memberNo,
    branchCode: row.branchCode,
    admissionDate: row.admissionDate,
    personal: { fullName: row.fullName, dateOfBirth: row.dateOfBirth, phone: row.phone, locality: row.locality },
    nominee: row.nominee ? { name: row.nominee.name, relation: row.nominee.relation } : null,
    sharesHeld: row.sharesHeld,
    status: row.status,
  };
}

/**
 * Sends one batch (≤ {@link MAX_ROWS_PER_CALL} rows) through `importMembers` and returns the
 * outcome of each row, aligned with `rows` by line number. Throws PlatformUnreachableError /
 * PlatformRequestError from the client, or UnmatchedOutcomeError when the answer does not cover
 * every row sent.
 */
export async function sendImportBatch(request: GraphqlRequest, rows: readonly ImportRow[], signal?: AbortSignal): Promise<ImportMemberOutcome[]> {
  if (rows.length > MAX_ROWS_PER_CALL) throw new RangeError(`at most ${MAX_ROWS_PER_CALL} rows per call, got ${rows.length}`);
  const data = await request<{ importMembers: ImportMemberOutcome[] }>(IMPORT_MEMBERS, { rows: rows.map(toImportMemberInput) }, signal);
  const outcomes = data.importMembers;
  const byLine = new Map(outcomes.filter((outcome) => outcome.line !== null).map((outcome) => [outcome.line, outcome]));
  return rows.map((row, index) => {
    const outcome = byLine.get(row.line) ?? outcomes[index];
    if (!outcome || outcome.memberNo !== row.memberNo) {
      throw new UnmatchedOutcomeError(row.line);
    }
    return outcome;
  });
}

/** The platform's answer did not account for a row that was sent; nothing can be concluded about it. */
export class UnmatchedOutcomeError extends Error {
  constructor(readonly line: number) {
    super(`the platform's answer has no outcome for line ${line}; re-run the import (it is idempotent)`);
    this.name = 'UnmatchedOutcomeError';
  }
}
