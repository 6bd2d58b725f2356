import { DomainError } from '@samabay/domain-kit';
import { shiftDays } from '../calendar/day-number';
import { addMonths } from '../calendar/months';
import { productTermsOn, savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { requireBusinessDate, requireOnOrAfterOpening } from '../shared/business-dates';
import { requireAccount, requireNotClosed, requireOwner, requireTransactionDate } from './account-guards';
import { evolveSavingsAccount } from './evolve-savings-account';
import { accrualPeriodsThrough, interestAccruedFor, interestPostedThrough, isPostingDate } from './interest-ledger';
import type { CloseAccount, MarkDormant, ReactivateAccount } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccount, SavingsAccountState } from './savings-account-state';

/**
 * Day-end dormancy: an ACTIVE account whose last customer-induced transaction is at least the product's
 * `dormantAfterMonths` before the business date becomes DORMANT. Idempotent: a dormant or closed account gives no events.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING; DomainError ACCOUNT_NOT_FOUND,
 *   DORMANCY_NOT_DUE (field businessDate).
 */
export function decideMarkDormant(command: MarkDormant, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const account = requireAccount(state, command.accountId);
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireOnOrAfterOpening(businessDate, account.openedOn);
  if (account.status !== 'ACTIVE') return [];
  if (dormancyDate(account, products) > businessDate) {
    throw new DomainError('DORMANCY_NOT_DUE', 'the account had a customer transaction within the dormancy period', 'businessDate');
  }
  return [{ type: 'AccountMarkedDormant', data: { accountId: account.accountId, businessDate, lastCustomerActivityOn: account.lastCustomerActivityOn } }];
}

/** The first business date on which `account` is due to become dormant, per the terms in force on its last activity. */
export function dormancyDate(account: SavingsAccount, products: SavingsProducts): string {
  const terms = productTermsOn(savingsSchedule(products, account.product), account.lastCustomerActivityOn);
  return addMonths(account.lastCustomerActivityOn, terms.dormantAfterMonths);
}

/**
 * The branch reactivates a dormant account after seeing the member.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, ACCOUNT_NOT_DORMANT, PERIOD_CLOSED; date errors.
 */
export function decideReactivateAccount(command: ReactivateAccount, state: SavingsAccountState): SavingsAccountEvent[] {
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  if (account.status !== 'DORMANT') throw new DomainError('ACCOUNT_NOT_DORMANT', `account ${account.accountId} is not dormant`, 'accountId');
  return [{ type: 'AccountReactivated', data: { accountId: account.accountId, businessDate } }];
}

/**
 * Closes the account on the business date: accrues every period not yet accrued (the last one broken,
 * through the day before closure — the closing day's balance is nil, and under the minimum-balance
 * method an incomplete month earns nothing), posts each posting period's interest in order and the rest
 * at closure, then pays out the whole balance.
 * @throws DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, PENDING_COLLECTIONS, PERIOD_CLOSED; date errors.
 */
export function decideCloseAccount(command: CloseAccount, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  const pending = Object.keys(account.pendingCollections).length;
  if (pending > 0) {
    throw new DomainError('PENDING_COLLECTIONS', 'verify or dispute the pending door-step collections before closing', 'accountId', { pendingCollections: pending });
  }
  const schedule = savingsSchedule(products, account.product);
  const events: SavingsAccountEvent[] = [];
  let current: SavingsAccount = account;
  const apply = (event: SavingsAccountEvent | null): void => {
    if (!event) return;
    events.push(event);
    current = evolveSavingsAccount(current, event) as SavingsAccount;
  };
  const accruedThrough = account.interest.accruedThrough;
  if (accruedThrough >= account.openedOn && isPostingDate(schedule, accruedThrough)) apply(interestPostedThrough(current, accruedThrough, accruedThrough));
  for (const period of accrualPeriodsThrough(account, schedule, shiftDays(businessDate, -1), true)) {
    apply(interestAccruedFor(current, schedule, period));
    if (period.complete && isPostingDate(schedule, period.to)) apply(interestPostedThrough(current, period.to, period.to));
  }
  apply(interestPostedThrough(current, businessDate, businessDate));
  apply({ type: 'SavingsAccountClosed', data: { accountId: account.accountId, businessDate, payoutPaise: current.balancePaise, balancePaise: 0 } });
  return events;
}
