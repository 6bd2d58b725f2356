import { compareIsoDates, DomainError, parseIsoDate, ValidationError, type IsoDate, type Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { addMonthsClamped } from '../calendar';
import type { EligibilityRules } from '../product/loan-product';
import type { EligibilityFacts } from './loan-commands';

/**
 * Checks that the member may borrow `amountPaise` on `businessDate` under the product's rules
 * (issue 5 item 1; DESIGN §8 "eligibility depends on membership, savings and repayment record"):
 * - MEMBER_NOT_ACTIVE (eligibility.memberStatus): only ACTIVE members borrow;
 * - MEMBERSHIP_TOO_SHORT (eligibility.memberSince): a member for at least N calendar months;
 * - BORROWER_IS_NPA (eligibility.borrowerNpa): no loan of hers is NPA (RBI IRAC, borrower-wise);
 * - TOO_MANY_OPEN_LOANS (eligibility.openLoans): open loans + this one ≤ the maximum;
 * - EXCEEDS_SAVINGS_MULTIPLE (amountPaise): amount ≤ multiple × savings balance (exact decimal).
 * @throws ValidationError INVALID_ELIGIBILITY for malformed facts, DomainError with the codes above.
 */
export function requireEligible(facts: EligibilityFacts | undefined, amountPaise: Paise, businessDate: IsoDate, rules: EligibilityRules): void {
  if (!facts) throw new ValidationError('eligibility', 'the eligibility facts are missing', 'INVALID_ELIGIBILITY');
  const memberSince = parseIsoDate(facts.memberSince, 'eligibility.memberSince');
  if (!Number.isSafeInteger(facts.savingsBalancePaise)) throw new ValidationError('eligibility.savingsBalancePaise', 'savings balance must be whole paise', 'INVALID_ELIGIBILITY');
  if (!Number.isSafeInteger(facts.openLoans) || facts.openLoans < 0) throw new ValidationError('eligibility.openLoans', 'open loans must be a whole number', 'INVALID_ELIGIBILITY');
  if (facts.memberStatus !== 'ACTIVE') throw new DomainError('MEMBER_NOT_ACTIVE', 'only an active member may borrow', 'eligibility.memberStatus');
  if (compareIsoDates(addMonthsClamped(memberSince, rules.minMembershipMonths), businessDate) > 0) {
    throw new DomainError('MEMBERSHIP_TOO_SHORT', `a borrower must have been a member for ${rules.minMembershipMonths} months`, 'eligibility.memberSince');
  }
  if (facts.borrowerNpa) throw new DomainError('BORROWER_IS_NPA', 'a member with a non-performing loan may not borrow', 'eligibility.borrowerNpa');
  if (facts.openLoans + 1 > rules.maxOpenLoans) throw new DomainError('TOO_MANY_OPEN_LOANS', `a member may have at most ${rules.maxOpenLoans} open loans`, 'eligibility.openLoans');
  const ceiling = new Decimal(Math.max(facts.savingsBalancePaise, 0)).times(rules.maxSavingsMultiple);
  if (ceiling.lessThan(amountPaise)) {
    throw new DomainError('EXCEEDS_SAVINGS_MULTIPLE', `a loan may be at most ${rules.maxSavingsMultiple} times the member's savings`, 'amountPaise');
  }
}
