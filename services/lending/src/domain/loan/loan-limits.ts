import { DomainError, ValidationError, type Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { assertRatePercent, type InterestRate } from '../product/interest-rate';
import type { LoanProductTerms } from '../product/loan-product';
import { guarantorsRequired } from '../product/product-lookup';
import { requirePositivePaise } from './loan-rules';

/** The amount, within the product's limits. @throws ValidationError NOT_PAISE / AMOUNT_NOT_POSITIVE, DomainError AMOUNT_OUTSIDE_PRODUCT (field amountPaise). */
export function requireAmountWithin(amountPaise: unknown, terms: LoanProductTerms): Paise {
  const amount = requirePositivePaise(amountPaise, 'amountPaise');
  const { minAmountPaise, maxAmountPaise } = terms.limits;
  if (amount < minAmountPaise || amount > maxAmountPaise) {
    throw new DomainError('AMOUNT_OUTSIDE_PRODUCT', `the amount must be ${minAmountPaise}–${maxAmountPaise} paise for this product`, 'amountPaise');
  }
  return amount;
}

/**
 * The term in instalments, within the product's limits and longer than its principal grace.
 * @throws ValidationError INVALID_TERM (not a whole number ≥ 1), DomainError TERM_OUTSIDE_PRODUCT (field numberOfInstalments).
 */
export function requireTermWithin(numberOfInstalments: unknown, terms: LoanProductTerms): number {
  if (typeof numberOfInstalments !== 'number' || !Number.isSafeInteger(numberOfInstalments) || numberOfInstalments < 1) {
    throw new ValidationError('numberOfInstalments', 'the term must be a whole number of instalments', 'INVALID_TERM');
  }
  const { minInstalments, maxInstalments } = terms.limits;
  if (numberOfInstalments < minInstalments || numberOfInstalments > maxInstalments || numberOfInstalments <= terms.grace.principalInstalments) {
    throw new DomainError('TERM_OUTSIDE_PRODUCT', `the term must be ${minInstalments}–${maxInstalments} instalments for this product`, 'numberOfInstalments');
  }
  return numberOfInstalments;
}

/**
 * The loan's rate on the product's basis: `ratePercent` when given, else the product's standard rate;
 * it must lie in the product's band (inclusive).
 * @throws ValidationError INVALID_RATE, DomainError RATE_OUTSIDE_PRODUCT (field ratePercent).
 */
export function resolveRate(ratePercent: unknown, terms: LoanProductTerms): InterestRate {
  if (ratePercent === undefined) return { ratePercent: terms.interest.ratePercent, per: terms.interest.per };
  assertRatePercent(ratePercent, 'ratePercent');
  const rate = new Decimal(ratePercent);
  if (rate.lessThan(terms.interest.minRatePercent) || rate.greaterThan(terms.interest.maxRatePercent)) {
    const basis = terms.interest.per === 'YEAR' ? '% p.a.' : '% per month';
    throw new DomainError('RATE_OUTSIDE_PRODUCT', `the rate must be ${terms.interest.minRatePercent}–${terms.interest.maxRatePercent}${basis} for this product`, 'ratePercent');
  }
  return { ratePercent, per: terms.interest.per };
}

const MEMBER_NO = /^[A-Z]{3}-\d{6}$/;

/**
 * Guarantors for a loan of `amountPaise`: distinct member numbers (SNG-000123), not the borrower, at
 * least as many as the product's rules require for the amount.
 * @throws ValidationError INVALID_GUARANTOR, DomainError GUARANTORS_REQUIRED (field guarantors).
 */
export function requireGuarantors(guarantors: unknown, borrower: string, amountPaise: Paise, terms: LoanProductTerms): string[] {
  if (!Array.isArray(guarantors) || guarantors.some((guarantor) => typeof guarantor !== 'string' || !MEMBER_NO.test(guarantor))) {
    throw new ValidationError('guarantors', 'guarantors must be member numbers like SNG-000123', 'INVALID_GUARANTOR');
  }
  const list = guarantors as string[];
  if (new Set(list).size !== list.length || list.includes(borrower)) {
    throw new ValidationError('guarantors', 'guarantors must be different members, other than the borrower', 'INVALID_GUARANTOR');
  }
  const required = guarantorsRequired(terms.guarantorRules, amountPaise);
  if (list.length < required) throw new DomainError('GUARANTORS_REQUIRED', `a loan of this amount needs ${required} guarantors`, 'guarantors', { required });
  return list;
}
