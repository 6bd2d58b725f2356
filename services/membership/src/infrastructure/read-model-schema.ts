import { quoteIdentifier } from '@samabay/sql';

/** Default PostgreSQL schema of the membership read models. */
export const DEFAULT_READ_MODEL_SCHEMA = 'membership_rm';

/** Qualified, quoted names of the membership read-model tables in one schema. */
export interface ReadModelTables {
  readonly schema: string;
  /** One row per member (member directory projection). */
  readonly memberDirectory: string;
  /** One row per branch: counts and totals (branch summary projection). */
  readonly branchSummary: string;
  /** The branch summary projection's own per-member state, to turn each event into a delta. */
  readonly branchSummaryMember: string;
}

/** Names the tables of `schema` (lower-case letters, digits, _; throws Error otherwise). */
export function readModelTables(schema: string = DEFAULT_READ_MODEL_SCHEMA): ReadModelTables {
  const quoted = quoteIdentifier(schema);
  return {
    schema: quoted,
    memberDirectory: `${quoted}.member_directory`,
    branchSummary: `${quoted}.branch_summary`,
    branchSummaryMember: `${quoted}.branch_summary_member`,
  };
}
