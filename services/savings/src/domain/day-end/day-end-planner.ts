import type { IsoDate } from '@samabay/domain-kit';
import { shiftDays } from '../calendar/day-number';
import { dormancyDate } from '../account/decide-lifecycle';
import { accrualPeriodsThrough, isPostingDate } from '../account/interest-ledger';
import type { SavingsDayEndCommand } from '../account/savings-account-commands';
import type { SavingsAccountState } from '../account/savings-account-state';
import { savingsSchedule, type SavingsProducts } from '../products/savings-products';
import { instalmentToFine } from '../recurring/instalment-schedule';
import type { ChargeMissedInstalmentFine } from '../recurring/recurring-deposit-commands';
import type { RecurringDepositState } from '../recurring/recurring-deposit-state';

/**
 * The day-end commands due for a savings account on `businessDate`, in the order to send them:
 * AccrueInterest (when an accrual period ends that day), PostInterest (when a posting period ends and
 * there is, or will be, interest to credit), MarkDormant (when the dormancy period has run out).
 * Nothing for an unopened or closed account or a date before opening. Pure: the same state and date
 * give the same plan, and each command is idempotent for its date, so re-running a day-end (after a
 * crash, or twice) changes nothing. `today` is copied into the commands.
 * @throws DomainError NO_TERMS_IN_FORCE when the configuration does not cover the date.
 */
export function planSavingsAccountDayEnd(state: SavingsAccountState, businessDate: IsoDate, today: IsoDate, products: SavingsProducts): SavingsDayEndCommand[] {
  if (state === null || state.status === 'CLOSED' || businessDate < state.openedOn) return [];
  const schedule = savingsSchedule(products, state.product);
  const base = { accountId: state.accountId, businessDate, today };
  const commands: SavingsDayEndCommand[] = [];
  const periods = businessDate > state.interest.accruedThrough ? accrualPeriodsThrough(state, schedule, businessDate, false) : [];
  const accrualDue = periods.length > 0 && periods[periods.length - 1].to === businessDate;
  if (accrualDue) commands.push({ type: 'AccrueInterest', ...base });
  const unpostedDue = state.interest.unposted.some((entry) => entry.periodTo <= businessDate);
  if ((accrualDue || unpostedDue) && isPostingDate(schedule, businessDate)) commands.push({ type: 'PostInterest', ...base });
  if (state.status === 'ACTIVE' && dormancyDate(state, products) <= businessDate) commands.push({ type: 'MarkDormant', ...base });
  return commands;
}

/**
 * The day-end command due for a Recurring Deposit on `businessDate`: a missed-instalment fine on a
 * month's last day when that month's instalment is unpaid and not yet fined. Pure and idempotent as above.
 */
export function planRecurringDepositDayEnd(state: RecurringDepositState, businessDate: IsoDate, today: IsoDate): ChargeMissedInstalmentFine[] {
  if (state === null || instalmentToFine(state, businessDate) === null) return [];
  return [{ type: 'ChargeMissedInstalmentFine', accountId: state.accountId, businessDate, today }];
}

/**
 * The business dates a branch's day-end still has to run, oldest first: every date after
 * `lastCompleted` (null: start at `firstDate`) through `through`. Day-end catches up missed days by
 * running each date's plan in this order against the state left by the previous date.
 */
export function businessDatesToCatchUp(lastCompleted: IsoDate | null, through: IsoDate, firstDate: IsoDate = through): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = lastCompleted === null ? firstDate : shiftDays(lastCompleted, 1); date <= through; date = shiftDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * The idempotency key of a day-end command: `dayend/<businessDate>/<accountId>/<command type>`, so that a
 * re-run of the same day-end (after a crash, or by mistake) replays instead of deciding again.
 */
export function dayEndIdempotencyKey(command: { readonly type: string; readonly accountId: string; readonly businessDate: IsoDate }): string {
  return `dayend/${command.businessDate}/${command.accountId}/${command.type}`;
}
