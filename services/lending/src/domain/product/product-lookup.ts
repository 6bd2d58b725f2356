import { DomainError, termsOn, type IsoDate, type Paise } from '@samabay/domain-kit';
import type { GuarantorRule, LoanProduct, LoanProductTerms, LoanProducts } from './loan-product';

/** The product with `code`. @throws DomainError UNKNOWN_PRODUCT (field productCode). */
export function findProduct(products: LoanProducts, code: string): LoanProduct {
  const product = products.find((candidate) => candidate.code === code);
  if (!product) throw new DomainError('UNKNOWN_PRODUCT', 'there is no loan product with that code', 'productCode');
  return product;
}

/** The product's terms in force on `businessDate`. @throws DomainError NO_TERMS_IN_FORCE (field businessDate). */
export function productTermsOn(product: LoanProduct, businessDate: IsoDate): LoanProductTerms {
  try {
    return termsOn(product.terms, businessDate);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_TERMS_IN_FORCE') {
      throw new DomainError(error.code, `loan product ${product.code} had no terms in force on that date`, 'businessDate');
    }
    throw error;
  }
}

/** Guarantors a loan of `amountPaise` needs: the count of the rule with the highest `fromAmountPaise` ≤ the amount; 0 when none applies. */
export function guarantorsRequired(rules: readonly GuarantorRule[], amountPaise: Paise): number {
  let best: GuarantorRule | undefined;
  for (const rule of rules) {
    if (rule.fromAmountPaise <= amountPaise && (!best || rule.fromAmountPaise > best.fromAmountPaise)) best = rule;
  }
  return best?.guarantors ?? 0;
}
