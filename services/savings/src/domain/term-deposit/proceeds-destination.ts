import { DomainError, ValidationError } from '@samabay/domain-kit';
import { parseAccountId } from '../shared/account-ids';

/**
 * Where the proceeds of a term deposit (Fixed Deposit, Monthly Income Scheme) go: paid out in cash at the
 * counter, or credited to one of the member's own Savings Deposit / Thrift Fund accounts (the application
 * then sends that account the DepositProceedsCredited credit, keyed by the closure).
 */
export type ProceedsDestination = { readonly kind: 'CASH' } | { readonly kind: 'SAVINGS_ACCOUNT'; readonly savingsAccountId: string };

/**
 * A savings account of `memberNo` that may receive a term deposit's money: an SD or TF account id naming the member.
 * @throws ValidationError INVALID_ACCOUNT_ID (`field`); DomainError NOT_OWN_ACCOUNT, PAYOUT_ACCOUNT_NOT_SUPPORTED (`field`).
 */
export function requireOwnSavingsAccount(accountId: unknown, memberNo: string, field: string): string {
  const id = parseAccountId(accountId, field);
  if (id.memberNo !== memberNo) throw new DomainError('NOT_OWN_ACCOUNT', "the money goes only to the member's own savings account", field);
  if (id.kind !== 'SD' && id.kind !== 'TF') throw new DomainError('PAYOUT_ACCOUNT_NOT_SUPPORTED', 'the money goes to a Savings Deposit or Thrift Fund account', field);
  return accountId as string;
}

/**
 * Validates a proceeds destination for the deposit of `memberNo`.
 * @throws ValidationError INVALID_PAYOUT (field payout) for anything but CASH or SAVINGS_ACCOUNT, and the errors of {@link requireOwnSavingsAccount} (field payout.savingsAccountId).
 */
export function requireProceedsDestination(value: unknown, memberNo: string): ProceedsDestination {
  const destination = value as Partial<{ kind: unknown; savingsAccountId: unknown }> | null | undefined;
  if (destination?.kind === 'CASH') return { kind: 'CASH' };
  if (destination?.kind === 'SAVINGS_ACCOUNT') {
    return { kind: 'SAVINGS_ACCOUNT', savingsAccountId: requireOwnSavingsAccount(destination.savingsAccountId, memberNo, 'payout.savingsAccountId') };
  }
  throw new ValidationError('payout', 'pay out in CASH or into a SAVINGS_ACCOUNT of the member', 'INVALID_PAYOUT');
}
