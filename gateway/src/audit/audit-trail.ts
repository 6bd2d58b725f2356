import { AuditTrailReader, RefusalLog } from '@samabay/audit-trail';
import type { SqlExecutor } from '@samabay/sql';

/** The gateway's side of the audit trail (issue 6 item 7): where refusals are recorded, and the reader behind `auditTrail`. */
export interface GatewayAuditTrail {
  readonly refusals: RefusalLog;
  readonly reader: AuditTrailReader;
}

/** Injection token of {@link GatewayAuditTrail}. */
export const AUDIT_TRAIL = Symbol('AUDIT_TRAIL');

/**
 * The audit trail over the gateway's database (the read-model database in every topology): the
 * refusal log is written there in the request; accepted commands are the CommandAuditProjection's rows.
 */
export function gatewayAuditTrail(db: SqlExecutor): GatewayAuditTrail {
  const refusals = new RefusalLog(db);
  return { refusals, reader: new AuditTrailReader(db, refusals) };
}
