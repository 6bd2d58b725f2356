import { DomainError, ValidationError, type IsoDate, type Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { addMonths } from '../calendar/months';
import { roundInterest } from '../interest/interest-rounding';
import { recurringDepositMaturityValue } from '../interest/recurring-deposit-maturity';
import type { RecurringDepositTerms } from '../products/recurring-deposit-terms';
import type { RecurringDepositContract } from './recurring-deposit-contract';

/**
 * The contract of a Recurring Deposit opened on `openedOn` under `terms` (those in force that day).
 * Fine band: the one with the largest `overTenureYears` below the tenure (published scheme: Rs 2.00 per
 * Rs 100 of instalment, Rs 1.50 for tenures over five years; exactly five years is "otherwise", Rs 2.00).
 * @throws ValidationError INVALID_TENURE (tenureYears), INSTALMENT_BELOW_MINIMUM, INSTALMENT_NOT_A_MULTIPLE (instalmentPaise);
 *   DomainError TENURE_NOT_OFFERED (tenureYears), NO_FINE_BAND (configuration gap).
 */
export function buildRecurringDepositContract(terms: RecurringDepositTerms, instalmentPaise: Paise, tenureYears: unknown, openedOn: IsoDate): RecurringDepositContract {
  if (typeof tenureYears !== 'number' || !Number.isSafeInteger(tenureYears) || tenureYears < 1) {
    throw new ValidationError('tenureYears', 'tenure must be a whole number of years', 'INVALID_TENURE');
  }
  const tenure = terms.tenures.find((row) => row.years === tenureYears);
  if (!tenure) {
    throw new DomainError('TENURE_NOT_OFFERED', `tenures offered: ${terms.tenures.map((row) => row.years).join(', ')} years`, 'tenureYears');
  }
  if (instalmentPaise < terms.minimumInstalmentPaise) {
    throw new ValidationError('instalmentPaise', `the instalment must be at least ${terms.minimumInstalmentPaise} paise`, 'INSTALMENT_BELOW_MINIMUM');
  }
  if (instalmentPaise % terms.instalmentMultiplePaise !== 0) {
    throw new ValidationError('instalmentPaise', `the instalment must be a multiple of ${terms.instalmentMultiplePaise} paise`, 'INSTALMENT_NOT_A_MULTIPLE');
  }
  return {
    instalmentPaise,
    tenureYears,
    instalmentCount: tenureYears * 12,
    maturityDate: addMonths(openedOn, tenureYears * 12),
    maturityFactorPerRupee: tenure.maturityFactorPerRupee,
    maturityValuePaise: recurringDepositMaturityValue(instalmentPaise, tenure.maturityFactorPerRupee, terms.maturityRounding),
    finePerMissedInstalmentPaise: missedInstalmentFine(terms, instalmentPaise, tenureYears),
    prematureClosure: terms.prematureClosure,
  };
}

/** Fine for one missed instalment: instalment (paise) × fine per Rs 100 (paise) / 10,000, rounded per the product. */
function missedInstalmentFine(terms: RecurringDepositTerms, instalmentPaise: Paise, tenureYears: number): Paise {
  const bands = terms.missedInstalmentFine.bands.filter((band) => band.overTenureYears < tenureYears);
  if (bands.length === 0) throw new DomainError('NO_FINE_BAND', 'no missed-instalment fine is configured for this tenure', 'tenureYears');
  const band = bands.reduce((best, next) => (next.overTenureYears > best.overTenureYears ? next : best));
  return roundInterest(new Decimal(instalmentPaise).times(band.finePerHundredPaise).dividedBy(10_000), terms.missedInstalmentFine.rounding);
}
