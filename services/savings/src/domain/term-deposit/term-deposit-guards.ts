import { ValidationError, type IsoDate } from '@samabay/domain-kit';
import { requireAccount, requireNotClosed, requireOwner, type GuardedAccount } from '../account/account-guards';
import { parseAccountId, type AccountKind } from '../shared/account-ids';
import { requireBusinessDate, requireOnOrAfterOpening } from '../shared/business-dates';

/** An open term deposit owned by `memberNo`. @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED (accountId), ACCOUNT_OF_ANOTHER_MEMBER (memberNo). */
export function requireOpenDepositOf<A extends GuardedAccount>(state: A | null, accountId: string, memberNo: unknown): A {
  const deposit = requireAccount(state, accountId);
  requireNotClosed(deposit);
  requireOwner(deposit, memberNo);
  return deposit;
}

/** A business date not after `today` and not before `openedOn`. @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING. */
export function requireDepositDate(openedOn: IsoDate, businessDate: unknown, today: unknown): IsoDate {
  const date = requireBusinessDate(businessDate, today);
  requireOnOrAfterOpening(date, openedOn);
  return date;
}

/**
 * The id of a new term deposit: it must name `memberNo` and `kind` (e.g. SNG-000123-FD-01).
 * @throws ValidationError INVALID_ACCOUNT_ID, ACCOUNT_ID_MISMATCH (accountId).
 */
export function requireNewDepositId(accountId: unknown, memberNo: string, kind: AccountKind): string {
  const id = parseAccountId(accountId);
  if (id.memberNo !== memberNo || id.kind !== kind) {
    throw new ValidationError('accountId', `the account id must name the member and ${kind}, e.g. SNG-000123-${kind}-01`, 'ACCOUNT_ID_MISMATCH');
  }
  return accountId as string;
}
