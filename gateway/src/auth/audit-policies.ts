import type { AccessPolicy } from './access-policy';

/**
 * Access policy of the audit trail (issue 6 item 7): auditors and head office read it, nobody else —
 * not branch staff (it shows other branches' activity) and not partners (it names staff and ids).
 */
export const AuditPolicies = {
  readAuditTrail: { name: 'auditTrail', roles: ['auditor', 'head_office'] },
} as const satisfies Record<string, AccessPolicy>;
