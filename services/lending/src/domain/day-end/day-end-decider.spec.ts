import { givenWhenThen } from '@samabay/domain-kit';
import { dayEndDatesThrough, lendingDayEndDecider, nextDayEndDate } from './day-end-decider';
import type { CompleteLoanDayEnd, LoanDayEndCompleted } from './day-end-events';

const complete = (businessDate: string, loansAged = 3): CompleteLoanDayEnd => ({ type: 'CompleteLoanDayEnd', branchCode: 'SNG', businessDate, loansAged, loansSkipped: 0, eventsAppended: 1 });
const completed = (businessDate: string, loansAged = 3): LoanDayEndCompleted => ({
  type: 'LoanDayEndCompleted',
  data: { branchCode: 'SNG', businessDate, loansAged, loansSkipped: 0, eventsAppended: 1 },
});

describe('lending day-end decider (DESIGN §9)', () => {
  const spec = givenWhenThen(lendingDayEndDecider);

  it('starts on any date, then completes one date after another', () => {
    spec.when(complete('2024-03-31')).then([completed('2024-03-31')]);
    spec.given([completed('2024-03-31')]).when(complete('2024-04-01')).then([completed('2024-04-01')]);
  });

  it('is idempotent for the date already completed', () => {
    spec.given([completed('2024-03-31')]).when(complete('2024-03-31', 9)).then([]);
  });

  it('refuses an earlier date and a gap', () => {
    spec.given([completed('2024-03-30'), completed('2024-03-31')]).when(complete('2024-03-30')).thenThrows('DAY_END_ALREADY_PAST', 'businessDate');
    spec.given([completed('2024-03-31')]).when(complete('2024-04-02')).thenThrows('DAY_END_OUT_OF_ORDER', 'businessDate');
  });

  it('validates its input', () => {
    spec.when({ ...complete('2024-03-31'), branchCode: 'sng' }).thenThrows('INVALID_BRANCH_CODE', 'branchCode');
    spec.when(complete('2024-02-30')).thenThrows('BAD_DATE', 'businessDate');
    spec.when({ ...complete('2024-03-31'), loansAged: -1 }).thenThrows('INVALID_COUNT', 'loansAged');
  });

  it('lists the dates a run must catch up, oldest first', () => {
    const state = { firstCompleted: '2024-02-27', lastCompleted: '2024-02-27' };
    expect(nextDayEndDate(state)).toBe('2024-02-28');
    expect(dayEndDatesThrough(state, '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dayEndDatesThrough(state, '2024-02-27')).toEqual([]);
    expect(() => dayEndDatesThrough(state, '2024-02-26')).toThrow(expect.objectContaining({ code: 'DAY_END_ALREADY_PAST' }));
    expect(dayEndDatesThrough({ firstCompleted: null, lastCompleted: null }, '2024-03-01')).toEqual(['2024-03-01']);
    expect(nextDayEndDate({ firstCompleted: null, lastCompleted: null })).toBeNull();
  });
});
