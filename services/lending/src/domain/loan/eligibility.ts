import { compareIsoDates, DomainError, formatPaiseAsRupees, parseIsoDate, ValidationError, type IsoDate, type Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { addMonthsClamped } from '../calendar';
import type { EligibilityRules } from '../product/loan-product';
import type { EligibilityFacts } from './loan-commands';

/**
 * Checks that the member may borrow `amountPaise` on `businessDate` under the product's rules
 * (issue 5 item 1; DESIGN §8 "eligibility depends on membership, savings and repayment record").
 * Runs at application, appraisal, approval and disbursement (each with the facts as they stand then),
 * so applying several times before any loan is paid out cannot get round it. Field names are those of
 * the API input (`memberNo`, `amount` in rupees):
 * - MEMBER_NOT_ACTIVE (memberNo): only ACTIVE members borrow;
 * - MEMBERSHIP_TOO_SHORT (memberNo): a member for at least N calendar months;
 * - BORROWER_IS_NPA (memberNo): no loan of hers is NPA (RBI IRAC, borrower-wise);
 * - TOO_MANY_OPEN_LOANS (memberNo): her open loans — applied, appraised, approved or disbursed, not
 *   rejected, withdrawn, closed or written off — plus this one ≤ the product's maximum;
 * - EXCEEDS_SAVINGS_MULTIPLE (amount): her total exposure — principal outstanding on disbursed loans,
 *   the amount of loans applied/appraised/approved, and this loan — ≤ multiple × savings balance (exact decimal).
 * @throws ValidationError INVALID_ELIGIBILITY for malformed facts, DomainError with the codes above.
 */
export function requireEligible(facts: EligibilityFacts | undefined, amountPaise: Paise, businessDate: IsoDate, rules: EligibilityRules): void {
  if (!facts) throw new ValidationError('eligibility', 'the eligibility facts are missing', 'INVALID_ELIGIBILITY');
  const memberSince = parseIsoDate(facts.memberSince, 'eligibility.memberSince');
  if (!Number.isSafeInteger(facts.savingsBalancePaise)) throw new ValidationError('eligibility.savingsBalancePaise', 'savings balance must be whole paise', 'INVALID_ELIGIBILITY');
  if (!Number.isSafeInteger(facts.openLoans) || facts.openLoans < 0) throw new ValidationError('eligibility.openLoans', 'open loans must be a whole number', 'INVALID_ELIGIBILITY');
  if (!Number.isSafeInteger(facts.exposurePaise) || facts.exposurePaise < 0) {
    throw new ValidationError('eligibility.exposurePaise', 'the exposure on other loans must be whole paise, not negative', 'INVALID_ELIGIBILITY');
  }
  if (facts.memberStatus !== 'ACTIVE') throw new DomainError('MEMBER_NOT_ACTIVE', 'only an active member may borrow', 'memberNo');
  if (compareIsoDates(addMonthsClamped(memberSince, rules.minMembershipMonths), businessDate) > 0) {
    throw new DomainError('MEMBERSHIP_TOO_SHORT', `a borrower must have been a member for ${rules.minMembershipMonths} months`, 'memberNo');
  }
  if (facts.borrowerNpa) throw new DomainError('BORROWER_IS_NPA', 'a member with a non-performing loan may not borrow', 'memberNo');
  if (facts.openLoans + 1 > rules.maxOpenLoans) {
    throw new DomainError(
      'TOO_MANY_OPEN_LOANS',
      `a member may have at most ${rules.maxOpenLoans} open ${rules.maxOpenLoans === 1 ? 'loan' : 'loans'} (applied, approved or disbursed); she has ${facts.openLoans} besides this one`,
      'memberNo',
      { maxOpenLoans: rules.maxOpenLoans, openLoans: facts.openLoans },
    );
  }
  // ROUND_DOWN: the ceiling is whole paise the member may not exceed.
  const ceilingPaise = new Decimal(Math.max(facts.savingsBalancePaise, 0)).times(rules.maxSavingsMultiple).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
  const availablePaise = Math.max(ceilingPaise - facts.exposurePaise, 0);
  if (amountPaise > availablePaise) {
    throw new DomainError(
      'EXCEEDS_SAVINGS_MULTIPLE',
      `a member's loans outstanding and pending may total at most ${rules.maxSavingsMultiple} times her savings; this loan may be at most Rs ${formatPaiseAsRupees(availablePaise)}`,
      'amount',
      { availablePaise },
    );
  }
}
