import type { RefusalLog } from '@samabay/audit-trail';
import { DomainError, type Actor } from '@samabay/domain-kit';
import type { Logger } from 'pino';

/** One command the domain refused: its DomainError's stable code, the input field it named, the branch it touched (when known). */
export interface DomainRefusal {
  readonly code: string;
  readonly field?: string | null;
  readonly targetBranchCode?: string | null;
}

/** The request the refusals belong to: the GraphQL mutation field, the actor the guard authenticated, the request id. */
export interface RefusalSource {
  readonly operation: string;
  readonly actor: Actor;
  readonly requestId: unknown;
}

/** The refusal to record for `error` when the domain refused (a DomainError); null for anything else (store failures, bugs). */
export function domainRefusalOf(error: unknown, targetBranchCode?: string | null): DomainRefusal | null {
  return error instanceof DomainError ? { code: error.code, field: error.field ?? null, targetBranchCode: targetBranchCode ?? null } : null;
}

/**
 * Records commands the domain refused in the audit trail (refused by DOMAIN), one row each: the one
 * path for the GraphQL-error plugin (a mutation that threw) and for batch mutations that answer an
 * item's refusal as data (`importMembers`, `importOpeningBalances`, the credit of an own-account
 * transfer, `payMonthlyIncomeDue`'s failures). Only identifiers: operation, actor, code, field,
 * branch, request id — never an input value. Callers await it before they answer, so a refusal the
 * caller sees is on record; every attempt is recorded (a second run of the same file records its
 * refusals again), a replay is not a refusal and is never passed here. A failed write is logged (no
 * personal data) and does not change the answer.
 */
export async function recordDomainRefusals(refusals: RefusalLog, logger: Logger, source: RefusalSource, items: readonly DomainRefusal[]): Promise<void> {
  if (items.length === 0) return;
  const correlationId = typeof source.requestId === 'string' ? source.requestId : null;
  await refusals
    .recordAll(items.map((item) => ({ operation: source.operation, actor: source.actor, refusedBy: 'DOMAIN' as const, code: item.code, field: item.field ?? null, targetBranchCode: item.targetBranchCode ?? null, correlationId })))
    .catch((failure: unknown) =>
      logger.error({ errorName: failure instanceof Error ? failure.name : typeof failure, component: 'audit-trail', refusals: items.length }, 'a domain rejection was not recorded in the audit trail'),
    );
}
