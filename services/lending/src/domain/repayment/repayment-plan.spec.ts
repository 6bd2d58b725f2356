import type { ScheduleTerms } from '../product/loan-product';
import { generateSchedule } from '../schedule/generate-schedule';
import type { AmortisationBasis } from './amortisation-basis';
import { applyAllocations } from './apply-allocations';
import { quoteForeclosure } from './foreclosure';
import { isSettled, openPosition, type InstalmentPosition } from './instalment-position';
import { planRepayment, type RepaymentPlan } from './repayment-plan';
import { applyRevision } from './schedule-revision';

const terms: ScheduleTerms = {
  amortization: 'EMI_DECLINING',
  frequency: 'MONTHLY',
  dayCount: 'THIRTY_360',
  rounding: { mode: 'HALF_UP', unit: 'PAISA' },
  grace: { principalInstalments: 0, interestInstalments: 0 },
};
const basis: AmortisationBasis = { rate: { ratePercent: '2', per: 'MONTH' }, terms, principalGraceThrough: 0, interestGraceThrough: 0 };
// 12,000 at 2% per month, 4 monthly EMIs of 3,151.49 from 15 Jan 2024: due 15 Feb, 15 Mar, 15 Apr, 15 May.
const disbursed: InstalmentPosition[] = generateSchedule({ principalPaise: 1_200_000, rate: basis.rate, numberOfInstalments: 4, startDate: '2024-01-15', terms }).instalments.map(openPosition);

function pay(instalments: readonly InstalmentPosition[], businessDate: string, amountPaise: number, overpayment: 'REJECT' | 'REFUND_EXCESS' = 'REJECT'): { plan: RepaymentPlan; after: InstalmentPosition[] } {
  const plan = planRepayment({ instalments, businessDate, amountPaise, strategy: 'RBI', overpayment, basis });
  const revised = plan.revision ? applyRevision(instalments, plan.revision.fromInstalmentNumber, plan.revision.instalments) : instalments;
  return { plan, after: applyAllocations(revised, plan.allocations) };
}

const totalPrincipal = (instalments: readonly InstalmentPosition[]): number => instalments.reduce((sum, i) => sum + i.principalPaise, 0);

describe('quoteForeclosure', () => {
  it('on the disbursement date is the principal alone', () => {
    expect(quoteForeclosure(disbursed, '2024-01-15', terms.rounding)).toMatchObject({ principalPaise: 1_200_000, interestPaise: 0, totalPaise: 1_200_000 });
  });

  it('adds the running period\'s interest pro-rated by days: 15 of 31 days of 240.00 = 116.13', () => {
    expect(quoteForeclosure(disbursed, '2024-01-30', terms.rounding)).toEqual({
      businessDate: '2024-01-30',
      principalPaise: 1_200_000,
      interestPaise: 11_613,
      accruedInterestPaise: 11_613,
      penaltyPaise: 0,
      totalPaise: 1_211_613,
    });
  });

  it('counts unpaid dues and penalties in full, and no interest of later periods', () => {
    const overdue = disbursed.map((i) => (i.number === 1 ? { ...i, penaltyPaise: 1_000 } : i));
    // on 15 Mar: instalments 1 and 2 due (481.77 interest), 3 runs from 15 Mar (nothing accrued yet)
    expect(quoteForeclosure(overdue, '2024-03-15', terms.rounding)).toMatchObject({ principalPaise: 1_200_000, interestPaise: 42_177, penaltyPaise: 1_000, totalPaise: 1_243_177 });
  });
});

describe('planRepayment', () => {
  it('paying exactly the foreclosure quote closes the schedule on the date (foreclosure)', () => {
    const { plan, after } = pay(disbursed, '2024-01-30', 1_211_613);
    expect(plan.revision).toMatchObject({ reason: 'FORECLOSURE', fromInstalmentNumber: 1 });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ dueDate: '2024-01-30', principalPaise: 1_200_000, interestPaise: 11_613 });
    expect(after.every(isSettled)).toBe(true);
    expect(plan.revision?.supersededInstalments).toHaveLength(4);
  });

  it('a payment within the running period\'s accrued interest pays interest in advance and changes no schedule', () => {
    const { plan, after } = pay(disbursed, '2024-01-30', 5_000);
    expect(plan.revision).toBeNull();
    expect(plan.allocations).toEqual([{ instalmentNumber: 1, principalPaise: 0, interestPaise: 5_000, penaltyPaise: 0 }]);
    expect(quoteForeclosure(after, '2024-01-30', terms.rounding).totalPaise).toBe(1_211_613 - 5_000);
  });

  it('a part-prepayment on a due date re-amortises the rest: same dates, smaller EMI on 6,088.51', () => {
    const { plan, after } = pay(disbursed, '2024-02-15', 315_149 + 300_000);
    expect(plan.allocations).toEqual([
      { instalmentNumber: 1, principalPaise: 291_149, interestPaise: 24_000, penaltyPaise: 0 },
      { instalmentNumber: 2, principalPaise: 300_000, interestPaise: 0, penaltyPaise: 0 },
    ]);
    expect(plan.revision).toMatchObject({ reason: 'PREPAYMENT', fromInstalmentNumber: 2 });
    expect(after.map((i) => i.dueDate)).toEqual(['2024-02-15', '2024-03-15', '2024-04-15', '2024-05-15']);
    // 6,088.51 at 2% over 3 months → EMI 2,111.22: interest 121.77 + principal 1,989.45 still due on 15 Mar
    expect([after[1].principalPaise - after[1].paidPrincipalPaise, after[1].interestPaise]).toEqual([198_945, 12_177]);
    expect(after[3].balanceAfterPaise).toBe(0);
    expect(totalPrincipal(after)).toBe(1_200_000);
  });

  it('a mid-period prepayment keeps the interest accrued so far and charges the lower balance from the date on', () => {
    const before = quoteForeclosure(disbursed, '2024-01-30', terms.rounding).totalPaise;
    const { plan, after } = pay(disbursed, '2024-01-30', 500_000);
    expect(plan.allocations).toEqual([{ instalmentNumber: 1, principalPaise: 488_387, interestPaise: 11_613, penaltyPaise: 0 }]);
    expect(after[0]).toMatchObject({ accrualStartDate: '2024-01-30', carriedInterestPaise: 11_613, paidInterestPaise: 11_613 });
    // 7,116.13 × 2% × 16/31 days of the period = 73.46 interest from 30 Jan to 15 Feb
    expect(after[0].interestPaise - after[0].carriedInterestPaise).toBe(7_346);
    expect(quoteForeclosure(after, '2024-01-30', terms.rounding).totalPaise).toBe(before - 500_000);
    expect(totalPrincipal(after)).toBe(1_200_000);
  });

  it('refuses more than the foreclosure amount unless the overpayment rule says refund', () => {
    expect(() => pay(disbursed, '2024-01-30', 1_211_614)).toThrow(expect.objectContaining({ code: 'REPAYMENT_EXCEEDS_FORECLOSURE', field: 'amount', message: 'the repayment is more than the Rs 12116.13 that close the loan on 2024-01-30' }));
    const { plan, after } = pay(disbursed, '2024-01-30', 1_211_700, 'REFUND_EXCESS');
    expect(plan.excessPaise).toBe(87);
    expect(after.every(isSettled)).toBe(true);
  });

  it('after the last due date a payment of all dues settles the loan', () => {
    const total = disbursed.reduce((sum, i) => sum + i.principalPaise + i.interestPaise, 0);
    const { plan, after } = pay(disbursed, '2024-06-01', total);
    expect(plan.revision).toBeNull();
    expect(after.every(isSettled)).toBe(true);
  });
});
