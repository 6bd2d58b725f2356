import { ConcurrencyConflictError, DomainError, IdempotencyKeyReusedError, todayInKolkata, type CommandAccepted, type CommandContext } from '@samabay/domain-kit';
import { createHash } from 'node:crypto';
import { OWN_ACCOUNT_TRANSFER_SCOPES, ownAccountTransferSteps } from '../domain/account/own-account-transfer';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import { requirePositivePaise } from '../domain/shared/amounts';
import { requireKind, type SavingsExecutor } from './savings-executor';
import type { OwnAccountTransferInput } from './savings-inputs';

/** Why the credit side of a transfer was rejected (the debit was then reversed). */
export interface TransferFailure {
  readonly code: string;
  readonly field: string | null;
  readonly message: string;
}

/**
 * The outcome of a transfer between a member's own accounts: COMPLETED (debited and credited) or
 * REVERSED (debited, the credit rejected, the debit returned). `failure` says why a transfer was
 * reversed; it is null when this answer comes from a re-run that found the reversal already done.
 */
export interface OwnAccountTransferOutcome {
  readonly transferId: string;
  readonly status: 'COMPLETED' | 'REVERSED';
  readonly debit: CommandAccepted<SavingsAccountEvent>;
  readonly credit: CommandAccepted<SavingsAccountEvent> | null;
  readonly reversal: CommandAccepted<SavingsAccountEvent> | null;
  readonly failure: TransferFailure | null;
  /** True when every step taken was answered from an earlier run. */
  readonly replayed: boolean;
}

/**
 * The transfer id of a request: derived from its idempotency key, so a re-run of the same request
 * names the same transfer ('T' + 24 hex digits of SHA-256 of the key).
 */
export function transferIdOf(idempotencyKey: string): string {
  return `T${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 24)}`;
}

/**
 * Moves money between two of a member's Savings Deposit / Thrift Fund accounts as a process over two
 * streams (DESIGN §1, §4: no transaction spans two aggregates): debit the source, credit the
 * destination, and if the destination rejects the credit, reverse the debit. Each step is a command
 * under the request's idempotency key with its own scope, so a re-run of the same request — after a
 * crash at any point — replays the steps already taken and resumes: the money moves exactly once, or
 * comes back. A re-run whose debit was already reversed never credits (which could otherwise happen if
 * the destination account was opened in between): it asks the source account first.
 * A rejected debit is thrown (nothing moved). A credit that fails for another reason than a business
 * rejection (store unavailable, conflict) is thrown too, leaving the transfer to be resumed by a re-run.
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, INVALID_ACCOUNT_ID / NOT_A_SAVINGS_ACCOUNT (fromAccountId, toAccountId),
 *   and the debit's rejections (INSUFFICIENT_BALANCE, ACCOUNT_OF_ANOTHER_MEMBER, NOT_OWN_ACCOUNT, PERIOD_CLOSED, …).
 */
export async function transferBetweenOwnAccounts(
  executor: SavingsExecutor,
  clock: () => Date,
  input: OwnAccountTransferInput,
  context: CommandContext,
): Promise<OwnAccountTransferOutcome> {
  const amountPaise = requirePositivePaise(input.amountPaise);
  requireKind(input.fromAccountId, ['SD', 'TF'], 'NOT_A_SAVINGS_ACCOUNT', 'a Savings Deposit or Thrift Fund account', 'fromAccountId');
  requireKind(input.toAccountId, ['SD', 'TF'], 'TRANSFER_TARGET_NOT_SUPPORTED', 'a Savings Deposit or Thrift Fund account', 'toAccountId');
  const transferId = transferIdOf(context.idempotencyKey);
  const steps = ownAccountTransferSteps({
    transferId,
    memberNo: input.memberNo,
    fromAccountId: input.fromAccountId,
    toAccountId: input.toAccountId,
    amountPaise,
    businessDate: context.businessDate,
    today: todayInKolkata(clock),
  });
  const debit = await executor.onSavingsAccount(steps.debit, context, { scope: OWN_ACCOUNT_TRANSFER_SCOPES.debit });
  const reverse = async (failure: TransferFailure | null): Promise<OwnAccountTransferOutcome> => {
    const reversal = await executor.onSavingsAccount(steps.reversal, context, { scope: OWN_ACCOUNT_TRANSFER_SCOPES.reversal });
    return { transferId, status: 'REVERSED', debit, credit: null, reversal, failure, replayed: debit.replayed && reversal.replayed };
  };
  if (debit.replayed && (await executor.probeTransfer(input.fromAccountId, transferId, context))?.reversed) return reverse(null);
  let credit: CommandAccepted<SavingsAccountEvent>;
  try {
    credit = await executor.onSavingsAccount(steps.credit, context, { scope: OWN_ACCOUNT_TRANSFER_SCOPES.credit });
  } catch (error) {
    if (!isBusinessRejection(error)) throw error;
    return reverse({ code: error.code, field: error.field ?? null, message: error.message });
  }
  return { transferId, status: 'COMPLETED', debit, credit, reversal: null, failure: null, replayed: debit.replayed && credit.replayed };
}

function isBusinessRejection(error: unknown): error is DomainError {
  return error instanceof DomainError && !(error instanceof ConcurrencyConflictError) && !(error instanceof IdempotencyKeyReusedError);
}
