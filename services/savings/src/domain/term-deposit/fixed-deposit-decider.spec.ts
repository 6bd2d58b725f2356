import { fold, givenWhenThen } from '@samabay/domain-kit';
import { FD_TERMS, TEST_PRODUCTS } from '../testing/savings-test-products';
import type { CloseFixedDepositAtMaturity, CloseFixedDepositPrematurely, OpenFixedDeposit } from './fixed-deposit-commands';
import type { FixedDepositContract } from './fixed-deposit-contract';
import { createFixedDepositDecider } from './fixed-deposit-decider';
import type { FixedDepositEvent } from './fixed-deposit-events';

const decider = createFixedDepositDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const FD = 'SNG-000123-FD-01';
const MEMBER = 'SNG-000123';
const open: OpenFixedDeposit = {
  type: 'OpenFixedDeposit',
  accountId: FD,
  memberNo: MEMBER,
  memberStatus: 'ACTIVE',
  principalPaise: 1_000_000,
  tenureMonths: 12,
  businessDate: '2025-04-01',
  today: '2025-04-01',
};
// Rs 10,000 at 7.5% for a year, compounded quarterly: 1,000,000 × 1.01875⁴ − 1,000,000 = 77,135.8657836914063 paise → Rs 771.36.
const contract: FixedDepositContract = {
  principalPaise: 1_000_000,
  tenureMonths: 12,
  maturityDate: '2026-04-01',
  annualRatePercent: '7.50',
  daysInYear: 'ACTUAL',
  compounding: 'QUARTERLY',
  exactMaturityInterestPaise: '77135.8657836914063',
  maturityInterestPaise: 77_136,
  maturityValuePaise: 1_077_136,
  rates: FD_TERMS.rates,
  prematurePenaltyPercentagePoints: '1.00',
  rounding: { mode: 'HALF_UP', unitPaise: 1 },
};
const opened: FixedDepositEvent[] = [
  { type: 'FixedDepositOpened', data: { accountId: FD, businessDate: '2025-04-01', memberNo: MEMBER, branchCode: 'SNG', contract, amountPaise: 1_000_000, balancePaise: 1_000_000 } },
];
const toSavings = { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-SD-01' } as const;
const atMaturity = (businessDate: string, payout: CloseFixedDepositAtMaturity['payout'] = toSavings): CloseFixedDepositAtMaturity => ({
  type: 'CloseFixedDepositAtMaturity',
  accountId: FD,
  memberNo: MEMBER,
  payout,
  businessDate,
  today: businessDate,
});
const prematurely = (businessDate: string, payout: CloseFixedDepositPrematurely['payout'] = { kind: 'CASH' }): CloseFixedDepositPrematurely => ({
  type: 'CloseFixedDepositPrematurely',
  accountId: FD,
  memberNo: MEMBER,
  payout,
  businessDate,
  today: businessDate,
});

describe('fixed deposit: opening', () => {
  it('opens with the tenure band\'s rate and the quarterly-compounded maturity value of the day (Rs 10,000 × 1 year at 7.5% → Rs 10,771.36)', () => {
    spec.when(open).then(opened);
  });

  it('takes the 6-month band for a 6-to-11-month tenure', () => {
    const [event] = decider.decide({ ...open, tenureMonths: 6 }, null);
    expect(event.type === 'FixedDepositOpened' && event.data.contract).toMatchObject({ annualRatePercent: '6.50', maturityDate: '2025-10-01' });
  });

  it('rejects bad input and appends nothing', () => {
    spec.when({ ...open, principalPaise: 0 }).thenThrows('AMOUNT_NOT_POSITIVE', 'principalPaise');
    spec.when({ ...open, principalPaise: 100.5 }).thenThrows('NOT_PAISE', 'principalPaise');
    spec.when({ ...open, principalPaise: 99_999 }).thenThrows('DEPOSIT_BELOW_MINIMUM', 'principalPaise');
    spec.when({ ...open, tenureMonths: 5 }).thenThrows('TENURE_NOT_OFFERED', 'tenureMonths');
    spec.when({ ...open, tenureMonths: 61 }).thenThrows('TENURE_NOT_OFFERED', 'tenureMonths');
    spec.when({ ...open, tenureMonths: 12.5 }).thenThrows('INVALID_TENURE', 'tenureMonths');
    spec.when({ ...open, memberStatus: 'EXITED' }).thenThrows('MEMBER_NOT_ACTIVE', 'memberStatus');
    spec.when({ ...open, accountId: 'SNG-000123-RD-01' }).thenThrows('ACCOUNT_ID_MISMATCH', 'accountId');
    spec.when({ ...open, accountId: 'SNG-000124-FD-01' }).thenThrows('ACCOUNT_ID_MISMATCH', 'accountId');
    spec.when({ ...open, businessDate: '2025-04-02' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    spec.when({ ...open, businessDate: '2019-12-31', today: '2019-12-31' }).thenThrows('NO_TERMS_IN_FORCE', 'businessDate');
    spec.given(opened).when(open).thenThrows('ACCOUNT_ALREADY_OPEN', 'accountId');
  });
});

describe('fixed deposit: closure at maturity', () => {
  it('pays principal + interest into the member\'s savings account, also when closed after the maturity date', () => {
    const closed = (businessDate: string): FixedDepositEvent => ({
      type: 'FixedDepositClosedAtMaturity',
      data: { accountId: FD, businessDate, principalPaise: 1_000_000, exactInterestPaise: '77135.8657836914063', interestPaise: 77_136, payoutPaise: 1_077_136, payout: toSavings, balancePaise: 0 },
    });
    spec.given(opened).when(atMaturity('2026-04-01')).then([closed('2026-04-01')]);
    spec.given(opened).when(atMaturity('2026-05-20')).then([closed('2026-05-20')]);
  });

  it('pays in cash when asked', () => {
    const [event] = decider.decide(atMaturity('2026-04-01', { kind: 'CASH' }), fold(decider, opened));
    expect(event.data).toMatchObject({ payout: { kind: 'CASH' }, payoutPaise: 1_077_136 });
  });

  it('rejects closure before maturity, twice, for another member, or into an account that is not the member\'s savings account', () => {
    spec.given(opened).when(atMaturity('2026-03-31')).thenThrows('NOT_YET_MATURE', 'businessDate');
    spec.given([...opened, ...decider.decide(atMaturity('2026-04-01'), fold(decider, opened))]).when(atMaturity('2026-04-02')).thenThrows('ACCOUNT_CLOSED', 'accountId');
    spec.given(opened).when({ ...atMaturity('2026-04-01'), memberNo: 'SNG-000124' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
    spec.given(opened).when(atMaturity('2026-04-01', { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000124-SD-01' })).thenThrows('NOT_OWN_ACCOUNT', 'payout.savingsAccountId');
    spec.given(opened).when(atMaturity('2026-04-01', { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-RD-01' })).thenThrows('PAYOUT_ACCOUNT_NOT_SUPPORTED', 'payout.savingsAccountId');
    spec.given(opened).when(atMaturity('2026-04-01', { kind: 'CHEQUE' } as never)).thenThrows('INVALID_PAYOUT', 'payout');
    spec.when(atMaturity('2026-04-01')).thenThrows('ACCOUNT_NOT_FOUND', 'accountId');
  });
});

describe('fixed deposit: premature closure', () => {
  it('pays the rate of the period held minus one point, compounded quarterly: 6 months 14 days → 6.50 − 1 = 5.5%', () => {
    // 1,000,000 × 1.01375² = 1,027,689.0625; + 14 days (1–15 Oct) × 5.5% / 365 on it = 2,168.0016 → 29,857.064 paise → Rs 298.57.
    const [event] = decider.decide(prematurely('2025-10-15'), fold(decider, opened));
    expect(event).toMatchObject({
      type: 'FixedDepositClosedPrematurely',
      data: { monthsHeld: 6, heldPeriodRatePercent: '6.50', appliedRatePercent: '5.5', interestPaise: 29_857, payoutPaise: 1_029_857, payout: { kind: 'CASH' }, balancePaise: 0 },
    });
    expect((event.data as { exactInterestPaise: string }).exactInterestPaise).toMatch(/^29857\.0640839/);
  });

  it('uses the band below the minimum tenure for a short hold: 3 months 10 days → 4.00 − 1 = 3%', () => {
    // 1,000,000 × 1.0075 = 1,007,500; + 10 days × 3% / 365 = 828.08 → 8,328.08 paise → Rs 83.28.
    const [event] = decider.decide(prematurely('2025-07-11'), fold(decider, opened));
    expect(event.data).toMatchObject({ monthsHeld: 3, heldPeriodRatePercent: '4.00', appliedRatePercent: '3', interestPaise: 8_328, payoutPaise: 1_008_328 });
  });

  it('rejects premature closure on or after the maturity date', () => {
    spec.given(opened).when(prematurely('2026-04-01')).thenThrows('MATURITY_REACHED', 'businessDate');
    spec.given(opened).when(prematurely('2025-03-31')).thenThrows('BUSINESS_DATE_BEFORE_OPENING', 'businessDate');
  });
});
