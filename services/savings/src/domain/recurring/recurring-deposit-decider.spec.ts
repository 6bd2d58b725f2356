import { givenWhenThen } from '@samabay/domain-kit';
import { RD_TERMS, TEST_PRODUCTS } from '../testing/savings-test-products';
import type { ChargeMissedInstalmentFine, CloseAtMaturity, ClosePrematurely, OpenRecurringDeposit, PayFine, PayInstalment } from './recurring-deposit-commands';
import type { RecurringDepositContract } from './recurring-deposit-contract';
import { createRecurringDepositDecider } from './recurring-deposit-decider';
import type { RecurringDepositEvent } from './recurring-deposit-events';

const spec = givenWhenThen(createRecurringDepositDecider(TEST_PRODUCTS));
const RD = 'SNG-000123-RD-01';
const MEMBER = 'SNG-000123';
const open: OpenRecurringDeposit = {
  type: 'OpenRecurringDeposit',
  accountId: RD,
  memberNo: MEMBER,
  memberStatus: 'ACTIVE',
  instalmentPaise: 5_000,
  tenureYears: 1,
  businessDate: '2025-01-10',
  today: '2025-01-10',
};
const contract: RecurringDepositContract = {
  instalmentPaise: 5_000,
  tenureYears: 1,
  instalmentCount: 12,
  maturityDate: '2026-01-10',
  maturityFactorPerRupee: '12.60',
  maturityValuePaise: 63_000,
  finePerMissedInstalmentPaise: 100,
  prematureClosure: RD_TERMS.prematureClosure,
};
const opened: RecurringDepositEvent[] = [
  { type: 'RecurringDepositOpened', data: { accountId: RD, businessDate: '2025-01-10', memberNo: MEMBER, branchCode: 'SNG', contract } },
  { type: 'InstalmentPaid', data: { accountId: RD, businessDate: '2025-01-10', instalmentNo: 1, amountPaise: 5_000, balancePaise: 5_000 } },
];
/** Instalment n paid on the 10th of its month (n = 2 … count). */
const paidThrough = (count: number): RecurringDepositEvent[] =>
  Array.from({ length: count - 1 }, (_, index) => {
    const n = index + 2;
    const month = new Date(Date.UTC(2025, n - 1, 10)).toISOString().slice(0, 10);
    return { type: 'InstalmentPaid', data: { accountId: RD, businessDate: month, instalmentNo: n, amountPaise: 5_000, balancePaise: 5_000 * n } } as RecurringDepositEvent;
  });
const pay = (businessDate: string, amountPaise = 5_000): PayInstalment => ({ type: 'PayInstalment', accountId: RD, memberNo: MEMBER, amountPaise, businessDate, today: businessDate });
const fine = (businessDate: string): ChargeMissedInstalmentFine => ({ type: 'ChargeMissedInstalmentFine', accountId: RD, businessDate, today: businessDate });
const fined = (instalmentNo: number, businessDate: string, finesOutstandingPaise: number, balancePaise: number): RecurringDepositEvent => ({
  type: 'MissedInstalmentFined',
  data: { accountId: RD, businessDate, instalmentNo, amountPaise: 100, finesOutstandingPaise, balancePaise },
});

describe('recurring deposit: opening', () => {
  it('opens with the contract of the day (table value Rs 630 for Rs 50 × 1 year) and takes the first instalment', () => {
    spec.when(open).then(opened);
  });

  it('fixes Rs 200 × 3 years at Rs 7,948 and the fine at Rs 4.00 (Rs 2.00 per Rs 100)', () => {
    const [first] = createRecurringDepositDecider(TEST_PRODUCTS).decide({ ...open, instalmentPaise: 20_000, tenureYears: 3 }, null);
    expect(first.type === 'RecurringDepositOpened' && first.data.contract).toMatchObject({ maturityValuePaise: 794_800, finePerMissedInstalmentPaise: 400, instalmentCount: 36, maturityDate: '2028-01-10' });
  });

  it.each([
    [5, 400],
    [6, 300],
  ])('fines a %i-year deposit of Rs 200 at %i paise per missed instalment (Rs 1.50 per Rs 100 only over five years)', (tenureYears, expected) => {
    const [first] = createRecurringDepositDecider(TEST_PRODUCTS).decide({ ...open, instalmentPaise: 20_000, tenureYears }, null);
    expect(first.type === 'RecurringDepositOpened' && first.data.contract.finePerMissedInstalmentPaise).toBe(expected);
  });

  it('keeps the table of its opening date: a 2030 revision does not touch a 2025 deposit, but applies to one opened in 2030', () => {
    const [first] = createRecurringDepositDecider(TEST_PRODUCTS).decide({ ...open, businessDate: '2030-01-01', today: '2030-01-01' }, null);
    expect(first.type === 'RecurringDepositOpened' && first.data.contract.maturityValuePaise).toBe(65_000);
  });

  it('rejects tenures not in the table, bad instalments, inactive members and a second opening', () => {
    spec.when({ ...open, tenureYears: 4 }).thenThrows('TENURE_NOT_OFFERED', 'tenureYears');
    spec.when({ ...open, tenureYears: 1.5 }).thenThrows('INVALID_TENURE', 'tenureYears');
    spec.when({ ...open, instalmentPaise: 4_900 }).thenThrows('INSTALMENT_BELOW_MINIMUM', 'instalmentPaise');
    spec.when({ ...open, instalmentPaise: 5_050 }).thenThrows('INSTALMENT_NOT_A_MULTIPLE', 'instalmentPaise');
    spec.when({ ...open, instalmentPaise: 0 }).thenThrows('AMOUNT_NOT_POSITIVE', 'instalmentPaise');
    spec.when({ ...open, memberStatus: 'INACTIVE' }).thenThrows('MEMBER_NOT_ACTIVE', 'memberStatus');
    spec.when({ ...open, accountId: 'SNG-000123-SD-01' }).thenThrows('ACCOUNT_ID_MISMATCH', 'accountId');
    spec.given(opened).when(open).thenThrows('ACCOUNT_ALREADY_OPEN', 'accountId');
  });
});

describe('recurring deposit: instalments', () => {
  it('takes exactly the instalment amount, numbering instalments in order', () => {
    spec.given(opened).when(pay('2025-02-03')).then([{ type: 'InstalmentPaid', data: { accountId: RD, businessDate: '2025-02-03', instalmentNo: 2, amountPaise: 5_000, balancePaise: 10_000 } }]);
  });

  it.each([4_999, 5_001, 10_000])('rejects an instalment of %i paise', (amountPaise) => {
    spec.given(opened).when(pay('2025-02-03', amountPaise)).thenThrows('WRONG_INSTALMENT_AMOUNT', 'amountPaise');
  });

  it('rejects an instalment before its month, after the last, or dated wrongly', () => {
    spec.given(opened).when(pay('2025-01-31')).thenThrows('INSTALMENT_NOT_YET_DUE', 'businessDate');
    spec.given([...opened, ...paidThrough(12)]).when(pay('2025-12-20')).thenThrows('ALL_INSTALMENTS_PAID', 'accountId');
    spec.given(opened).when(pay('2025-01-09')).thenThrows('BUSINESS_DATE_BEFORE_OPENING', 'businessDate');
    spec.given(opened).when({ ...pay('2025-02-03'), today: '2025-02-02' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    spec.given(opened).when({ ...pay('2025-02-03'), memberNo: 'SNG-000124' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
  });

  it('takes arrears late, oldest first', () => {
    spec.given(opened).when(pay('2025-03-05')).then([{ type: 'InstalmentPaid', data: { accountId: RD, businessDate: '2025-03-05', instalmentNo: 2, amountPaise: 5_000, balancePaise: 10_000 } }]);
  });
});

describe('recurring deposit: missed-instalment fine at day-end', () => {
  it('fines the month\'s unpaid instalment on the month\'s last day: Rs 2.00 per Rs 100 → Rs 1.00 on Rs 50', () => {
    spec.given(opened).when(fine('2025-02-28')).then([fined(2, '2025-02-28', 100, 5_000)]);
  });

  it('is idempotent, fines nothing paid, and fines each missed instalment once without compounding', () => {
    spec.given([...opened, fined(2, '2025-02-28', 100, 5_000)]).when(fine('2025-02-28')).then([]);
    spec.given([...opened, ...paidThrough(2)]).when(fine('2025-02-28')).then([]);
    spec.given(opened).when(fine('2025-01-31')).then([]);
    spec.given([...opened, fined(2, '2025-02-28', 100, 5_000)]).when(fine('2025-03-31')).then([fined(3, '2025-03-31', 200, 5_000)]);
  });

  it('judges the day as it stood: a payment dated after the month end does not cancel the fine', () => {
    spec.given([...opened, { type: 'InstalmentPaid', data: { accountId: RD, businessDate: '2025-03-01', instalmentNo: 2, amountPaise: 5_000, balancePaise: 10_000 } }]).when({ ...fine('2025-02-28'), today: '2025-03-01' }).then([fined(2, '2025-02-28', 100, 10_000)]);
  });

  it('fines nothing after the tenure and rejects a date that is not a month end', () => {
    spec.given([...opened, ...paidThrough(11)]).when(fine('2026-01-31')).then([]);
    spec.given(opened).when(fine('2025-02-27')).thenThrows('NOT_A_MONTH_END', 'businessDate');
  });

  it('takes fines separately, never more than owed', () => {
    const owed = [...opened, fined(2, '2025-02-28', 100, 5_000)];
    const payFine: PayFine = { type: 'PayFine', accountId: RD, memberNo: MEMBER, amountPaise: 100, businessDate: '2025-03-03', today: '2025-03-03' };
    spec.given(owed).when(payFine).then([{ type: 'FinePaid', data: { accountId: RD, businessDate: '2025-03-03', amountPaise: 100, finesOutstandingPaise: 0, balancePaise: 5_000 } }]);
    spec.given(owed).when({ ...payFine, amountPaise: 101 }).thenThrows('FINE_OVERPAID', 'amountPaise');
  });
});

describe('recurring deposit: closure', () => {
  const atMaturity: CloseAtMaturity = { type: 'CloseAtMaturity', accountId: RD, memberNo: MEMBER, businessDate: '2026-01-10', today: '2026-01-10' };
  const prematurely = (businessDate: string): ClosePrematurely => ({ type: 'ClosePrematurely', accountId: RD, memberNo: MEMBER, businessDate, today: businessDate });

  it('pays the table\'s maturity value (Rs 630) with all instalments paid, fines deducted', () => {
    spec.given([...opened, ...paidThrough(12)]).when(atMaturity).then([
      {
        type: 'RecurringDepositClosedAtMaturity',
        data: { accountId: RD, businessDate: '2026-01-10', depositsPaise: 60_000, maturityValuePaise: 63_000, interestPaise: 3_000, finesDeductedPaise: 0, payoutPaise: 63_000, balancePaise: 0 },
      },
    ]);
    const withFine = [...opened, fined(2, '2025-02-28', 100, 5_000), ...paidThrough(12)];
    spec.given(withFine).when(atMaturity).then([
      {
        type: 'RecurringDepositClosedAtMaturity',
        data: { accountId: RD, businessDate: '2026-01-10', depositsPaise: 60_000, maturityValuePaise: 63_000, interestPaise: 3_000, finesDeductedPaise: 100, payoutPaise: 62_900, balancePaise: 0 },
      },
    ]);
  });

  it('rejects maturity closure before the maturity date or with instalments outstanding', () => {
    spec.given([...opened, ...paidThrough(12)]).when({ ...atMaturity, businessDate: '2026-01-09', today: '2026-01-09' }).thenThrows('NOT_YET_MATURE', 'businessDate');
    const error = spec.given([...opened, ...paidThrough(11)]).when(atMaturity).thenThrows('INSTALMENTS_OUTSTANDING', 'accountId');
    expect(error.details).toEqual({ outstandingInstalments: 1 });
  });

  it('closes prematurely at the held period\'s rate minus one point: 11 months held → 5.00 − 1 = 4%', () => {
    // Instalment n paid on the 10th of month n; closed 2025-12-10: held 11 − (n − 1) complete months → 11 + 10 + … + 1 = 66 months × Rs 50.
    spec.given([...opened, ...paidThrough(11)]).when(prematurely('2025-12-10')).then([
      {
        type: 'RecurringDepositClosedPrematurely',
        data: {
          accountId: RD,
          businessDate: '2025-12-10',
          monthsHeld: 11,
          heldPeriodRatePercent: '5.00',
          appliedRatePercent: '4',
          depositsPaise: 55_000,
          exactInterestPaise: '1100',
          interestPaise: 1_100,
          finesDeductedPaise: 0,
          payoutPaise: 56_100,
          balancePaise: 0,
        },
      },
    ]);
  });

  it('uses the 12-month rate (9.23 − 1 = 8.23%) once a year is held, and rejects premature closure at maturity', () => {
    const twoYears: RecurringDepositEvent[] = [
      { type: 'RecurringDepositOpened', data: { ...(opened[0].data as { accountId: string; businessDate: string; memberNo: string; branchCode: string }), contract: { ...contract, tenureYears: 2, instalmentCount: 24, maturityDate: '2027-01-10' } } },
      opened[1],
      ...paidThrough(13),
    ];
    // Held 13 months; instalments held 13 + 12 + … + 1 = 91 months × 5,000 paise × 8.23 / 1200 = 3120.54 paise → 3121.
    const [closed] = createRecurringDepositDecider(TEST_PRODUCTS).decide(prematurely('2026-02-10'), twoYears.reduce(createRecurringDepositDecider(TEST_PRODUCTS).evolve, null));
    expect(closed.data).toMatchObject({ monthsHeld: 13, heldPeriodRatePercent: '9.23', appliedRatePercent: '8.23', interestPaise: 3_121, payoutPaise: 68_121 });
    spec.given([...opened, ...paidThrough(12)]).when(prematurely('2026-01-10')).thenThrows('MATURITY_REACHED', 'businessDate');
  });
});
