import { ConcurrencyConflictError, DomainError, type CommandContext } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import type { LoanDisbursementRequested } from '../domain/loan/loan-events';
import { LOAN_STREAM_PREFIX } from '../infrastructure/loan-event-data';
import type { LendingCommands } from './lending-commands';

/** A loan disbursement the savings service is asked to credit (see SavingsCommands.creditLoanDisbursement). Amounts paise. */
export interface LoanCreditRequest {
  readonly accountId: string;
  readonly memberNo: string;
  readonly loanId: string;
  readonly disbursementId: string;
  readonly amountPaise: number;
}

/**
 * Where the process credits the savings account: the savings service's loan-credit command (composed by the
 * platform; lending never writes savings' streams). Resolves with the credit's event ids; a repeat of the same
 * idempotency key resolves with the first answer. Rejects with the savings service's DomainError when refused.
 */
export interface SavingsLoanCredit {
  creditLoanDisbursement(request: LoanCreditRequest, context: CommandContext): Promise<{ readonly eventIds: readonly string[] }>;
}

/** The idempotency keys of one disbursement's steps: deterministic from the request, the same on every delivery. */
export function disbursementStepKeys(disbursementId: string): { readonly credit: string; readonly confirm: string; readonly fail: string } {
  return { credit: `loan-disbursement/${disbursementId}/credit`, confirm: `loan-disbursement/${disbursementId}/confirm`, fail: `loan-disbursement/${disbursementId}/fail` };
}

/** What one delivery of an event did: nothing (not a disbursement request), or the outcome of its steps. */
export type DisbursementStepOutcome = 'ignored' | 'confirmed' | 'failed';

/**
 * DomainError codes that say the savings service could not decide yet, not that it refused: no
 * answer over the network (SERVICE_UNAVAILABLE, single-server) or its read models still behind
 * (READ_MODEL_BEHIND). They propagate like infrastructure errors, so the runner retries the event.
 */
export const TRANSIENT_CREDIT_CODES: ReadonlySet<string> = new Set(['SERVICE_UNAVAILABLE', 'READ_MODEL_BEHIND']);

/** The process's actor on the commands it sends (recorded as `actor` in their envelopes). */
export const DISBURSEMENT_PROCESS_ACTOR = { userId: 'system:loan-disbursement', role: 'admin' } as const;

/**
 * The loan disbursement process manager (issue 5: disbursement into a savings account; DESIGN §1 — services
 * learn of each other only through events). It reacts to LoanDisbursementRequested:
 *   1. sends savings the loan-credit command for the requested account, dated the request's business date,
 *      with the deterministic key `loan-disbursement/<disbursementId>/credit`;
 *   2. on acceptance confirms on the loan (ConfirmDisbursement → LoanDisbursed, key `…/confirm`); when savings
 *      refuses the credit (a DomainError: account closed, another member's, period closed …) reports the failure
 *      instead (FailDisbursement → LoanDisbursementFailed, key `…/fail`), so the loan is APPROVED again.
 * Every step is idempotent by its key (and the deciders refuse a second credit or confirmation), so a crash between
 * the steps or a second delivery of the same event re-runs the steps as replays: the account is credited once.
 * Infrastructure errors, concurrency conflicts and TRANSIENT_CREDIT_CODES propagate: the runner retries the event
 * without advancing.
 */
export class LoanDisbursementProcess {
  readonly name = 'loan_disbursement';

  constructor(
    private readonly lending: Pick<LendingCommands, 'confirmDisbursement' | 'failDisbursement'>,
    private readonly savings: SavingsLoanCredit,
  ) {}

  /** True for the events this process reacts to. */
  handles(event: RecordedEvent): boolean {
    return event.type === 'LoanDisbursementRequested' && event.streamId.startsWith(LOAN_STREAM_PREFIX);
  }

  /** Runs the steps for one delivery of `event` (any other event is ignored). */
  async handle(event: RecordedEvent): Promise<DisbursementStepOutcome> {
    if (!this.handles(event)) return 'ignored';
    const request = event.data as LoanDisbursementRequested['data'];
    const keys = disbursementStepKeys(request.disbursementId);
    const context = (idempotencyKey: string): CommandContext => ({
      idempotencyKey,
      businessDate: request.requestedOn,
      actor: { ...DISBURSEMENT_PROCESS_ACTOR, branchCode: request.memberNo.slice(0, 3) },
      correlationId: typeof event.metadata?.correlationId === 'string' ? event.metadata.correlationId : undefined,
      causationId: event.id,
    });
    let credit: { readonly eventIds: readonly string[] };
    try {
      credit = await this.savings.creditLoanDisbursement(
        { accountId: request.savingsAccountId, memberNo: request.memberNo, loanId: request.loanId, disbursementId: request.disbursementId, amountPaise: request.amountPaise },
        context(keys.credit),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof ConcurrencyConflictError || TRANSIENT_CREDIT_CODES.has(error.code)) throw error;
      await this.lending.failDisbursement({ loanId: request.loanId, disbursementId: request.disbursementId, reasonCode: error.code }, context(keys.fail));
      return 'failed';
    }
    await this.lending.confirmDisbursement({ loanId: request.loanId, disbursementId: request.disbursementId, creditEventId: credit.eventIds[0] ?? 'none' }, context(keys.confirm));
    return 'confirmed';
  }
}
