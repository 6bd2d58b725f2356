import { DomainError, type IsoDate } from '@samabay/domain-kit';
import { requireAccount } from '../account/account-guards';
import { decideAccrueInterest, decidePostInterest } from '../account/decide-interest';
import { decideMarkDormant } from '../account/decide-lifecycle';
import { evolveSavingsAccount } from '../account/evolve-savings-account';
import { accrualPeriodsThrough, isPostingDate } from '../account/interest-ledger';
import type { CloseBusinessDay, SavingsDayEndCommand } from '../account/savings-account-commands';
import type { SavingsAccountEvent } from '../account/savings-account-events';
import type { SavingsAccount, SavingsAccountState } from '../account/savings-account-state';
import { addMonths, lastDayOfMonth } from '../calendar/months';
import { savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { decideChargeMissedInstalmentFine } from '../recurring/decide-recurring-deposit';
import { instalmentMonthOf } from '../recurring/instalment-schedule';
import type { CloseRecurringDepositBusinessDay } from '../recurring/recurring-deposit-commands';
import type { RecurringDepositEvent } from '../recurring/recurring-deposit-events';
import { evolveRecurringDeposit, type RecurringDeposit, type RecurringDepositState } from '../recurring/recurring-deposit-state';
import { requireBusinessDate } from '../shared/business-dates';
import { planRecurringDepositDayEnd, planSavingsAccountDayEnd } from './day-end-planner';

/**
 * Day-end of one savings account for `command.businessDate` (DESIGN §9, issue 4 item 5) as one decision:
 * the account catches up on its own — for every accrual period that ended on or before the date and is
 * not accrued yet (an account opened with an earlier business date, or days the branch missed), the
 * planner's commands for that period's last day, in date order; then the planner's commands for the
 * date itself (a posting due, dormancy). The events are those the separate commands would append, in
 * the same order and dated the same days. Idempotent: nothing due — a closed account, a date before
 * opening, a date already done — gives no events.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE; DomainError ACCOUNT_NOT_FOUND, NO_TERMS_IN_FORCE.
 */
export function decideSavingsAccountBusinessDay(command: CloseBusinessDay, state: SavingsAccountState, products: SavingsProducts): SavingsAccountEvent[] {
  const account = requireAccount(state, command.accountId);
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  if (account.status === 'CLOSED' || businessDate < account.openedOn) return [];
  const schedule = savingsSchedule(products, account.product);
  const events: SavingsAccountEvent[] = [];
  let current: SavingsAccount = account;
  const run = (date: IsoDate): void => {
    for (const planned of planSavingsAccountDayEnd(current, date, command.today, products)) {
      for (const event of decidePlanned(planned, current, products)) {
        events.push(event);
        current = evolveSavingsAccount(current, event) as SavingsAccount;
      }
    }
  };
  const { accruedThrough } = current.interest;
  // A posting left due on the last accrued day (accrued by an earlier day-end that stopped before posting).
  if (accruedThrough >= current.openedOn && current.interest.unposted.some((entry) => entry.periodTo <= accruedThrough) && isPostingDate(schedule, accruedThrough)) {
    for (const event of decidePostInterest({ type: 'PostInterest', accountId: current.accountId, businessDate: accruedThrough, today: command.today }, current, products)) {
      events.push(event);
      current = evolveSavingsAccount(current, event) as SavingsAccount;
    }
  }
  for (;;) {
    const [next] = current.interest.accruedThrough < businessDate ? accrualPeriodsThrough(current, schedule, businessDate, false) : [];
    if (!next || next.to === businessDate) break;
    const before = current.interest.accruedThrough;
    run(next.to);
    if (current.interest.accruedThrough === before) {
      throw new DomainError('DAY_END_STALLED', `the day-end of ${account.accountId} made no progress at ${next.to}`, 'businessDate');
    }
  }
  run(businessDate);
  return events;
}

/**
 * Day-end of one Recurring Deposit for `command.businessDate`: every month end on or before the date,
 * from the month of the first instalment not fined yet, is judged as that day stood (payments dated on
 * or before it) and fined once when its instalment was unpaid — oldest first, so a branch that missed
 * days fines the same months, with the same dates, as one that did not. Idempotent as above.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE; DomainError ACCOUNT_NOT_FOUND.
 */
export function decideRecurringDepositBusinessDay(command: CloseRecurringDepositBusinessDay, state: RecurringDepositState): RecurringDepositEvent[] {
  const deposit = requireAccount(state, command.accountId);
  const businessDate = requireBusinessDate(command.businessDate, command.today);
  if (deposit.status === 'CLOSED' || businessDate < deposit.openedOn) return [];
  const events: RecurringDepositEvent[] = [];
  let current: RecurringDeposit = deposit;
  for (let month = deposit.lastFinedInstalment; ; month += 1) {
    const monthEnd = lastDayOfMonth(addMonths(deposit.openedOn, month));
    if (monthEnd > businessDate || instalmentMonthOf(deposit, monthEnd) > deposit.contract.instalmentCount) break;
    for (const planned of planRecurringDepositDayEnd(current, monthEnd, command.today)) {
      for (const event of decideChargeMissedInstalmentFine(planned, current)) {
        events.push(event);
        current = evolveRecurringDeposit(current, event) as RecurringDeposit;
      }
    }
  }
  return events;
}

function decidePlanned(command: SavingsDayEndCommand, state: SavingsAccount, products: SavingsProducts): SavingsAccountEvent[] {
  switch (command.type) {
    case 'AccrueInterest':
      return decideAccrueInterest(command, state, products);
    case 'PostInterest':
      return decidePostInterest(command, state, products);
    case 'MarkDormant':
      return decideMarkDormant(command, state, products);
  }
}
