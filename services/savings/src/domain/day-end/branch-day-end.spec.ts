import { givenWhenThen } from '@samabay/domain-kit';
import { branchDayEndDecider, savingsDayEndStreamId, type SavingsBusinessDayClosed } from './branch-day-end';

const closed = (businessDate: string): SavingsBusinessDayClosed => ({ type: 'SavingsBusinessDayClosed', data: { branchCode: 'SNG', businessDate, accountsClosed: 2, eventsAppended: 3 } });
const close = (businessDate: string, today = '2026-06-30') => ({ type: 'CloseBranchBusinessDay', branchCode: 'SNG', businessDate, today, accountsClosed: 2, eventsAppended: 3 }) as const;

describe('the branch day-end checkpoint', () => {
  it('names its stream after the branch', () => {
    expect(savingsDayEndStreamId('KLG')).toBe('savingsDayEnd-KLG');
  });

  it('closes a first day, then only the next day', () => {
    givenWhenThen(branchDayEndDecider).when(close('2026-05-31')).then([closed('2026-05-31')]);
    givenWhenThen(branchDayEndDecider).given([closed('2026-05-31')]).when(close('2026-06-01')).then([closed('2026-06-01')]);
  });

  it('never closes a day twice or out of order', () => {
    givenWhenThen(branchDayEndDecider).given([closed('2026-05-31')]).when(close('2026-05-31')).thenThrows('DAY_ALREADY_CLOSED', 'businessDate');
    givenWhenThen(branchDayEndDecider).given([closed('2026-05-31')]).when(close('2026-05-20')).thenThrows('DAY_ALREADY_CLOSED', 'businessDate');
    givenWhenThen(branchDayEndDecider).given([closed('2026-05-31')]).when(close('2026-06-02')).thenThrows('DAY_END_OUT_OF_ORDER', 'businessDate');
  });

  it('rejects a future business date and a malformed branch code', () => {
    givenWhenThen(branchDayEndDecider).when(close('2026-07-01')).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    givenWhenThen(branchDayEndDecider).when({ ...close('2026-05-31'), branchCode: 'sng' }).thenThrows('INVALID_BRANCH_CODE', 'branchCode');
  });
});
