import { DomainError, ValidationError, type IsoDate, type Paise } from '@samabay/domain-kit';
import { addMonths } from '../calendar/months';
import { monthlyIncomePayout } from '../interest/monthly-income';
import { rateForTenureMonths } from '../interest/tenure-rates';
import type { InterestRounding } from '../products/interest-conventions';
import { parseRatePercent, type RatePercent } from '../products/rate-percent';
import type { MonthlyIncomeTerms, TenureRate } from '../products/term-deposit-terms';

/**
 * What a Monthly Income Scheme deposit keeps for its whole life, from the terms in force on its opening
 * date: the principal earns simple interest at `annualRatePercent` (its tenure's band), paid as
 * `monthlyPayoutPaise` every month into `payoutAccountId` (the member's SD/TF account); income month n
 * falls due on opening date + n months; the principal returns at `maturityDate` (opening + tenure).
 */
export interface MonthlyIncomeContract {
  readonly principalPaise: Paise;
  readonly tenureMonths: number;
  readonly maturityDate: IsoDate;
  readonly annualRatePercent: RatePercent;
  readonly monthlyPayoutPaise: Paise;
  readonly payoutAccountId: string;
  readonly rates: readonly TenureRate[];
  readonly prematurePenaltyPercentagePoints: RatePercent;
  readonly payoutRounding: InterestRounding;
}

/**
 * The contract of an MIS deposit of `principalPaise` for `tenureMonths` opened on `openedOn` under `terms`.
 * @throws ValidationError INVALID_TENURE (tenureMonths), DEPOSIT_BELOW_MINIMUM (principalPaise); DomainError TENURE_NOT_OFFERED (tenureMonths).
 */
export function buildMonthlyIncomeContract(terms: MonthlyIncomeTerms, principalPaise: Paise, tenureMonths: unknown, payoutAccountId: string, openedOn: IsoDate): MonthlyIncomeContract {
  if (typeof tenureMonths !== 'number' || !Number.isSafeInteger(tenureMonths) || tenureMonths < 1) {
    throw new ValidationError('tenureMonths', 'tenure must be a whole number of months', 'INVALID_TENURE');
  }
  const rate = rateForTenureMonths(terms.rates, tenureMonths);
  if (!terms.tenureMonths.includes(tenureMonths) || rate === null) {
    throw new DomainError('TENURE_NOT_OFFERED', `tenures offered: ${terms.tenureMonths.join(', ')} months`, 'tenureMonths');
  }
  if (principalPaise < terms.minimumDepositPaise) {
    throw new ValidationError('principalPaise', `the deposit must be at least ${terms.minimumDepositPaise} paise`, 'DEPOSIT_BELOW_MINIMUM');
  }
  return {
    principalPaise,
    tenureMonths,
    maturityDate: addMonths(openedOn, tenureMonths),
    annualRatePercent: rate,
    monthlyPayoutPaise: monthlyIncomePayout(principalPaise, parseRatePercent(rate), terms.payoutRounding),
    payoutAccountId,
    rates: terms.rates,
    prematurePenaltyPercentagePoints: terms.prematurePenaltyPercentagePoints,
    payoutRounding: terms.payoutRounding,
  };
}

/** The date income month `month` (1-based) of a deposit opened on `openedOn` falls due: opening + `month` months. */
export function incomeDueOn(openedOn: IsoDate, month: number): IsoDate {
  return addMonths(openedOn, month);
}

/** How many income months of the deposit are due on or before `date` (0 … tenure). */
export function incomeMonthsDueBy(openedOn: IsoDate, tenureMonths: number, date: IsoDate): number {
  let months = 0;
  while (months < tenureMonths && incomeDueOn(openedOn, months + 1) <= date) months += 1;
  return months;
}
