import type { InterestConventions } from '../products/interest-conventions';
import type { RecurringDepositTerms } from '../products/recurring-deposit-terms';
import type { SavingsProducts } from '../products/savings-products';
import type { SavingsTerms } from '../products/savings-terms';
import type { FixedDepositTerms, MonthlyIncomeTerms } from '../products/term-deposit-terms';

const monthlyAccrualQuarterlyPosting = { accrualPeriod: 'MONTHLY', postingPeriod: 'QUARTERLY', rounding: { mode: 'HALF_UP', unitPaise: 1 } } as const;

/** Minimum balance between the 10th and the month's end (the credit societies' rule). */
export const MINIMUM_BALANCE_CONVENTIONS: InterestConventions = {
  balanceMethod: { kind: 'MINIMUM_BALANCE', fromDayOfMonth: 10 },
  daysInYear: 'ACTUAL',
  ...monthlyAccrualQuarterlyPosting,
};

/** Daily product on 365 days. */
export const DAILY_PRODUCT_CONVENTIONS: InterestConventions = { balanceMethod: { kind: 'DAILY_PRODUCT' }, daysInYear: 'FIXED_365', ...monthlyAccrualQuarterlyPosting };

const savingsDeposit: SavingsTerms = { annualRatePercent: '4', minimumBalancePaise: 50_000, dormantAfterMonths: 24, interest: MINIMUM_BALANCE_CONVENTIONS };
const thriftFund: SavingsTerms = { annualRatePercent: '4', minimumBalancePaise: 0, dormantAfterMonths: 24, interest: DAILY_PRODUCT_CONVENTIONS };

/** The published Recurring Deposit terms (table 12.60 / 25.84 / 39.74, fines 2.00 / 1.50 per Rs 100) plus made-up 5- and 6-year rows to test the fine bands. */
export const RD_TERMS: RecurringDepositTerms = {
  tenures: [
    { years: 1, maturityFactorPerRupee: '12.60' },
    { years: 2, maturityFactorPerRupee: '25.84' },
    { years: 3, maturityFactorPerRupee: '39.74' },
    { years: 5, maturityFactorPerRupee: '72.00' },
    { years: 6, maturityFactorPerRupee: '90.00' },
  ],
  maturityRounding: { mode: 'HALF_UP', unitPaise: 1 },
  minimumInstalmentPaise: 5_000,
  instalmentMultiplePaise: 100,
  missedInstalmentFine: {
    bands: [
      { overTenureYears: 0, finePerHundredPaise: 200 },
      { overTenureYears: 5, finePerHundredPaise: 150 },
    ],
    rounding: { mode: 'HALF_UP', unitPaise: 1 },
  },
  prematureClosure: {
    heldPeriodRates: [
      { minMonthsHeld: 0, annualRatePercent: '5.00' },
      { minMonthsHeld: 12, annualRatePercent: '9.23' },
      { minMonthsHeld: 24, annualRatePercent: '7.36' },
    ],
    penaltyPercentagePoints: '1.00',
    rounding: { mode: 'HALF_UP', unitPaise: 1 },
  },
};

/** Fixed Deposit terms for specs: 6.50% from 6 months, 7.50% from 12 (Rs 10,000 for a year → Rs 771.36), 4.00% below 6 months held; penalty 1 point. */
export const FD_TERMS: FixedDepositTerms = {
  rates: [
    { minMonths: 0, annualRatePercent: '4.00' },
    { minMonths: 6, annualRatePercent: '6.50' },
    { minMonths: 12, annualRatePercent: '7.50' },
  ],
  minimumTenureMonths: 6,
  maximumTenureMonths: 60,
  minimumDepositPaise: 100_000,
  compounding: 'QUARTERLY',
  daysInYear: 'ACTUAL',
  prematurePenaltyPercentagePoints: '1.00',
  rounding: { mode: 'HALF_UP', unitPaise: 1 },
};

/** Monthly Income Scheme terms for specs: 36 or 60 months at 7.50% (Rs 1,00,000 → Rs 625.00 a month); 4.00% below 12 months held; penalty 1 point. */
export const MIS_TERMS: MonthlyIncomeTerms = {
  rates: [
    { minMonths: 0, annualRatePercent: '4.00' },
    { minMonths: 12, annualRatePercent: '7.50' },
  ],
  tenureMonths: [36, 60],
  minimumDepositPaise: 100_000,
  payoutRounding: { mode: 'HALF_UP', unitPaise: 1 },
  prematurePenaltyPercentagePoints: '1.00',
};

/**
 * Products for specs: Savings Deposit on the minimum-balance method and Thrift Fund on daily product,
 * both 4% p.a. (the example rate), monthly accrual and quarterly posting. From 2030-07-15 (a
 * made-up mid-month revision) the Savings Deposit pays 6%; from 2030-01-01 the RD 1-year factor is 13.00.
 */
export const TEST_PRODUCTS: SavingsProducts = {
  savingsDeposit: [
    { effectiveFrom: '2020-01-01', terms: savingsDeposit },
    { effectiveFrom: '2030-07-15', terms: { ...savingsDeposit, annualRatePercent: '6' } },
  ],
  thriftFund: [{ effectiveFrom: '2020-01-01', terms: thriftFund }],
  recurringDeposit: [
    { effectiveFrom: '2020-01-01', terms: RD_TERMS },
    { effectiveFrom: '2030-01-01', terms: { ...RD_TERMS, tenures: [{ years: 1, maturityFactorPerRupee: '13.00' }] } },
  ],
  fixedDeposit: [{ effectiveFrom: '2020-01-01', terms: FD_TERMS }],
  monthlyIncome: [{ effectiveFrom: '2020-01-01', terms: MIS_TERMS }],
};
