import { quoteIdentifier } from '@samabay/sql';

/** Default schema of the staff read model. */
export const DEFAULT_STAFF_SCHEMA = 'staff_rm';

/** The staff read-model table in `schema` (quoted). */
export function staffMembersTable(schema: string = DEFAULT_STAFF_SCHEMA): string {
  return `${quoteIdentifier(schema)}.staff_members`;
}

/** A row of the staff read model. */
export interface StaffRow {
  user_id: string;
  role: string;
  branch_code: string;
  active: boolean;
  stream_revision: number;
}

/** The staff service's own list of opened branches (from membership's BranchOpened events) in `schema` (quoted). */
export function staffBranchesTable(schema: string = DEFAULT_STAFF_SCHEMA): string {
  return `${quoteIdentifier(schema)}.staff_branches`;
}
