import { givenWhenThen, type IsoDate } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { accruedEvent, depositEvent, exampleMonth, MEMBER, openedEvent, SD, TF } from '../testing/savings-account-fixtures';
import { runCommands } from '../testing/run-commands';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import type { AccrueInterest, PostInterest, SavingsAccountCommand } from './savings-account-commands';
import { createSavingsAccountDecider } from './savings-account-decider';
import type { InterestAccrued, InterestPosted, SavingsAccountEvent } from './savings-account-events';

const decider = createSavingsAccountDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const accrue = (businessDate: IsoDate, accountId = SD, today = '2026-01-01'): AccrueInterest => ({ type: 'AccrueInterest', accountId, businessDate, today });
const post = (businessDate: IsoDate, accountId = SD, today = '2026-01-01'): PostInterest => ({ type: 'PostInterest', accountId, businessDate, today });
const accruedAmounts = (events: SavingsAccountEvent[]) => events.filter((event): event is InterestAccrued => event.type === 'InterestAccrued').map((event) => event.data.amountPaise);

/** Minimum balance Rs 7,000 × 4% / 12 (issue 4's example) and Rs 27,000 for a whole month. */
const APRIL_SD = accruedEvent(SD, '2025-04-01', '2025-04-30', 'MINIMUM_BALANCE', '2333.3333333333333333', 2333, 2333);
const MAY_SD = accruedEvent(SD, '2025-05-01', '2025-05-31', 'MINIMUM_BALANCE', '9000', 9000, 11_333);
const JUNE_SD = accruedEvent(SD, '2025-06-01', '2025-06-30', 'MINIMUM_BALANCE', '9000', 9000, 20_333);

describe('savings account: AccrueInterest', () => {
  it('accrues the published example by the minimum-balance method: Rs 23.33', () => {
    spec.given(exampleMonth(SD)).when(accrue('2025-04-30')).then([APRIL_SD]);
  });

  it('accrues the published example by daily product on 365 days: Rs 43.62', () => {
    spec.given(exampleMonth(TF)).when(accrue('2025-04-30', TF)).then([accruedEvent(TF, '2025-04-01', '2025-04-30', 'DAILY_PRODUCT', '4361.6438356164383561', 4362, 4362)]);
  });

  it('is idempotent for the same business date and does nothing for a closed account', () => {
    spec.given([...exampleMonth(SD), APRIL_SD]).when(accrue('2025-04-30')).then([]);
    spec.given([...exampleMonth(SD), APRIL_SD]).when(accrue('2025-04-29')).then([]);
    const closed: SavingsAccountEvent = { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-28', payoutPaise: 2_700_000, balancePaise: 0 } };
    spec.given([...exampleMonth(SD), closed]).when(accrue('2025-04-30')).then([]);
  });

  it('catches up every missed accrual period in order, each rounded once', () => {
    spec.given(exampleMonth(SD)).when(accrue('2025-05-31')).then([APRIL_SD, MAY_SD]);
  });

  it('rejects a date that does not end an accrual period, a date before opening, and a future date', () => {
    spec.given(exampleMonth(SD)).when(accrue('2025-04-15')).thenThrows('NOT_AN_ACCRUAL_DATE', 'businessDate');
    spec.given(exampleMonth(SD)).when(accrue('2025-03-31')).thenThrows('BUSINESS_DATE_BEFORE_OPENING', 'businessDate');
    spec.given(exampleMonth(SD)).when(accrue('2025-04-30', SD, '2025-04-29')).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
  });

  it('leaves out a deposit dated after the accrual date even when it was recorded first (day-end catching up)', () => {
    const lateDayEnd = [...exampleMonth(SD), depositEvent('2025-05-02', 100_000, 2_800_000)];
    spec.given(lateDayEnd).when(accrue('2025-04-30')).then([APRIL_SD]);
    const { events } = runCommands(decider, lateDayEnd, [accrue('2025-04-30'), accrue('2025-05-31')]);
    expect(accruedAmounts(events)).toEqual([2333, 9333]); // May's minimum from the 10th is Rs 28,000, the deposit included
  });

  it('refuses to accrue past a posting date whose interest is not yet posted (compounding order)', () => {
    spec.given([...exampleMonth(SD), APRIL_SD, MAY_SD, JUNE_SD]).when(accrue('2025-07-31')).thenThrows('INTEREST_POSTING_DUE', 'businessDate');
  });
});

describe('savings account: PostInterest', () => {
  const quarter = [...exampleMonth(SD), APRIL_SD, MAY_SD, JUNE_SD];
  const posted: InterestPosted = {
    type: 'InterestPosted',
    data: { accountId: SD, businessDate: '2025-06-30', periodFrom: '2025-04-01', periodTo: '2025-06-30', amountPaise: 20_333, balancePaise: 2_720_333 },
  };

  it('credits the quarter\'s accruals at the quarter end with the resulting balance', () => {
    spec.given(quarter).when(post('2025-06-30')).then([posted]);
  });

  it('is idempotent for the same business date', () => {
    spec.given([...quarter, posted]).when(post('2025-06-30')).then([]);
  });

  it('rejects a date that does not end a posting period, and a posting before its accrual', () => {
    spec.given(quarter).when(post('2025-05-31')).thenThrows('NOT_A_POSTING_DATE', 'businessDate');
    spec.given([...exampleMonth(SD), APRIL_SD, MAY_SD]).when(post('2025-06-30')).thenThrows('INTEREST_NOT_ACCRUED', 'businessDate');
  });

  it('lets posted interest earn from the next day (daily product)', () => {
    const commands: SavingsAccountCommand[] = ['2025-04-30', '2025-05-31', '2025-06-30'].map((date) => accrue(date, TF));
    const { events } = runCommands(decider, exampleMonth(TF), [...commands, post('2025-06-30', TF), accrue('2025-07-31', TF)]);
    const postedTf = events.find((event): event is InterestPosted => event.type === 'InterestPosted');
    expect(postedTf?.data).toMatchObject({ amountPaise: 4362 + 9173 + 8877, balancePaise: 2_700_000 + 22_412 });
    const july = new Decimal(2_722_412).times(31).times(4).dividedBy(36_500);
    expect(events[events.length - 1].data).toMatchObject({ periodFrom: '2025-07-01', exactInterestPaise: july.toFixed(), amountPaise: 9249 });
  });
});

describe('savings account: a rate change applies from its date forward only', () => {
  it('weights July 2030 by the days at 4% (1st–14th) and at 6% (15th–31st); June stays at 4%', () => {
    const history: SavingsAccountEvent[] = [openedEvent(SD, '2030-05-01'), depositEvent('2030-05-01', 1_000_000, 1_000_000)];
    const { events } = runCommands(decider, history, [accrue('2030-05-31', SD, '2031-01-01'), accrue('2030-06-30', SD, '2031-01-01'), post('2030-06-30', SD, '2031-01-01'), accrue('2030-07-31', SD, '2031-01-01')]);
    expect(accruedAmounts(events)).toEqual([3333, 3333, expect.any(Number)]);
    const july = events[events.length - 1] as InterestAccrued;
    const expected = new Decimal(1_006_666).times(14 * 4 + 17 * 6).dividedBy(1200 * 31);
    expect(july.data.ratesPercent).toEqual(['4', '6']);
    expect(july.data.exactInterestPaise).toBe(expected.toFixed());
    expect(july.data.amountPaise).toBe(4276);
  });
});

describe('savings account: interest on an account opened mid-month', () => {
  it('earns nothing for the opening month under the minimum-balance method when opened after the 10th', () => {
    const history: SavingsAccountEvent[] = [openedEvent(SD, '2025-04-11'), depositEvent('2025-04-11', 1_000_000, 1_000_000)];
    spec.given(history).when(accrue('2025-04-30')).then([accruedEvent(SD, '2025-04-11', '2025-04-30', 'MINIMUM_BALANCE', '0', 0, 0)]);
  });

  it('earns for the days held under daily product', () => {
    const history: SavingsAccountEvent[] = [openedEvent(TF, '2025-04-11'), { type: 'DepositRecorded', data: { accountId: TF, businessDate: '2025-04-11', amountPaise: 1_000_000, balancePaise: 1_000_000 } }];
    const exact = new Decimal(1_000_000).times(20).times(4).dividedBy(36_500);
    spec.given(history).when(accrue('2025-04-30', TF)).then([accruedEvent(TF, '2025-04-11', '2025-04-30', 'DAILY_PRODUCT', exact.toFixed(), 2192, 2192)]);
    expect(MEMBER).toBe('SNG-000123');
  });
});
