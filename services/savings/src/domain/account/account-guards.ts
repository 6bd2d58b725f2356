import { DomainError, ValidationError, type IsoDate } from '@samabay/domain-kit';
import { requireBusinessDate, requireOnOrAfterOpening } from '../shared/business-dates';
import type { SavingsAccount } from './savings-account-state';

/** The parts of any deposit account (savings or recurring) the shared guards read. */
export interface GuardedAccount {
  readonly accountId: string;
  readonly memberNo: string;
  readonly status: string;
}

/** @throws DomainError ACCOUNT_NOT_FOUND (field accountId) when the stream holds no account. */
export function requireAccount<A extends GuardedAccount>(state: A | null, accountId: string): A {
  if (state === null) throw new DomainError('ACCOUNT_NOT_FOUND', `account ${String(accountId)} does not exist`, 'accountId');
  return state;
}

/** @throws DomainError ACCOUNT_CLOSED (field accountId). */
export function requireNotClosed(account: GuardedAccount): void {
  if (account.status === 'CLOSED') throw new DomainError('ACCOUNT_CLOSED', `account ${account.accountId} is closed`, 'accountId');
}

/** @throws DomainError ACCOUNT_DORMANT (field accountId): a dormant account pays nothing out until the branch reactivates it. */
export function requireNotDormant(account: GuardedAccount): void {
  if (account.status === 'DORMANT') throw new DomainError('ACCOUNT_DORMANT', `account ${account.accountId} is dormant; reactivate it first`, 'accountId');
}

/** @throws DomainError ACCOUNT_OF_ANOTHER_MEMBER (field memberNo) unless `memberNo` owns the account. */
export function requireOwner(account: GuardedAccount, memberNo: unknown): void {
  if (memberNo !== account.memberNo) throw new DomainError('ACCOUNT_OF_ANOTHER_MEMBER', `account ${account.accountId} belongs to another member`, 'memberNo');
}

/**
 * The business date of a transaction on `account`: a real date, not after `today`, not before opening,
 * and after the last day whose interest is already accrued (a closed interest period cannot change).
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING; DomainError PERIOD_CLOSED (field businessDate).
 */
export function requireTransactionDate(account: SavingsAccount, businessDate: unknown, today: unknown): IsoDate {
  const date = requireBusinessDate(businessDate, today);
  requireOnOrAfterOpening(date, account.openedOn);
  if (date <= account.interest.accruedThrough) {
    throw new DomainError('PERIOD_CLOSED', `interest is already accrued through ${account.interest.accruedThrough}; use a later business date`, 'businessDate');
  }
  return date;
}

/** @throws ValidationError `code` on `field` unless `value` is a non-blank id of at most 100 printable characters. */
export function requireId(value: unknown, field: string, code: string): string {
  if (typeof value !== 'string' || !/^[^\p{C}\s][^\p{C}]{0,99}$/u.test(value) || value.trim() !== value) {
    throw new ValidationError(field, `${field} must be a non-blank id of at most 100 characters`, code);
  }
  return value;
}
