import { DomainError, formatPaiseAsRupees, ValidationError, type Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { assertRatePercent, type InterestRate } from '../product/interest-rate';
import type { LoanProductTerms } from '../product/loan-product';
import { guarantorsRequired } from '../product/product-lookup';
import type { GuarantorFact } from './loan-commands';
import { requirePositivePaise } from './loan-rules';

/**
 * The amount (paise), within the product's limits. Errors name the API input `amount` and state rupees.
 * @throws ValidationError NOT_PAISE / AMOUNT_NOT_POSITIVE, DomainError AMOUNT_OUTSIDE_PRODUCT (field amount).
 */
export function requireAmountWithin(amountPaise: unknown, terms: LoanProductTerms): Paise {
  const amount = requirePositivePaise(amountPaise, 'amount');
  const { minAmountPaise, maxAmountPaise } = terms.limits;
  if (amount < minAmountPaise || amount > maxAmountPaise) {
    throw new DomainError('AMOUNT_OUTSIDE_PRODUCT', `the amount must be Rs ${formatPaiseAsRupees(minAmountPaise)}–Rs ${formatPaiseAsRupees(maxAmountPaise)} for this product`, 'amount', {
      minAmountPaise,
      maxAmountPaise,
    });
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
 * Guarantors for a loan of `amountPaise` to `borrower` of branch `branchCode`, checked one by one in
 * order against `facts` (lending's projection of membership events), each rejection naming
 * `guarantors[i]`:
 * - INVALID_GUARANTOR: not a member number like SNG-000123 (or `guarantors` not a list: field guarantors);
 * - GUARANTOR_IS_BORROWER: the borrower herself;
 * - DUPLICATE_GUARANTOR: named earlier in the list;
 * - GUARANTOR_NOT_FOUND: no member lending knows of;
 * - GUARANTOR_NOT_ACTIVE: inactive or exited;
 * - GUARANTOR_OTHER_BRANCH: a member of another branch than the borrower's. This branch rule is our
 *   reading of the scheme (guarantors are fellow members of her branch's collective, who know her); it
 *   needs the co-operative's confirmation.
 * Then GUARANTORS_REQUIRED (field guarantors): at least as many as the product's rules require for the amount.
 * @throws ValidationError INVALID_GUARANTOR, DomainError with the codes above.
 */
export function requireGuarantors(
  guarantors: unknown,
  borrower: { readonly memberNo: string; readonly branchCode: string },
  amountPaise: Paise,
  terms: LoanProductTerms,
  facts: readonly GuarantorFact[],
): string[] {
  if (!Array.isArray(guarantors)) throw new ValidationError('guarantors', 'guarantors must be a list of member numbers like SNG-000123', 'INVALID_GUARANTOR');
  const known = new Map(facts.map((fact) => [fact.memberNo, fact]));
  const list: string[] = [];
  (guarantors as unknown[]).forEach((guarantor, index) => {
    const field = `guarantors[${index}]`;
    if (typeof guarantor !== 'string' || !MEMBER_NO.test(guarantor)) throw new ValidationError(field, 'a guarantor must be a member number like SNG-000123', 'INVALID_GUARANTOR');
    if (guarantor === borrower.memberNo) throw new DomainError('GUARANTOR_IS_BORROWER', 'the borrower cannot be her own guarantor', field);
    if (list.includes(guarantor)) throw new DomainError('DUPLICATE_GUARANTOR', 'this guarantor is named twice', field);
    const fact = known.get(guarantor);
    if (!fact) throw new DomainError('GUARANTOR_NOT_FOUND', 'there is no such member', field);
    if (fact.status !== 'ACTIVE') throw new DomainError('GUARANTOR_NOT_ACTIVE', 'a guarantor must be an active member', field);
    if (fact.branchCode !== borrower.branchCode) throw new DomainError('GUARANTOR_OTHER_BRANCH', "a guarantor must be a member of the borrower's branch", field);
    list.push(guarantor);
  });
  return requireGuarantorCount(list, amountPaise, terms);
}

/**
 * The guarantors already recorded on a loan, enough for `amountPaise` (an appraisal that raises the
 * amount without naming guarantors). @throws DomainError GUARANTORS_REQUIRED (field guarantors).
 */
export function requireGuarantorCount(guarantors: readonly string[], amountPaise: Paise, terms: LoanProductTerms): string[] {
  const required = guarantorsRequired(terms.guarantorRules, amountPaise);
  if (guarantors.length < required) {
    throw new DomainError('GUARANTORS_REQUIRED', `a loan of this amount needs ${required} ${required === 1 ? 'guarantor' : 'guarantors'}`, 'guarantors', { required });
  }
  return [...guarantors];
}
