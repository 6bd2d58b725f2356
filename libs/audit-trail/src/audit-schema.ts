import { quoteIdentifier } from '@samabay/sql';

/** Default schema of the audit trail's tables. */
export const DEFAULT_AUDIT_SCHEMA = 'audit_rm';

/** The read model of accepted commands in `schema` (quoted): rebuilt from the events like any projection. */
export function acceptedCommandsTable(schema: string = DEFAULT_AUDIT_SCHEMA): string {
  return `${quoteIdentifier(schema)}.accepted_commands`;
}

/**
 * The log of refused attempts in `schema` (quoted). Not a read model: refusals are not events, so
 * this table is their only record — a projection reset or rebuild never touches it.
 */
export function refusedAttemptsTable(schema: string = DEFAULT_AUDIT_SCHEMA): string {
  return `${quoteIdentifier(schema)}.refused_attempts`;
}
