import { fold, givenWhenThen } from '@samabay/domain-kit';
import { MIS_TERMS, TEST_PRODUCTS } from '../testing/savings-test-products';
import type { CloseMonthlyIncomeAtMaturity, CloseMonthlyIncomePrematurely, OpenMonthlyIncomeDeposit, PayMonthlyIncome } from './monthly-income-commands';
import { incomeMonthsDueBy, type MonthlyIncomeContract } from './monthly-income-contract';
import { createMonthlyIncomeDecider } from './monthly-income-decider';
import type { MonthlyIncomeEvent } from './monthly-income-events';

const decider = createMonthlyIncomeDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const MI = 'SNG-000123-MI-01';
const MEMBER = 'SNG-000123';
const SD = 'SNG-000123-SD-01';
const open: OpenMonthlyIncomeDeposit = {
  type: 'OpenMonthlyIncomeDeposit',
  accountId: MI,
  memberNo: MEMBER,
  memberStatus: 'ACTIVE',
  principalPaise: 10_000_000,
  tenureMonths: 36,
  payoutAccountId: SD,
  businessDate: '2025-01-31',
  today: '2025-01-31',
};
// Rs 1,00,000 at 7.5% p.a. simple → Rs 625.00 a month.
const contract: MonthlyIncomeContract = {
  principalPaise: 10_000_000,
  tenureMonths: 36,
  maturityDate: '2028-01-31',
  annualRatePercent: '7.50',
  monthlyPayoutPaise: 62_500,
  payoutAccountId: SD,
  rates: MIS_TERMS.rates,
  prematurePenaltyPercentagePoints: '1.00',
  payoutRounding: { mode: 'HALF_UP', unitPaise: 1 },
};
const opened: MonthlyIncomeEvent[] = [
  { type: 'MonthlyIncomeDepositOpened', data: { accountId: MI, businessDate: '2025-01-31', memberNo: MEMBER, branchCode: 'SNG', contract, amountPaise: 10_000_000, balancePaise: 10_000_000 } },
];
const pay = (month: number, businessDate: string): PayMonthlyIncome => ({ type: 'PayMonthlyIncome', accountId: MI, month, businessDate, today: businessDate });
/** Income months 1 … count, each paid on its due date. */
const paidThrough = (count: number): MonthlyIncomeEvent[] => {
  const events: MonthlyIncomeEvent[] = [];
  for (let month = 1; month <= count; month += 1) {
    const state = fold(decider, [...opened, ...events]);
    const dueOn = new Date(Date.UTC(2025, month + 1, 0)).toISOString().slice(0, 10); // opened 31 Jan: month n due on the last day of the month n later
    events.push(...decider.decide(pay(month, dueOn), state));
  }
  return events;
};

describe('monthly income scheme: opening', () => {
  it('opens with the tenure\'s rate and a monthly income of principal × rate / 1200 (Rs 1,00,000 at 7.5% → Rs 625.00)', () => {
    spec.when(open).then(opened);
  });

  it('rejects bad input and appends nothing', () => {
    spec.when({ ...open, tenureMonths: 24 }).thenThrows('TENURE_NOT_OFFERED', 'tenureMonths');
    spec.when({ ...open, principalPaise: 99_999 }).thenThrows('DEPOSIT_BELOW_MINIMUM', 'principalPaise');
    spec.when({ ...open, principalPaise: -1 }).thenThrows('AMOUNT_NOT_POSITIVE', 'principalPaise');
    spec.when({ ...open, payoutAccountId: 'SNG-000124-SD-01' }).thenThrows('NOT_OWN_ACCOUNT', 'payoutAccountId');
    spec.when({ ...open, payoutAccountId: 'SNG-000123-FD-01' }).thenThrows('PAYOUT_ACCOUNT_NOT_SUPPORTED', 'payoutAccountId');
    spec.when({ ...open, payoutAccountId: 'nonsense' }).thenThrows('INVALID_ACCOUNT_ID', 'payoutAccountId');
    spec.when({ ...open, memberStatus: 'INACTIVE' }).thenThrows('MEMBER_NOT_ACTIVE', 'memberStatus');
    spec.when({ ...open, accountId: 'SNG-000123-FD-01' }).thenThrows('ACCOUNT_ID_MISMATCH', 'accountId');
    spec.given(opened).when(open).thenThrows('ACCOUNT_ALREADY_OPEN', 'accountId');
  });
});

describe('monthly income scheme: monthly income', () => {
  it('pays month 1 on its due date (opening + 1 month, clamped: 31 Jan → 28 Feb) into the payout account', () => {
    spec.given(opened).when(pay(1, '2025-02-28')).then([
      { type: 'MonthlyIncomePaid', data: { accountId: MI, businessDate: '2025-02-28', month: 1, dueOn: '2025-02-28', amountPaise: 62_500, payoutAccountId: SD, paidOutPaise: 62_500, balancePaise: 10_000_000 } },
    ]);
  });

  it('is idempotent per month: a month already paid gives no events', () => {
    spec.given([...opened, ...paidThrough(2)]).when(pay(2, '2025-04-10')).then([]);
    spec.given([...opened, ...paidThrough(2)]).when(pay(1, '2025-04-10')).then([]);
  });

  it('pays late months in order and rejects a month not yet due, out of order or outside the tenure', () => {
    spec.given(opened).when(pay(1, '2025-05-05')).then([
      { type: 'MonthlyIncomePaid', data: { accountId: MI, businessDate: '2025-05-05', month: 1, dueOn: '2025-02-28', amountPaise: 62_500, payoutAccountId: SD, paidOutPaise: 62_500, balancePaise: 10_000_000 } },
    ]);
    spec.given(opened).when(pay(1, '2025-02-27')).thenThrows('INCOME_NOT_YET_DUE', 'businessDate');
    spec.given(opened).when(pay(2, '2025-05-05')).thenThrows('EARLIER_MONTH_UNPAID', 'month');
    spec.given(opened).when(pay(0, '2025-05-05')).thenThrows('INVALID_MONTH', 'month');
    spec.given(opened).when(pay(37, '2028-05-05')).thenThrows('INVALID_MONTH', 'month');
    spec.when(pay(1, '2025-05-05')).thenThrows('ACCOUNT_NOT_FOUND', 'accountId');
  });

  it('counts the months due by a date', () => {
    expect(incomeMonthsDueBy('2025-01-31', 36, '2025-02-27')).toBe(0);
    expect(incomeMonthsDueBy('2025-01-31', 36, '2025-02-28')).toBe(1);
    expect(incomeMonthsDueBy('2025-01-31', 36, '2025-04-30')).toBe(3);
    expect(incomeMonthsDueBy('2025-01-31', 36, '2030-01-01')).toBe(36);
  });
});

describe('monthly income scheme: closure', () => {
  const atMaturity: CloseMonthlyIncomeAtMaturity = { type: 'CloseMonthlyIncomeAtMaturity', accountId: MI, memberNo: MEMBER, payout: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: SD }, businessDate: '2028-01-31', today: '2028-01-31' };
  const prematurely = (businessDate: string): CloseMonthlyIncomePrematurely => ({ type: 'CloseMonthlyIncomePrematurely', accountId: MI, memberNo: MEMBER, payout: { kind: 'CASH' }, businessDate, today: businessDate });

  it('returns the principal at maturity once every month is paid', () => {
    spec.given([...opened, ...paidThrough(36)]).when(atMaturity).then([
      {
        type: 'MonthlyIncomeDepositClosedAtMaturity',
        data: { accountId: MI, businessDate: '2028-01-31', principalPaise: 10_000_000, paidOutPaise: 2_250_000, payoutPaise: 10_000_000, payout: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: SD }, balancePaise: 0 },
      },
    ]);
    const error = spec.given([...opened, ...paidThrough(35)]).when(atMaturity).thenThrows('INCOME_OUTSTANDING', 'accountId');
    expect(error.details).toEqual({ monthsUnpaid: 1 });
    spec.given([...opened, ...paidThrough(35)]).when({ ...atMaturity, businessDate: '2028-01-30', today: '2028-01-30' }).thenThrows('NOT_YET_MATURE', 'businessDate');
  });

  it('recovers income paid beyond the held period\'s rate minus one point: 14 months at 7.50 − 1 = 6.5% → Rs 7,583.33 due, Rs 1,166.67 recovered', () => {
    spec.given([...opened, ...paidThrough(14)]).when(prematurely('2026-04-15')).then([
      {
        type: 'MonthlyIncomeDepositClosedPrematurely',
        data: {
          accountId: MI,
          businessDate: '2026-04-15',
          monthsHeld: 14,
          heldPeriodRatePercent: '7.50',
          appliedRatePercent: '6.5',
          principalPaise: 10_000_000,
          paidOutPaise: 875_000,
          interestDuePaise: 758_333,
          recoveryPaise: 116_667,
          interestOwedPaise: 0,
          payoutPaise: 9_883_333,
          payout: { kind: 'CASH' },
          balancePaise: 0,
        },
      },
    ]);
  });

  it('pays income due and unpaid on premature closure, and stops paying income after closure', () => {
    // 5 months held, nothing paid: 4.00 − 1 = 3% → 10,000,000 × 3 × 5 / 1200 = 125,000 owed.
    const [closed] = decider.decide(prematurely('2025-07-01'), fold(decider, opened));
    expect(closed.data).toMatchObject({ monthsHeld: 5, appliedRatePercent: '3', interestOwedPaise: 125_000, recoveryPaise: 0, payoutPaise: 10_125_000 });
    spec.given([...opened, closed]).when(pay(1, '2025-07-02')).thenThrows('ACCOUNT_CLOSED', 'accountId');
    spec.given([...opened, ...paidThrough(36)]).when(prematurely('2028-01-31')).thenThrows('MATURITY_REACHED', 'businessDate');
  });
});
