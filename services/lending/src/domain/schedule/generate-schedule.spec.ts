import { formatPaiseAsRupees } from '@samabay/domain-kit';
import type { ScheduleTerms } from '../product/loan-product';
import { generateSchedule, type ScheduleRequest } from './generate-schedule';

const emi30360: ScheduleTerms = {
  amortization: 'EMI_DECLINING',
  frequency: 'MONTHLY',
  dayCount: 'THIRTY_360',
  rounding: { mode: 'HALF_UP', unit: 'PAISA' },
  grace: { principalInstalments: 0, interestInstalments: 0 },
};

const request = (principalPaise: number, ratePercent: string, per: 'YEAR' | 'MONTH', numberOfInstalments: number, terms: Partial<ScheduleTerms> = {}): ScheduleRequest => ({
  principalPaise,
  rate: { ratePercent, per },
  numberOfInstalments,
  startDate: '2024-01-15',
  terms: { ...emi30360, ...terms },
});

const rupees = (values: readonly number[]): string[] => values.map(formatPaiseAsRupees);

describe('generateSchedule: published examples (issue 5 item 3; 30/360, paisa, HALF_UP)', () => {
  it('12,000 at 2% per month for 4 months, EMI declining → 3,151.49; the last instalment absorbs the rounding', () => {
    const { instalments, totalPrincipalPaise, totalInterestPaise } = generateSchedule(request(1_200_000, '2', 'MONTH', 4));
    expect(rupees(instalments.map((i) => i.principalPaise + i.interestPaise))).toEqual(['3151.49', '3151.49', '3151.49', '3151.47']);
    expect(rupees(instalments.map((i) => i.principalPaise))).toEqual(['2911.49', '2969.72', '3029.11', '3089.68']);
    expect(rupees(instalments.map((i) => i.interestPaise))).toEqual(['240.00', '181.77', '122.38', '61.79']);
    expect(rupees(instalments.map((i) => i.balanceAfterPaise))).toEqual(['9088.51', '6118.79', '3089.68', '0.00']);
    expect(totalPrincipalPaise).toBe(1_200_000);
    expect(totalInterestPaise).toBe(60_594);
  });

  it('100.00 at 9.4822% p.a., 6 monthly, 30/360 → EMI 17.13, interest 0.79 … 0.13, final balance 0', () => {
    const { instalments } = generateSchedule(request(10_000, '9.4822', 'YEAR', 6));
    expect(rupees(instalments.slice(0, 5).map((i) => i.principalPaise + i.interestPaise))).toEqual(Array(5).fill('17.13'));
    expect(rupees(instalments.map((i) => i.interestPaise))).toEqual(['0.79', '0.66', '0.53', '0.40', '0.27', '0.13']);
    expect(rupees(instalments.map((i) => i.principalPaise))).toEqual(['16.34', '16.47', '16.60', '16.73', '16.86', '17.00']);
    expect(instalments[5].balanceAfterPaise).toBe(0);
    expect(rupees([instalments[5].principalPaise + instalments[5].interestPaise])).toEqual(['17.13']);
  });

  it.each([
    [1_000_000, '8', 10, '1037.03'],
    [500_000, '6', 15, '346.82'],
    [1_000_000, '12', 12, '888.49'],
  ])('%p paise at %s%% p.a. for %p months → EMI %s', (principal, rate, months, expected) => {
    const { instalments } = generateSchedule(request(principal, rate, 'YEAR', months));
    expect(formatPaiseAsRupees(instalments[0].principalPaise + instalments[0].interestPaise)).toBe(expected);
    expect(instalments.reduce((sum, i) => sum + i.principalPaise, 0)).toBe(principal);
  });

  it('10,000 at 12% for 12 months: first instalment 100.00 interest + 788.49 principal', () => {
    const [first] = generateSchedule(request(1_000_000, '12', 'YEAR', 12)).instalments;
    expect(rupees([first.interestPaise, first.principalPaise])).toEqual(['100.00', '788.49']);
  });

  it('flat: 1,200 at 1% per month for 12 months → 112.00 each (100 principal + 12 interest)', () => {
    const { instalments, totalInterestPaise } = generateSchedule(request(120_000, '1', 'MONTH', 12, { amortization: 'FLAT' }));
    expect(instalments).toHaveLength(12);
    for (const instalment of instalments) {
      expect(rupees([instalment.principalPaise, instalment.interestPaise])).toEqual(['100.00', '12.00']);
    }
    expect(totalInterestPaise).toBe(14_400);
  });
});

describe('generateSchedule: conventions', () => {
  it('equal principal: 12,000 at 1% per month over 4 months pays 3,000 principal each and interest on the falling balance', () => {
    const { instalments } = generateSchedule(request(1_200_000, '1', 'MONTH', 4, { amortization: 'EQUAL_PRINCIPAL_DECLINING' }));
    expect(rupees(instalments.map((i) => i.principalPaise))).toEqual(['3000.00', '3000.00', '3000.00', '3000.00']);
    expect(rupees(instalments.map((i) => i.interestPaise))).toEqual(['120.00', '90.00', '60.00', '30.00']);
  });

  it('monthly due dates keep the anchor day, clamped to month end (counted from the anchor, not chained)', () => {
    const { instalments } = generateSchedule({ ...request(100_000, '12', 'YEAR', 3), startDate: '2024-01-31' });
    expect(instalments.map((i) => i.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(instalments.map((i) => i.accrualStartDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('weekly and fortnightly instalments fall due every 7 and 14 days', () => {
    expect(generateSchedule(request(100_000, '12', 'YEAR', 2, { frequency: 'WEEKLY' })).instalments.map((i) => i.dueDate)).toEqual(['2024-01-22', '2024-01-29']);
    expect(generateSchedule(request(100_000, '12', 'YEAR', 2, { frequency: 'FORTNIGHTLY' })).instalments.map((i) => i.dueDate)).toEqual(['2024-01-29', '2024-02-12']);
  });

  it('actual/365 charges the actual days of each month: 10,000 at 12% from 15 Jan → 31 days = 101.92 interest', () => {
    const { instalments } = generateSchedule(request(1_000_000, '12', 'YEAR', 12, { dayCount: 'ACTUAL_365' }));
    expect(formatPaiseAsRupees(instalments[0].interestPaise)).toBe('101.92');
    expect(formatPaiseAsRupees(instalments[1].interestPaise)).toBe(formatPaiseAsRupees(Math.round((instalments[0].balanceAfterPaise * 0.12 * 29) / 365)));
  });

  it('rupee rounding rounds the EMI to whole rupees and leaves the paise to the last instalment', () => {
    const { instalments } = generateSchedule(request(1_200_000, '2', 'MONTH', 4, { rounding: { mode: 'HALF_UP', unit: 'RUPEE' } }));
    expect(rupees(instalments.slice(0, 3).map((i) => i.principalPaise + i.interestPaise))).toEqual(['3151.00', '3151.00', '3151.00']);
    expect(instalments[3].balanceAfterPaise).toBe(0);
    expect(instalments.reduce((sum, i) => sum + i.principalPaise, 0)).toBe(1_200_000);
  });

  it('grace on principal collects interest only, then amortises the principal over the rest', () => {
    const { instalments } = generateSchedule(request(1_200_000, '1', 'MONTH', 6, { grace: { principalInstalments: 2, interestInstalments: 0 } }));
    expect(rupees(instalments.slice(0, 2).map((i) => i.principalPaise))).toEqual(['0.00', '0.00']);
    expect(rupees(instalments.slice(0, 2).map((i) => i.interestPaise))).toEqual(['120.00', '120.00']);
    // the remaining 4 instalments are the EMI of 12,000 at 1% for 4 months
    expect(formatPaiseAsRupees(instalments[2].principalPaise + instalments[2].interestPaise)).toBe('3075.37');
  });

  it('grace on interest charges no interest for those instalments (forgiven, not deferred)', () => {
    const { instalments } = generateSchedule(request(1_200_000, '1', 'MONTH', 4, { amortization: 'EQUAL_PRINCIPAL_DECLINING', grace: { principalInstalments: 0, interestInstalments: 1 } }));
    expect(rupees(instalments.map((i) => i.interestPaise))).toEqual(['0.00', '90.00', '60.00', '30.00']);
  });

  it('interest carried into the first instalment is collected with it and bears no interest', () => {
    const { instalments } = generateSchedule({ ...request(1_200_000, '2', 'MONTH', 4), carriedInterestPaise: 5_000 });
    expect(rupees([instalments[0].interestPaise, instalments[0].carriedInterestPaise, instalments[0].principalPaise])).toEqual(['290.00', '50.00', '2911.49']);
  });

  it('when rounding up repays the loan early, the empty trailing instalments are left out', () => {
    const { instalments } = generateSchedule(request(100_000, '0', 'YEAR', 60, { amortization: 'EQUAL_PRINCIPAL_DECLINING', rounding: { mode: 'UP', unit: 'RUPEE' } }));
    expect(instalments).toHaveLength(59);
    expect(rupees([instalments[57].principalPaise, instalments[58].principalPaise])).toEqual(['17.00', '14.00']);
    expect(instalments[58].balanceAfterPaise).toBe(0);
  });

  it('refuses grace that leaves no instalment to repay principal', () => {
    expect(() => generateSchedule(request(100_000, '12', 'YEAR', 2, { grace: { principalInstalments: 2, interestInstalments: 0 } }))).toThrow(RangeError);
  });
});
