import { compareIsoDates, DomainError, parseIsoDate, ValidationError, type Decider, type IsoDate } from '@samabay/domain-kit';
import { addDays } from '../calendar';
import type { CompleteLoanDayEnd, LendingDayEndEvent, LendingDayEndState } from './day-end-events';

const BRANCH_CODE = /^[A-Z]{3}$/;

/**
 * The decider of a branch's lending day-end stream (`lendingDayEnd-<branchCode>`, DESIGN §9): business
 * dates complete strictly in order, one day after another, so that a missed day-end is caught up
 * before a later one is recorded. Completing the last completed date again decides nothing (idempotent
 * for the same date).
 * @throws ValidationError INVALID_BRANCH_CODE, BAD_DATE, INVALID_COUNT; DomainError
 *   DAY_END_ALREADY_PAST (a date before the last completed one) and DAY_END_OUT_OF_ORDER (a date after
 *   the day following the last completed one: run the missing dates first), both on businessDate.
 */
export const lendingDayEndDecider: Decider<CompleteLoanDayEnd, LendingDayEndEvent, LendingDayEndState> = {
  initialState: { firstCompleted: null, lastCompleted: null },
  evolve(state, event) {
    return { firstCompleted: state.firstCompleted ?? event.data.businessDate, lastCompleted: event.data.businessDate };
  },
  decide(command, state) {
    if (typeof command.branchCode !== 'string' || !BRANCH_CODE.test(command.branchCode)) {
      throw new ValidationError('branchCode', 'branch code must be three upper-case letters', 'INVALID_BRANCH_CODE');
    }
    const businessDate = parseIsoDate(command.businessDate, 'businessDate');
    for (const field of ['loansAged', 'loansSkipped', 'eventsAppended'] as const) {
      if (!Number.isSafeInteger(command[field]) || command[field] < 0) throw new ValidationError(field, `${field} must be a whole number`, 'INVALID_COUNT');
    }
    const next = nextDayEndDate(state);
    if (state.lastCompleted !== null && businessDate === state.lastCompleted) return [];
    if (state.lastCompleted !== null && compareIsoDates(businessDate, state.lastCompleted) < 0) {
      throw new DomainError('DAY_END_ALREADY_PAST', `the branch's lending day-end has already run through ${state.lastCompleted}`, 'businessDate');
    }
    if (next !== null && businessDate !== next) {
      throw new DomainError('DAY_END_OUT_OF_ORDER', `the lending day-end of ${next} must run first`, 'businessDate');
    }
    const { branchCode, loansAged, loansSkipped, eventsAppended } = command;
    return [{ type: 'LoanDayEndCompleted', data: { branchCode, businessDate, loansAged, loansSkipped, eventsAppended } }];
  },
};

/** The next business date the branch's day-end must run: the day after the last completed one; null before the first run (any date may start). */
export function nextDayEndDate(state: LendingDayEndState): IsoDate | null {
  return state.lastCompleted === null ? null : addDays(state.lastCompleted, 1);
}

/**
 * The business dates a day-end run through `through` must age, oldest first (catching up missed days):
 * every date from the day after the last completed one through `through`; just `through` on the first
 * run; none when `through` was already completed.
 * @throws DomainError DAY_END_ALREADY_PAST (businessDate) for a date before the last completed one.
 */
export function dayEndDatesThrough(state: LendingDayEndState, through: IsoDate): IsoDate[] {
  const target = parseIsoDate(through, 'businessDate');
  if (state.lastCompleted === null) return [target];
  const order = compareIsoDates(target, state.lastCompleted);
  if (order === 0) return [];
  if (order < 0) throw new DomainError('DAY_END_ALREADY_PAST', `the branch's lending day-end has already run through ${state.lastCompleted}`, 'businessDate');
  const dates: IsoDate[] = [];
  for (let date = addDays(state.lastCompleted, 1); compareIsoDates(date, target) <= 0; date = addDays(date, 1)) dates.push(date);
  return dates;
}
