import type { StaffRole } from '@samabay/domain-kit';

/** Outcome of an audited attempt: the command was accepted (it recorded events), or it was refused. */
export type AuditOutcome = 'ACCEPTED' | 'REFUSED';

/** Who refused an attempt: the gateway's access policy (role or branch), or the domain (a typed DomainError). */
export type RefusedBy = 'ACCESS_POLICY' | 'DOMAIN';

/**
 * One line of the audit trail (issue 6 item 7). Never a payload, a name or free text: ids, roles,
 * branch codes, type names and error codes only.
 *
 * - `operation`: for an accepted command the type of the first event it recorded (e.g.
 *   `DepositRecorded`: events carry no command name), for a refusal the GraphQL field (`recordDeposit`).
 * - `targetBranchCode`: the branch the attempt touched, when known (a refusal for acting outside one's branch names it).
 * - `correlationId`: the request's correlation id (accepted: from the event metadata; refused: the request id).
 * - `streamId`: accepted commands only (the stream of the command's first event).
 * - `code`: refusals only (FORBIDDEN or the DomainError's code).
 * - `field`: domain refusals only, when the DomainError named an input field (`memberNo`); never its value.
 */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly outcome: AuditOutcome;
  readonly refusedBy: RefusedBy | null;
  readonly operation: string;
  readonly actor: string;
  readonly actorRole: StaffRole | string;
  readonly branchCode: string;
  readonly targetBranchCode: string | null;
  readonly correlationId: string | null;
  readonly businessDate: string | null;
  readonly streamId: string | null;
  readonly code: string | null;
  readonly field: string | null;
}
