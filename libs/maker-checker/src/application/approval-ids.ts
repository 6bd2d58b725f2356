import { createHash } from 'node:crypto';

/** The stream of one pending item (KurrentDB category `approval`). */
export function approvalStreamId(approvalId: string): string {
  return `approval-${approvalId}`;
}

/**
 * The id of the pending item a maker's request creates: `<branch>-AP-<20 hex digits>` from a SHA-256 of
 * the request's idempotency key, so a repeated request names the same item. The branch prefix lets
 * the gateway's access policy scope the item without a lookup.
 */
export function approvalIdFor(branchCode: string, idempotencyKey: string): string {
  return `${branchCode}-AP-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 20)}`;
}

/** The branch prefix of an approval id such as 'KLG-AP-…', or undefined when it has none. */
export function branchOfApprovalId(approvalId: unknown): string | undefined {
  const match = typeof approvalId === 'string' ? /^([A-Z]{3})-AP-[0-9a-f]{20}$/.exec(approvalId) : null;
  return match ? match[1] : undefined;
}
