/** @samabay/audit-trail — who did what, where, when and with what outcome (issue 6 item 7): accepted commands from event metadata, refused attempts from the gateway. */
export type { AuditEntry, AuditOutcome, RefusedBy } from './audit-entry';
export { DEFAULT_AUDIT_SCHEMA, acceptedCommandsTable, refusedAttemptsTable } from './audit-schema';
export { CommandAuditProjection } from './command-audit-projection';
export { RefusalLog, type RefusedAttempt } from './refusal-log';
export { AuditTrailReader, InvalidAuditPageError, type AuditTrailFilter, type AuditTrailPage } from './audit-trail-reader';
