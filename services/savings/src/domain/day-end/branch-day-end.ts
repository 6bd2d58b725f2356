import { DomainError, ValidationError, type Decider, type DomainEvent, type IsoDate } from '@samabay/domain-kit';
import { shiftDays } from '../calendar/day-number';
import { requireBusinessDate } from '../shared/business-dates';

/** Stream of a branch's savings day-end checkpoint: 'savingsDayEnd-SNG'. */
export function savingsDayEndStreamId(branchCode: string): string {
  return `savingsDayEnd-${branchCode}`;
}

/**
 * Close the branch's savings business day once every account's day-end for it was accepted.
 * `accountsClosed` and `eventsAppended` are what the run reports (audit figures, not rules).
 */
export interface CloseBranchBusinessDay {
  readonly type: 'CloseBranchBusinessDay';
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  readonly today: IsoDate;
  readonly accountsClosed: number;
  readonly eventsAppended: number;
}

/** The branch's savings day-end for `businessDate` completed: every account is done through that date. */
export type SavingsBusinessDayClosed = DomainEvent<
  'SavingsBusinessDayClosed',
  { readonly branchCode: string; readonly businessDate: IsoDate; readonly accountsClosed: number; readonly eventsAppended: number }
>;

/** The checkpoint: the last business date closed (null before the first day-end). */
export interface BranchDayEndState {
  readonly lastClosed: IsoDate | null;
}

const BRANCH_CODE = /^[A-Z]{3}$/;

/** @throws ValidationError INVALID_BRANCH_CODE (field branchCode) unless three capital letters. */
export function requireBranchCode(value: unknown): string {
  if (typeof value !== 'string' || !BRANCH_CODE.test(value)) throw new ValidationError('branchCode', 'branchCode must be three capital letters, e.g. SNG', 'INVALID_BRANCH_CODE');
  return value;
}

/**
 * The day-end checkpoint of a branch (stream `savingsDayEnd-<branch>`, DESIGN §9): days close one
 * after another, never twice, never out of order — so a checkpoint is the proof that every earlier
 * day is closed too, and two day-end runs racing for the same day cannot both close it (expected revision).
 * @throws ValidationError INVALID_BRANCH_CODE, BAD_DATE, BUSINESS_DATE_IN_FUTURE; DomainError DAY_ALREADY_CLOSED,
 *   DAY_END_OUT_OF_ORDER (both field businessDate; details.lastClosed).
 */
export const branchDayEndDecider: Decider<CloseBranchBusinessDay, SavingsBusinessDayClosed, BranchDayEndState> = {
  initialState: { lastClosed: null },
  evolve: (_state, event) => ({ lastClosed: event.data.businessDate }),
  decide(command, state) {
    const branchCode = requireBranchCode(command.branchCode);
    const businessDate = requireBusinessDate(command.businessDate, command.today);
    const { lastClosed } = state;
    if (lastClosed !== null && businessDate <= lastClosed) {
      throw new DomainError('DAY_ALREADY_CLOSED', `the savings day-end of ${branchCode} is closed through ${lastClosed}`, 'businessDate', { lastClosed });
    }
    if (lastClosed !== null && businessDate !== shiftDays(lastClosed, 1)) {
      throw new DomainError('DAY_END_OUT_OF_ORDER', `close ${shiftDays(lastClosed, 1)} first`, 'businessDate', { lastClosed });
    }
    const { accountsClosed, eventsAppended } = command;
    return [{ type: 'SavingsBusinessDayClosed', data: { branchCode, businessDate, accountsClosed, eventsAppended } }];
  },
};
