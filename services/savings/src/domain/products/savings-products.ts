import { DomainError, termsOn, type EffectiveDated, type IsoDate } from '@samabay/domain-kit';
import type { RecurringDepositTerms } from './recurring-deposit-terms';
import type { SavingsTerms } from './savings-terms';
import type { FixedDepositTerms, MonthlyIncomeTerms } from './term-deposit-terms';

/** The demand savings products an account of the savings-account decider holds. */
export type SavingsProductCode = 'SAVINGS_DEPOSIT' | 'THRIFT_FUND';

/** Every demand savings product code, for validation. */
export const SAVINGS_PRODUCT_CODES: readonly SavingsProductCode[] = ['SAVINGS_DEPOSIT', 'THRIFT_FUND'];

/**
 * Every savings product of the co-operative as effective-dated configuration (DESIGN §8: "a rate change
 * applies from its effective date forward"). Loaded from services/savings/config/savings-products.json.
 */
export interface SavingsProducts {
  readonly savingsDeposit: EffectiveDated<SavingsTerms>;
  readonly thriftFund: EffectiveDated<SavingsTerms>;
  readonly recurringDeposit: EffectiveDated<RecurringDepositTerms>;
  readonly fixedDeposit: EffectiveDated<FixedDepositTerms>;
  readonly monthlyIncome: EffectiveDated<MonthlyIncomeTerms>;
}

/** The effective-dated schedule of a demand savings product. */
export function savingsSchedule(products: SavingsProducts, product: SavingsProductCode): EffectiveDated<SavingsTerms> {
  return product === 'SAVINGS_DEPOSIT' ? products.savingsDeposit : products.thriftFund;
}

/**
 * The terms of `schedule` in force on `date`.
 * @throws DomainError NO_TERMS_IN_FORCE naming `field` when the date precedes every entry.
 */
export function productTermsOn<T>(schedule: EffectiveDated<T>, date: IsoDate, field = 'businessDate'): T {
  try {
    return termsOn(schedule, date);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_TERMS_IN_FORCE') {
      throw new DomainError(error.code, 'no product terms were in force on that date', field);
    }
    throw error;
  }
}
