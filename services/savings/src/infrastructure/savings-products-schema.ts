import { isValidIsoDate } from '@samabay/domain-kit';
import { z } from 'zod';
import { INTEREST_PERIODS, MONTHS_IN_PERIOD } from '../domain/calendar/interest-periods';
import { DAYS_IN_YEAR_CONVENTIONS } from '../domain/products/interest-conventions';
import { isRatePercent } from '../domain/products/rate-percent';

const paise = z.number().int().nonnegative().refine(Number.isSafeInteger, 'must be a safe integer of paise');
const positivePaise = paise.refine((value) => value > 0, 'must be more than 0');
const rate = z.string().refine(isRatePercent, 'must be a rate in percent per annum written as a decimal string, e.g. "5.00"');
const months = z.number().int().nonnegative();
const period = z.enum(INTEREST_PERIODS as [string, ...string[]]).transform((value) => value as (typeof INTEREST_PERIODS)[number]);

const rounding = z
  .object({
    mode: z.enum(['HALF_UP', 'HALF_EVEN', 'HALF_DOWN', 'UP', 'DOWN', 'CEIL', 'FLOOR']),
    unitPaise: positivePaise,
  })
  .strict();

const interestConventions = z
  .object({
    balanceMethod: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('DAILY_PRODUCT') }).strict(),
      z.object({ kind: z.literal('MINIMUM_BALANCE'), fromDayOfMonth: z.number().int().min(1).max(28) }).strict(),
    ]),
    daysInYear: z.enum(DAYS_IN_YEAR_CONVENTIONS as [string, ...string[]]).transform((value) => value as (typeof DAYS_IN_YEAR_CONVENTIONS)[number]),
    accrualPeriod: period,
    postingPeriod: period,
    rounding,
  })
  .strict()
  .refine((terms) => MONTHS_IN_PERIOD[terms.postingPeriod] >= MONTHS_IN_PERIOD[terms.accrualPeriod], {
    message: 'the posting period must be at least as long as the accrual period',
    path: ['postingPeriod'],
  });

const savingsTerms = z
  .object({
    annualRatePercent: rate,
    minimumBalancePaise: paise,
    dormantAfterMonths: z.number().int().min(1),
    interest: interestConventions,
  })
  .strict();

const decimalFactor = z.string().regex(/^\d{1,4}(?:\.\d{1,6})?$/, 'must be a decimal string such as "12.60"');

const recurringDepositTerms = z
  .object({
    tenures: z
      .array(z.object({ years: z.number().int().min(1).max(20), maturityFactorPerRupee: decimalFactor }).strict())
      .min(1)
      .refine((rows) => new Set(rows.map((row) => row.years)).size === rows.length, 'each tenure appears once'),
    maturityRounding: rounding,
    minimumInstalmentPaise: positivePaise,
    instalmentMultiplePaise: positivePaise,
    missedInstalmentFine: z
      .object({
        bands: z
          .array(z.object({ overTenureYears: months, finePerHundredPaise: paise }).strict())
          .min(1)
          .refine((bands) => bands.some((band) => band.overTenureYears === 0), 'a band over 0 years must cover every tenure')
          .refine((bands) => new Set(bands.map((band) => band.overTenureYears)).size === bands.length, 'each band threshold appears once'),
        rounding,
      })
      .strict(),
    prematureClosure: z
      .object({
        heldPeriodRates: z
          .array(z.object({ minMonthsHeld: months, annualRatePercent: rate }).strict())
          .min(1)
          .refine((rates) => new Set(rates.map((entry) => entry.minMonthsHeld)).size === rates.length, 'each held-period threshold appears once'),
        penaltyPercentagePoints: rate,
        rounding,
      })
      .strict(),
  })
  .strict();

const tenureRates = z
  .array(z.object({ minMonths: months, annualRatePercent: rate }).strict())
  .min(1)
  .refine((rates) => new Set(rates.map((entry) => entry.minMonths)).size === rates.length, 'each tenure threshold appears once');

const fixedDepositTerms = z
  .object({
    rates: tenureRates,
    minimumTenureMonths: z.number().int().min(1),
    maximumTenureMonths: z.number().int().min(1),
    minimumDepositPaise: positivePaise,
    compounding: z.literal('QUARTERLY'),
    daysInYear: z.enum(DAYS_IN_YEAR_CONVENTIONS as [string, ...string[]]).transform((value) => value as (typeof DAYS_IN_YEAR_CONVENTIONS)[number]),
    prematurePenaltyPercentagePoints: rate,
    rounding,
  })
  .strict()
  .refine((terms) => terms.maximumTenureMonths >= terms.minimumTenureMonths, { message: 'maximum tenure below minimum', path: ['maximumTenureMonths'] });

const monthlyIncomeTerms = z
  .object({
    rates: tenureRates,
    tenureMonths: z.array(z.number().int().min(1)).min(1),
    minimumDepositPaise: positivePaise,
    payoutRounding: rounding,
    prematurePenaltyPercentagePoints: rate,
  })
  .strict();

/** An effective-dated schedule of `terms`: entries `{ effectiveFrom, note?, terms }` with distinct dates. */
function schedule<T extends z.ZodType>(terms: T, minEntries: number) {
  return z
    .array(
      z
        .object({
          effectiveFrom: z.string().refine(isValidIsoDate, 'must be a real date written YYYY-MM-DD'),
          note: z.string().optional(),
          terms,
        })
        .strict(),
    )
    .min(minEntries, 'at least one dated entry is required')
    .refine((entries) => new Set(entries.map((entry) => entry.effectiveFrom)).size === entries.length, 'two entries take effect on the same date');
}

/**
 * The shape of config/savings-products.json. Savings Deposit, Thrift Fund and Recurring Deposit need at
 * least one entry; Fixed Deposit and Monthly Income Scheme may be empty (not offered until configured).
 */
export const savingsProductsFileSchema = z
  .object({
    source: z.string().optional(),
    savingsDeposit: schedule(savingsTerms, 1),
    thriftFund: schedule(savingsTerms, 1),
    recurringDeposit: schedule(recurringDepositTerms, 1),
    fixedDeposit: schedule(fixedDepositTerms, 0),
    monthlyIncome: schedule(monthlyIncomeTerms, 0),
  })
  .strict();
