import { fold, validateCommandContext, type IsoDate } from '@samabay/domain-kit';
import { createSavingsAccountDecider } from '../account/savings-account-decider';
import type { SavingsAccountEvent } from '../account/savings-account-events';
import type { SavingsAccount, SavingsAccountState } from '../account/savings-account-state';
import { createRecurringDepositDecider } from '../recurring/recurring-deposit-decider';
import type { RecurringDepositEvent } from '../recurring/recurring-deposit-events';
import { accruedEvent, depositEvent, exampleMonth, openedEvent, SD, TF } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import { businessDatesToCatchUp, dayEndIdempotencyKey, planRecurringDepositDayEnd, planSavingsAccountDayEnd } from './day-end-planner';

const decider = createSavingsAccountDecider(TEST_PRODUCTS);
const TODAY = '2026-06-30';
const plan = (events: SavingsAccountEvent[], date: IsoDate) => planSavingsAccountDayEnd(fold(decider, events), date, TODAY, TEST_PRODUCTS).map((command) => command.type);

/** Runs day-end for each date in order (plan → decide → fold), as the application does; returns the new events and state. */
function runDayEnds(state: SavingsAccountState, dates: IsoDate[]): { events: SavingsAccountEvent[]; state: SavingsAccountState } {
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

describe('day-end planner: savings accounts', () => {
  const april = accruedEvent(SD, '2025-04-01', '2025-04-30', 'MINIMUM_BALANCE', '2333.3333333333333333', 2333, 2333);
  const may = accruedEvent(SD, '2025-05-01', '2025-05-31', 'MINIMUM_BALANCE', '9000', 9000, 11_333);

  it('plans accrual on a month end, accrual and posting on a quarter end, nothing on other days', () => {
    expect(plan(exampleMonth(SD), '2025-04-15')).toEqual([]);
    expect(plan(exampleMonth(SD), '2025-04-30')).toEqual(['AccrueInterest']);
    expect(plan([...exampleMonth(SD), april, may], '2025-06-30')).toEqual(['AccrueInterest', 'PostInterest']);
  });

  it('plans nothing once the date is done, for a closed account, or before opening', () => {
    expect(plan([...exampleMonth(SD), april], '2025-04-30')).toEqual([]);
    expect(plan([...exampleMonth(SD), { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-20', payoutPaise: 2_700_000, balancePaise: 0 } }], '2025-04-30')).toEqual([]);
    expect(plan(exampleMonth(SD), '2025-03-31')).toEqual([]);
    expect(planSavingsAccountDayEnd(null, '2025-04-30', TODAY, TEST_PRODUCTS)).toEqual([]);
  });

  it('plans dormancy once the dormancy period has run out', () => {
    const quiet: SavingsAccountEvent[] = [openedEvent(TF, '2023-06-01'), depositEvent('2023-06-01', 100_000, 100_000, TF)];
    const before = runDayEnds(fold(decider, quiet), businessDatesToCatchUp('2023-06-01', '2025-05-30')).state;
    expect(planSavingsAccountDayEnd(before, '2025-05-31', TODAY, TEST_PRODUCTS).map((command) => command.type)).toEqual(['AccrueInterest']);
    const after = runDayEnds(before, ['2025-05-31']).state;
    expect(planSavingsAccountDayEnd(after, '2025-06-01', TODAY, TEST_PRODUCTS).map((command) => command.type)).toEqual(['MarkDormant']);
    expect(runDayEnds(after, ['2025-06-01']).state?.status).toBe('DORMANT');
  });

  it('is idempotent: running the same dates again appends nothing', () => {
    const dates = businessDatesToCatchUp('2025-03-31', '2025-12-31');
    const first = runDayEnds(fold(decider, exampleMonth(TF)), dates);
    expect(first.events.filter((event) => event.type === 'InterestPosted').map((event) => event.data.businessDate)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31']);
    expect(runDayEnds(first.state, dates).events).toEqual([]);
  });

  it('gives the same balances when killed mid-way and re-run from an earlier date', () => {
    const dates = businessDatesToCatchUp('2025-03-31', '2025-12-31');
    const uninterrupted = runDayEnds(fold(decider, exampleMonth(TF)), dates);
    const partial = runDayEnds(fold(decider, exampleMonth(TF)), businessDatesToCatchUp('2025-03-31', '2025-08-15'));
    const resumed = runDayEnds(partial.state, businessDatesToCatchUp('2025-06-30', '2025-12-31'));
    expect([...partial.events, ...resumed.events]).toEqual(uninterrupted.events);
    expect(resumed.state).toEqual(uninterrupted.state);
    const posted = uninterrupted.events.flatMap((event) => (event.type === 'InterestPosted' ? [event.data.amountPaise] : []));
    expect((resumed.state as SavingsAccount).balancePaise).toBe(2_700_000 + posted.reduce((sum, amount) => sum + amount, 0));
    expect(posted[0]).toBe(4362 + 9173 + 8877);
  });
});

describe('day-end planner: recurring deposits', () => {
  const rd = createRecurringDepositDecider(TEST_PRODUCTS);
  const opened = rd.decide(
    { type: 'OpenRecurringDeposit', accountId: 'SNG-000123-RD-01', memberNo: 'SNG-000123', memberStatus: 'ACTIVE', instalmentPaise: 5_000, tenureYears: 1, businessDate: '2025-01-10', today: '2025-01-10' },
    null,
  );

  it('plans a fine on the month end of an unpaid instalment, then nothing once fined', () => {
    const state = fold(rd, opened);
    expect(planRecurringDepositDayEnd(state, '2025-02-27', TODAY)).toEqual([]);
    const [command] = planRecurringDepositDayEnd(state, '2025-02-28', TODAY);
    expect(command).toEqual({ type: 'ChargeMissedInstalmentFine', accountId: 'SNG-000123-RD-01', businessDate: '2025-02-28', today: TODAY });
    const fined: RecurringDepositEvent[] = rd.decide(command, state);
    expect(planRecurringDepositDayEnd(fold(rd, fined, state), '2025-02-28', TODAY)).toEqual([]);
    expect(planRecurringDepositDayEnd(null, '2025-02-28', TODAY)).toEqual([]);
  });
});

describe('day-end helpers', () => {
  it('lists the dates to catch up, oldest first', () => {
    expect(businessDatesToCatchUp('2025-02-26', '2025-03-02')).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
    expect(businessDatesToCatchUp('2025-03-02', '2025-03-02')).toEqual([]);
    expect(businessDatesToCatchUp(null, '2025-03-02', '2025-03-01')).toEqual(['2025-03-01', '2025-03-02']);
  });

  it('derives a valid, stable idempotency key per date, account and command', () => {
    const key = dayEndIdempotencyKey({ type: 'AccrueInterest', accountId: SD, businessDate: '2025-04-30' });
    expect(key).toBe('dayend/2025-04-30/SNG-000123-SD-01/AccrueInterest');
    expect(() => validateCommandContext({ idempotencyKey: key, businessDate: '2025-04-30', actor: { userId: 'day-end', role: 'admin', branchCode: 'SNG' } })).not.toThrow();
  });
});
