import type { ScheduleTerms } from '../product/loan-product';
import { generateSchedule } from '../schedule/generate-schedule';
import { openPosition, type InstalmentPosition } from './instalment-position';
import { planReschedule } from './reschedule';

const terms: ScheduleTerms = {
  amortization: 'EMI_DECLINING',
  frequency: 'MONTHLY',
  dayCount: 'THIRTY_360',
  rounding: { mode: 'HALF_UP', unit: 'PAISA' },
  grace: { principalInstalments: 0, interestInstalments: 0 },
};
const rate = { ratePercent: '2', per: 'MONTH' } as const;
const disbursed: InstalmentPosition[] = generateSchedule({ principalPaise: 1_200_000, rate, numberOfInstalments: 4, startDate: '2024-01-15', terms }).instalments.map(openPosition);

describe('planReschedule', () => {
  it('re-amortises all unpaid principal from the date; interest arrears and accrued interest ride on the first new instalment', () => {
    // instalment 1 (due 15 Feb) unpaid; on 1 Mar instalment 2 has run 15 of its 29 days: 181.77 × 15/29 = 94.02
    const plan = planReschedule({ instalments: disbursed, businessDate: '2024-03-01', numberOfInstalments: 6, rate, terms });
    expect(plan.principalPaise).toBe(1_200_000);
    expect(plan.carriedInterestPaise).toBe(24_000 + 9_402);
    expect(plan.truncatedInstalments).toEqual([{ instalmentNumber: 1, principalPaise: 0, interestPaise: 0 }]);
    expect(plan.fromInstalmentNumber).toBe(2);
    expect(plan.instalments.map((i) => i.number)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(plan.instalments.map((i) => i.dueDate)).toEqual(['2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01']);
    expect(plan.instalments[0]).toMatchObject({ carriedInterestPaise: 33_402, interestPaise: 33_402 + 24_000 });
    expect(plan.instalments.reduce((sum, i) => sum + i.principalPaise, 0)).toBe(1_200_000);
    expect(plan.supersededInstalments.map((i) => i.number)).toEqual([1, 2, 3, 4]);
  });

  it('keeps what was paid: a partly paid past instalment is cut down to its payments', () => {
    const partlyPaid = disbursed.map((i) => (i.number === 1 ? { ...i, paidInterestPaise: 24_000, paidPrincipalPaise: 100_000 } : i));
    const plan = planReschedule({ instalments: partlyPaid, businessDate: '2024-02-15', numberOfInstalments: 3, rate, terms });
    expect(plan.truncatedInstalments).toEqual([{ instalmentNumber: 1, principalPaise: 100_000, interestPaise: 24_000 }]);
    expect(plan.principalPaise).toBe(1_100_000);
    expect(plan.carriedInterestPaise).toBe(0);
  });

  it('refuses a loan with no unpaid principal', () => {
    const repaid = disbursed.map((i) => ({ ...i, paidPrincipalPaise: i.principalPaise }));
    expect(() => planReschedule({ instalments: repaid, businessDate: '2024-02-15', numberOfInstalments: 3, rate, terms })).toThrow(expect.objectContaining({ code: 'NOTHING_TO_RESCHEDULE' }));
  });
});
