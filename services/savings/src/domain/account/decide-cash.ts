import { DomainError } from '@samabay/domain-kit';
import { productTermsOn, savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { addToBalance, requirePositivePaise } from '../shared/amounts';
import { requireAccount, requireNotClosed, requireNotDormant, requireOwner, requireTransactionDate } from './account-guards';
import type { Deposit, Withdraw } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccount, SavingsAccountState } from './savings-account-state';

/**
 * Cash paid in. Accepted on a dormant account (money in is never refused).
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, AMOUNT_TOO_LARGE, BAD_DATE, BUSINESS_DATE_IN_FUTURE,
 *   BUSINESS_DATE_BEFORE_OPENING; DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, PERIOD_CLOSED.
 */
export function decideDeposit(command: Deposit, state: SavingsAccountState): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  return [{ type: 'DepositRecorded', data: { accountId: account.accountId, businessDate, amountPaise, balancePaise: addToBalance(account.balancePaise, amountPaise) } }];
}

/**
 * Cash paid out, never leaving less than the product's minimum balance in force on the business date;
 * a withdrawal that would is rejected and appends nothing. Maker–checker (DESIGN §7): without an
 * approval, the account's withdrawals of the business date including this one may total at most
 * `approvalAbovePaise`, so that splitting a large withdrawal into smaller ones does not avoid the checker.
 * @throws as {@link decideDeposit}, plus DomainError ACCOUNT_DORMANT, INSUFFICIENT_BALANCE (field amountPaise,
 *   details.availablePaise), APPROVAL_REQUIRED (field amountPaise, details { withdrawnTodayPaise, approvalAbovePaise }).
 */
export function decideWithdraw(command: Withdraw, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  requireNotDormant(account);
  const balancePaise = requireAvailable(account, amountPaise, productTermsOn(savingsSchedule(products, account.product), businessDate).minimumBalancePaise);
  const withdrawnTodayPaise = account.withdrawnByDate?.[businessDate] ?? 0;
  const { approvalAbovePaise } = command;
  if (!command.approvalId && approvalAbovePaise !== undefined && withdrawnTodayPaise + amountPaise > approvalAbovePaise) {
    throw new DomainError(
      'APPROVAL_REQUIRED',
      "the day's withdrawals from the account would exceed the limit; the amountPaise needs a checker's approval (request it as a large withdrawal)",
      'amountPaise',
      { withdrawnTodayPaise, approvalAbovePaise },
    );
  }
  return [{ type: 'WithdrawalRecorded', data: { accountId: account.accountId, businessDate, amountPaise, balancePaise } }];
}

/**
 * The balance after paying out `amountPaise`, which must leave at least `minimumBalancePaise`.
 * @throws DomainError INSUFFICIENT_BALANCE (field amountPaise) with details { availablePaise }.
 */
export function requireAvailable(account: SavingsAccount, amountPaise: number, minimumBalancePaise: number): number {
  const availablePaise = Math.max(0, account.balancePaise - minimumBalancePaise);
  if (amountPaise > availablePaise) {
    throw new DomainError('INSUFFICIENT_BALANCE', 'the amount is more than the balance available above the minimum balance', 'amountPaise', { availablePaise });
  }
  return account.balancePaise - amountPaise;
}
