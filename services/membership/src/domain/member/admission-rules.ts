import { assertBranchCode } from '../branch-code';
import type { MembershipProducts } from '../membership-products';
import { parseMemberNo } from '../member-number';
import type { AdmitMember, ImportMember } from './member-commands';
import { assertMemberStatus } from './member-status';
import { requireBusinessDate, requireHoldingWithinLimit, requireMinimumAge, requireShares, validateNominee, validatePersonalDetails } from './member-validation';
import { membershipTermsOn, sharesValuePaise } from './terms-in-force';

/** What the stateless admission rules need: an AdmitMember before its number is reserved and its data sealed. */
export type AdmissionRequest = Pick<AdmitMember, 'branchCode' | 'businessDate' | 'today' | 'shares' | 'personal' | 'nominee'>;

/** The money side of an admission, all integer paise. */
export interface AdmissionAmounts {
  readonly shareFaceValuePaise: number;
  readonly admissionFeePaise: number;
  readonly shareCapitalPaise: number;
  readonly amountCollectedPaise: number;
}

/**
 * Every rule of an admission that does not depend on a stream's state (issue 2 "Done when": shares,
 * dates, admission before birth, blank name; DESIGN §8 fee + share face value on the business date) and
 * the minimum age in force on the admission date.
 * The application runs it before reserving a member number so that a rejected admission appends
 * nothing anywhere; the member decider runs it again.
 * @throws ValidationError (INVALID_BRANCH_CODE, BAD_DATE, BUSINESS_DATE_IN_FUTURE, EMPTY_NAME, ADMITTED_BEFORE_BIRTH,
 *   BELOW_MINIMUM_AGE (personal.dateOfBirth), INVALID_PHONE, INVALID_CHARACTERS, INVALID_SHARES, BELOW_MINIMUM_SHARES, SHARES_ABOVE_LIMIT, …), DomainError NO_TERMS_IN_FORCE / AMOUNT_TOO_LARGE.
 */
export function assessAdmission(request: AdmissionRequest, products: MembershipProducts): AdmissionAmounts {
  assertBranchCode(request.branchCode);
  const admissionDate = requireBusinessDate(request.businessDate, request.today, 'businessDate');
  validatePersonalDetails(request.personal, admissionDate);
  if (request.nominee !== null && request.nominee !== undefined) validateNominee(request.nominee);
  const terms = membershipTermsOn(products, admissionDate, 'businessDate');
  requireMinimumAge(request.personal.dateOfBirth, admissionDate, terms.minimumAgeYears);
  const shares = requireShares(request.shares, 'shares', terms.minimumShares);
  requireHoldingWithinLimit(shares, terms.maxSharesPerMember, 'shares');
  const shareCapitalPaise = sharesValuePaise(shares, terms.shareFaceValuePaise, 'shares');
  return {
    shareFaceValuePaise: terms.shareFaceValuePaise,
    admissionFeePaise: terms.admissionFeePaise,
    shareCapitalPaise,
    amountCollectedPaise: shareCapitalPaise + terms.admissionFeePaise,
  };
}

/** What the stateless register-import rules need: an ImportMember before its data is sealed. */
export type ImportRequest = Pick<ImportMember, 'memberNo' | 'branchCode' | 'businessDate' | 'today' | 'sharesHeld' | 'status' | 'personal' | 'nominee'>;

/** The share side of a legacy member: face value on the admission date and the register's shares at that value. */
export interface ImportAmounts {
  readonly shareFaceValuePaise: number;
  readonly shareCapitalPaise: number;
}

/**
 * The stateless rules of a register import (issue 2 item 7). The business date is the historical
 * admission date, so date errors name `admissionDate`. Shares need only be a whole number ≥ 1: the
 * register is what it is, today's minimum does not apply to the past; nor does the minimum age (the
 * register's members were admitted under the rules of their day, and a refused row would lose a member). Whether the number's prefix
 * matches the branch is left to the reservation, which first reports an unknown branch as such.
 * @throws ValidationError INVALID_MEMBER_NO (memberNo), INVALID_BRANCH_CODE, BAD_DATE,
 *   BUSINESS_DATE_IN_FUTURE (admissionDate), EMPTY_NAME, ADMITTED_BEFORE_BIRTH, INVALID_SHARES / SHARES_ABOVE_LIMIT (sharesHeld),
 *   INVALID_STATUS, …; DomainError NO_TERMS_IN_FORCE.
 */
export function assessImport(request: ImportRequest, products: MembershipProducts): ImportAmounts {
  assertBranchCode(request.branchCode);
  parseMemberNo(request.memberNo);
  const admissionDate = requireBusinessDate(request.businessDate, request.today, 'admissionDate');
  validatePersonalDetails(request.personal, admissionDate);
  if (request.nominee !== null && request.nominee !== undefined) validateNominee(request.nominee);
  const sharesHeld = requireShares(request.sharesHeld, 'sharesHeld');
  assertMemberStatus(request.status);
  const terms = membershipTermsOn(products, admissionDate, 'admissionDate');
  requireHoldingWithinLimit(sharesHeld, terms.maxSharesPerMember, 'sharesHeld');
  return { shareFaceValuePaise: terms.shareFaceValuePaise, shareCapitalPaise: sharesValuePaise(sharesHeld, terms.shareFaceValuePaise, 'sharesHeld') };
}
