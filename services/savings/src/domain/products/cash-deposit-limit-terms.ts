import { DomainError, type EffectiveDated, type IsoDate, type Paise } from '@samabay/domain-kit';
import { productTermsOn } from './savings-products';

/**
 * The largest cash deposit one transaction may carry (DESIGN §8: limits are effective-dated
 * configuration; services/savings/config/cash-deposit-limit.json). `maximumPaise` is inclusive.
 */
export interface CashDepositLimitTerms {
  readonly maximumPaise: Paise;
}

/**
 * Checks a cash deposit of `amountPaise` against the limit in force on `businessDate`.
 * @throws DomainError DEPOSIT_ABOVE_LIMIT (field amountPaise, details.maximumPaise) above the limit;
 *   NO_TERMS_IN_FORCE (businessDate) when the date precedes every entry.
 */
export function requireCashDepositWithinLimit(schedule: EffectiveDated<CashDepositLimitTerms>, businessDate: IsoDate, amountPaise: Paise): Paise {
  const { maximumPaise } = productTermsOn(schedule, businessDate);
  if (amountPaise > maximumPaise) {
    throw new DomainError('DEPOSIT_ABOVE_LIMIT', 'the amountPaise is above the largest cash deposit one transaction may carry', 'amountPaise', { maximumPaise });
  }
  return amountPaise;
}
