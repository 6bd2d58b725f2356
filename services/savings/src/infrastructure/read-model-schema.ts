import { quoteIdentifier } from '@samabay/sql';

/** Default PostgreSQL schema of the savings read models. */
export const DEFAULT_READ_MODEL_SCHEMA = 'savings_rm';

/** Qualified, quoted names of the savings read-model tables in one schema. */
export interface SavingsTables {
  readonly schema: string;
  /** Savings' own copy of each member's status, from membership events (DESIGN §1). */
  readonly memberStanding: string;
  /** One row per deposit account: balance, status, dates, RD contract. */
  readonly account: string;
  /** The passbook: one row per printed line, with its cash effect for the branch cash book. */
  readonly passbookLine: string;
  /** Door-step collections by agent and day. */
  readonly collection: string;
  /** Business days closed by the savings day-end, per branch. */
  readonly dayEnd: string;
}

/** Names the tables of `schema` (lower-case letters, digits, _; throws Error otherwise). */
export function savingsTables(schema: string = DEFAULT_READ_MODEL_SCHEMA): SavingsTables {
  const quoted = quoteIdentifier(schema);
  return {
    schema: quoted,
    memberStanding: `${quoted}.member_standing`,
    account: `${quoted}.account`,
    passbookLine: `${quoted}.passbook_line`,
    collection: `${quoted}.collection`,
    dayEnd: `${quoted}.day_end`,
  };
}
