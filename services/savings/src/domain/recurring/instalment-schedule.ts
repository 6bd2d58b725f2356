import type { IsoDate } from '@samabay/domain-kit';
import { isMonthEnd, monthsBetweenMonths } from '../calendar/months';
import type { RecurringDeposit } from './recurring-deposit-state';

/**
 * The instalment number whose month contains `date` (1 in the opening month, 2 in the next, …), by
 * calendar months since the opening date; may exceed the instalment count after the last month.
 */
export function instalmentMonthOf(deposit: Pick<RecurringDeposit, 'openedOn'>, date: IsoDate): number {
  return monthsBetweenMonths(deposit.openedOn, date) + 1;
}

/**
 * The instalment to fine at day-end on `date`, or null: `date` must be a month's last day, the month's
 * instalment must belong to the tenure, not be fined yet, and still be unpaid counting only payments
 * dated on or before `date` (so a day-end that catches up later judges each day as it stood).
 */
export function instalmentToFine(deposit: RecurringDeposit, date: IsoDate): number | null {
  if (deposit.status !== 'ACTIVE' || !isMonthEnd(date) || date < deposit.openedOn) return null;
  const instalmentNo = instalmentMonthOf(deposit, date);
  if (instalmentNo > deposit.contract.instalmentCount || instalmentNo <= deposit.lastFinedInstalment) return null;
  const paidByDate = deposit.payments.filter((payment) => payment.paidOn <= date).length;
  return paidByDate >= instalmentNo ? null : instalmentNo;
}
