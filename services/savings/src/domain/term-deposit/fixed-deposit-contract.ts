import { DomainError, ValidationError, type IsoDate, type Paise } from '@samabay/domain-kit';
import { addMonths } from '../calendar/months';
import { fixedDepositInterest } from '../interest/fixed-deposit-interest';
import { roundInterest } from '../interest/interest-rounding';
import { rateForTenureMonths } from '../interest/tenure-rates';
import type { DaysInYear, InterestRounding } from '../products/interest-conventions';
import { parseRatePercent, type RatePercent } from '../products/rate-percent';
import type { FixedDepositTerms, TenureRate } from '../products/term-deposit-terms';

/**
 * What a Fixed Deposit keeps for its whole life, fixed from the terms in force on its opening date (a
 * later rate change never applies to it). `annualRatePercent` is the rate of its tenure band;
 * `maturityInterestPaise` the quarterly-compounded interest from opening to `maturityDate`, rounded per
 * `rounding`; `maturityValuePaise` = principal + that interest. `rates` and the penalty serve premature closure.
 */
export interface FixedDepositContract {
  readonly principalPaise: Paise;
  readonly tenureMonths: number;
  readonly maturityDate: IsoDate;
  readonly annualRatePercent: RatePercent;
  readonly daysInYear: DaysInYear;
  readonly compounding: 'QUARTERLY';
  readonly exactMaturityInterestPaise: string;
  readonly maturityInterestPaise: Paise;
  readonly maturityValuePaise: Paise;
  readonly rates: readonly TenureRate[];
  readonly prematurePenaltyPercentagePoints: RatePercent;
  readonly rounding: InterestRounding;
}

/**
 * The contract of a Fixed Deposit of `principalPaise` for `tenureMonths` opened on `openedOn` under `terms`.
 * @throws ValidationError INVALID_TENURE (tenureMonths: not a whole number of months), DEPOSIT_BELOW_MINIMUM (principalPaise);
 *   DomainError TENURE_NOT_OFFERED (tenureMonths: outside the product's range or no rate band).
 */
export function buildFixedDepositContract(terms: FixedDepositTerms, principalPaise: Paise, tenureMonths: unknown, openedOn: IsoDate): FixedDepositContract {
  if (typeof tenureMonths !== 'number' || !Number.isSafeInteger(tenureMonths) || tenureMonths < 1) {
    throw new ValidationError('tenureMonths', 'tenure must be a whole number of months', 'INVALID_TENURE');
  }
  const rate = rateForTenureMonths(terms.rates, tenureMonths);
  if (tenureMonths < terms.minimumTenureMonths || tenureMonths > terms.maximumTenureMonths || rate === null) {
    throw new DomainError('TENURE_NOT_OFFERED', `tenures offered: ${terms.minimumTenureMonths} to ${terms.maximumTenureMonths} months`, 'tenureMonths');
  }
  if (principalPaise < terms.minimumDepositPaise) {
    throw new ValidationError('principalPaise', `the deposit must be at least ${terms.minimumDepositPaise} paise`, 'DEPOSIT_BELOW_MINIMUM');
  }
  const maturityDate = addMonths(openedOn, tenureMonths);
  const exact = fixedDepositInterest({ principalPaise, annualRatePercent: parseRatePercent(rate), from: openedOn, to: maturityDate, daysInYear: terms.daysInYear });
  const maturityInterestPaise = roundInterest(exact, terms.rounding);
  return {
    principalPaise,
    tenureMonths,
    maturityDate,
    annualRatePercent: rate,
    daysInYear: terms.daysInYear,
    compounding: terms.compounding,
    exactMaturityInterestPaise: exact.toFixed(),
    maturityInterestPaise,
    maturityValuePaise: principalPaise + maturityInterestPaise,
    rates: terms.rates,
    prematurePenaltyPercentagePoints: terms.prematurePenaltyPercentagePoints,
    rounding: terms.rounding,
  };
}
