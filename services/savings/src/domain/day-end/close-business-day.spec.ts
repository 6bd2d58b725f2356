import { fold, givenWhenThen, type IsoDate } from '@samabay/domain-kit';
import { createSavingsAccountDecider } from '../account/savings-account-decider';
import type { SavingsAccountEvent } from '../account/savings-account-events';
import type { SavingsAccount, SavingsAccountState } from '../account/savings-account-state';
import { createRecurringDepositDecider } from '../recurring/recurring-deposit-decider';
import type { RecurringDepositEvent } from '../recurring/recurring-deposit-events';
import type { RecurringDepositState } from '../recurring/recurring-deposit-state';
import { depositEvent, exampleMonth, openedEvent, SD, TF } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import { businessDatesToCatchUp, planRecurringDepositDayEnd, planSavingsAccountDayEnd } from './day-end-planner';

const decider = createSavingsAccountDecider(TEST_PRODUCTS);
const rd = createRecurringDepositDecider(TEST_PRODUCTS);
const TODAY = '2026-06-30';
const RD = 'SNG-000123-RD-01';

/** The planner's commands sent one by one for each date (the reference the one-command day-end must match). */
function plannedDayEnds(state: SavingsAccountState, dates: IsoDate[]): { events: SavingsAccountEvent[]; state: SavingsAccountState } {
  const events: SavingsAccountEvent[] = [];
  for (const date of dates) {
    for (const command of planSavingsAccountDayEnd(state, date, TODAY, TEST_PRODUCTS)) {
      const decided = decider.decide(command, state);
      events.push(...decided);
      state = fold(decider, decided, state);
    }
  }
  return { events, state };
}

/** CloseBusinessDay for each date in turn. */
function closedDays(state: SavingsAccountState, accountId: string, dates: IsoDate[]): { events: SavingsAccountEvent[]; state: SavingsAccountState } {
  const events: SavingsAccountEvent[] = [];
  for (const businessDate of dates) {
    const decided = decider.decide({ type: 'CloseBusinessDay', accountId, businessDate, today: TODAY }, state);
    events.push(...decided);
    state = fold(decider, decided, state);
  }
  return { events, state };
}

describe('CloseBusinessDay on a savings account', () => {
  const dates = businessDatesToCatchUp('2025-03-31', '2025-12-31');

  it.each([SD, TF])('appends, day by day, exactly what the planner’s separate commands append (%s)', (accountId) => {
    const history = fold(decider, exampleMonth(accountId));
    const reference = plannedDayEnds(history, dates);
    expect(reference.events.length).toBeGreaterThan(9);
    const daily = closedDays(history, accountId, dates);
    expect(daily.events).toEqual(reference.events);
    expect(daily.state).toEqual(reference.state);
  });

  it('catches up missed days in one command with the same events, dates and balance', () => {
    const history = fold(decider, exampleMonth(TF));
    const reference = plannedDayEnds(history, dates);
    const caughtUp = closedDays(history, TF, ['2025-12-31']);
    expect(caughtUp.events).toEqual(reference.events);
    expect(caughtUp.events.filter((event) => event.type === 'InterestPosted').map((event) => event.data.businessDate)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31']);
    expect((caughtUp.state as SavingsAccount).balancePaise).toBe((reference.state as SavingsAccount).balancePaise);
  });

  it('is idempotent: the same date again, an earlier date, or a date before opening append nothing', () => {
    const done = closedDays(fold(decider, exampleMonth(SD)), SD, ['2025-09-30']).state;
    givenWhenThen(decider).given([...exampleMonth(SD)]).when({ type: 'CloseBusinessDay', accountId: SD, businessDate: '2025-03-31', today: TODAY }).then([]);
    expect(decider.decide({ type: 'CloseBusinessDay', accountId: SD, businessDate: '2025-09-30', today: TODAY }, done)).toEqual([]);
    expect(decider.decide({ type: 'CloseBusinessDay', accountId: SD, businessDate: '2025-08-15', today: TODAY }, done)).toEqual([]);
  });

  it('marks an account dormant on the first day the dormancy period has run out, after accruing', () => {
    const quiet = fold(decider, [openedEvent(TF, '2023-06-01'), depositEvent('2023-06-01', 100_000, 100_000, TF)]);
    const reference = plannedDayEnds(quiet, businessDatesToCatchUp('2023-06-01', '2025-06-01'));
    const caughtUp = closedDays(quiet, TF, ['2025-06-01']);
    expect(caughtUp.events).toEqual(reference.events);
    expect(caughtUp.events.at(-1)).toEqual({ type: 'AccountMarkedDormant', data: { accountId: TF, businessDate: '2025-06-01', lastCustomerActivityOn: '2023-06-01' } });
  });

  it('rejects a business date after today and an account that does not exist', () => {
    givenWhenThen(decider).given(exampleMonth(SD)).when({ type: 'CloseBusinessDay', accountId: SD, businessDate: '2026-07-01', today: TODAY }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    givenWhenThen(decider).when({ type: 'CloseBusinessDay', accountId: SD, businessDate: '2025-04-30', today: TODAY }).thenThrows('ACCOUNT_NOT_FOUND', 'accountId');
  });
});

describe('CloseBusinessDay on a Recurring Deposit', () => {
  const opened = rd.decide(
    { type: 'OpenRecurringDeposit', accountId: RD, memberNo: 'SNG-000123', memberStatus: 'ACTIVE', instalmentPaise: 20_000, tenureYears: 1, businessDate: '2025-01-10', today: TODAY },
    null,
  );
  const paid = (businessDate: string, instalmentNo: number): RecurringDepositEvent => ({
    type: 'InstalmentPaid',
    data: { accountId: RD, businessDate, instalmentNo, amountPaise: 20_000, balancePaise: 20_000 * instalmentNo },
  });
  // Instalment 2 paid on time, 3 paid late (in April), 4 never.
  const history = [...opened, paid('2025-02-20', 2), paid('2025-04-05', 3)];

  function plannedFines(state: RecurringDepositState, dates: IsoDate[]): RecurringDepositEvent[] {
    const events: RecurringDepositEvent[] = [];
    for (const date of dates) {
      for (const command of planRecurringDepositDayEnd(state, date, TODAY)) {
        const decided = rd.decide(command, state);
        events.push(...decided);
        state = fold(rd, decided, state);
      }
    }
    return events;
  }

  it('fines the same months, with the same dates, whether run daily or caught up once', () => {
    const dates = businessDatesToCatchUp('2025-01-09', '2025-05-31');
    const reference = plannedFines(fold(rd, history), dates);
    expect(reference.map((event) => event.type === 'MissedInstalmentFined' && [event.data.businessDate, event.data.instalmentNo])).toEqual([
      ['2025-03-31', 3],
      ['2025-04-30', 4],
      ['2025-05-31', 5],
    ]);
    let state = fold(rd, history);
    const daily: RecurringDepositEvent[] = [];
    for (const businessDate of dates) {
      const decided = rd.decide({ type: 'CloseBusinessDay', accountId: RD, businessDate, today: TODAY }, state);
      daily.push(...decided);
      state = fold(rd, decided, state);
    }
    expect(daily).toEqual(reference);
    expect(rd.decide({ type: 'CloseBusinessDay', accountId: RD, businessDate: '2025-05-31', today: TODAY }, fold(rd, history))).toEqual(reference);
    expect(rd.decide({ type: 'CloseBusinessDay', accountId: RD, businessDate: '2025-05-31', today: TODAY }, state)).toEqual([]);
  });

  it('stops at the last instalment of the tenure and appends nothing for a closed deposit', () => {
    const afterTenure = rd.decide({ type: 'CloseBusinessDay', accountId: RD, businessDate: '2026-06-30', today: TODAY }, fold(rd, history));
    expect(afterTenure.map((event) => event.type === 'MissedInstalmentFined' && event.data.instalmentNo)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const closed = fold(rd, [
      ...history,
      {
        type: 'RecurringDepositClosedPrematurely',
        data: { accountId: RD, businessDate: '2025-04-10', monthsHeld: 3, heldPeriodRatePercent: '5.00', appliedRatePercent: '4', depositsPaise: 60_000, exactInterestPaise: '0', interestPaise: 0, finesDeductedPaise: 0, payoutPaise: 60_000, balancePaise: 0 },
      },
    ]);
    expect(rd.decide({ type: 'CloseBusinessDay', accountId: RD, businessDate: '2025-05-31', today: TODAY }, closed)).toEqual([]);
  });
});
