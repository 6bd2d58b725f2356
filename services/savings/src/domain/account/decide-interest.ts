import { DomainError } from '@samabay/domain-kit';
import { savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { requireBusinessDate, requireOnOrAfterOpening } from '../shared/business-dates';
import { requireAccount } from './account-guards';
import { evolveSavingsAccount } from './evolve-savings-account';
import { accrualPeriodsThrough, interestAccruedFor, interestPostedThrough, isPostingDate, requireNoPostingDueBefore } from './interest-ledger';
import type { AccrueInterest, PostInterest } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccount, SavingsAccountState } from './savings-account-state';

/**
 * Day-end accrual for the business date, which must end an accrual period (per the terms in force when
 * the period began). Accrues every complete period not yet accrued through that date, one event each,
 * each rounded once. Idempotent: a date already accrued — or an account closed — gives no events.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING; DomainError ACCOUNT_NOT_FOUND,
 *   NOT_AN_ACCRUAL_DATE, INTEREST_POSTING_DUE (post the previous period first), NO_TERMS_IN_FORCE (all field businessDate but the first).
 */
export function decideAccrueInterest(command: AccrueInterest, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const account = requireAccount(state, command.accountId);
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireOnOrAfterOpening(businessDate, account.openedOn);
  if (account.status === 'CLOSED' || businessDate <= account.interest.accruedThrough) return [];
  const schedule = savingsSchedule(products, account.product);
  const periods = accrualPeriodsThrough(account, schedule, businessDate, false);
  if (periods.length === 0 || periods[periods.length - 1].to !== businessDate) {
    throw new DomainError('NOT_AN_ACCRUAL_DATE', `${businessDate} does not end an interest accrual period of this account`, 'businessDate');
  }
  const events: SavingsAccountEvent[] = [];
  let current: SavingsAccount = account;
  for (const period of periods) {
    requireNoPostingDueBefore(current, schedule, period.from);
    const event = interestAccruedFor(current, schedule, period);
    events.push(event);
    current = evolveSavingsAccount(current, event) as SavingsAccount;
  }
  return events;
}

/**
 * Day-end posting for the business date, which must end a posting period: credits all interest accrued
 * through it. Idempotent: nothing unposted — or a closed account — gives no events.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, BUSINESS_DATE_BEFORE_OPENING; DomainError ACCOUNT_NOT_FOUND,
 *   NOT_A_POSTING_DATE, INTEREST_NOT_ACCRUED (accrue the date first), NO_TERMS_IN_FORCE.
 */
export function decidePostInterest(command: PostInterest, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const account = requireAccount(state, command.accountId);
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  requireOnOrAfterOpening(businessDate, account.openedOn);
  if (account.status === 'CLOSED') return [];
  if (!isPostingDate(savingsSchedule(products, account.product), businessDate)) {
    throw new DomainError('NOT_A_POSTING_DATE', `${businessDate} does not end an interest posting period of this account`, 'businessDate');
  }
  if (account.interest.accruedThrough < businessDate) {
    throw new DomainError('INTEREST_NOT_ACCRUED', `interest is accrued only through ${account.interest.accruedThrough}; accrue ${businessDate} first`, 'businessDate');
  }
  const posted = interestPostedThrough(account, businessDate, businessDate);
  return posted ? [posted] : [];
}
