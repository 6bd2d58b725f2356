import { DomainError, ValidationError } from '@samabay/domain-kit';
import { annualRatePercent } from '../product/interest-rate';
import type { LoanProducts } from '../product/loan-product';
import { assertLoanPurpose } from '../product/loan-purpose';
import { findProduct, productTermsOn } from '../product/product-lookup';
import { requireEligible } from './eligibility';
import type { ApplyForLoan, AppraiseLoan, ApproveLoan } from './loan-commands';
import type { LoanEvent } from './loan-events';
import { requireAmountWithin, requireGuarantorCount, requireGuarantors, requireTermWithin, resolveRate } from './loan-limits';
import { LENDING_STAFF_ROLES, requireBusinessDate, requireChecker, requireLoan, requireLoanId, requireNotBefore, requireRole, requireStatus } from './loan-rules';
import type { LoanState } from './loan-state';

const MEMBER_NO = /^[A-Z]{3}-\d{6}$/;
const BRANCH_CODE = /^[A-Z]{3}$/;

/**
 * ApplyForLoan → LoanApplied, with the product terms in force on the business date snapshotted.
 * @throws INVALID_LOAN_ID, BAD_DATE, ROLE_NOT_ALLOWED, LOAN_ALREADY_EXISTS (loanId), INVALID_MEMBER_NO,
 *   INVALID_BRANCH_CODE, INVALID_PURPOSE, UNKNOWN_PRODUCT, PURPOSE_NOT_OFFERED, NO_TERMS_IN_FORCE,
 *   AMOUNT_OUTSIDE_PRODUCT, TERM_OUTSIDE_PRODUCT, RATE_OUTSIDE_PRODUCT, INVALID_GUARANTOR,
 *   GUARANTORS_REQUIRED and the eligibility rejections of `requireEligible`.
 */
export function decideApplication(command: ApplyForLoan, state: LoanState, products: LoanProducts): LoanEvent[] {
  const loanId = requireLoanId(command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  if (state !== null) throw new DomainError('LOAN_ALREADY_EXISTS', 'a loan with this id already exists', 'loanId');
  if (typeof command.memberNo !== 'string' || !MEMBER_NO.test(command.memberNo)) {
    throw new ValidationError('memberNo', 'member number must look like SNG-000123', 'INVALID_MEMBER_NO');
  }
  if (typeof command.branchCode !== 'string' || !BRANCH_CODE.test(command.branchCode)) {
    throw new ValidationError('branchCode', 'branch code must be three upper-case letters', 'INVALID_BRANCH_CODE');
  }
  assertLoanPurpose(command.purpose);
  const product = findProduct(products, command.productCode);
  if (!product.purposes.includes(command.purpose)) throw new DomainError('PURPOSE_NOT_OFFERED', `product ${product.code} does not lend for this purpose`, 'purpose');
  const terms = productTermsOn(product, businessDate);
  const amountPaise = requireAmountWithin(command.amountPaise, terms);
  const numberOfInstalments = requireTermWithin(command.numberOfInstalments, terms);
  const rate = resolveRate(command.ratePercent, terms);
  const guarantors = requireGuarantors(command.guarantors, { memberNo: command.memberNo, branchCode: command.branchCode }, amountPaise, terms, command.guarantorFacts ?? []);
  requireEligible(command.eligibility, amountPaise, businessDate, terms.eligibility);
  return [
    {
      type: 'LoanApplied',
      data: {
        loanId,
        memberNo: command.memberNo,
        branchCode: command.branchCode,
        productCode: product.code,
        purpose: command.purpose,
        amountPaise,
        numberOfInstalments,
        rate,
        annualRatePercent: annualRatePercent(rate),
        terms,
        guarantors,
        eligibility: {
          memberStatus: command.eligibility.memberStatus,
          memberSince: command.eligibility.memberSince,
          savingsBalancePaise: command.eligibility.savingsBalancePaise,
          openLoans: command.eligibility.openLoans,
          exposurePaise: command.eligibility.exposurePaise,
          borrowerNpa: command.eligibility.borrowerNpa,
        },
        appliedOn: businessDate,
        appliedBy: actor.userId,
      },
    },
  ];
}

/**
 * AppraiseLoan → LoanAppraised: the maker's recommendation, optionally revising amount, term, rate and
 * guarantors within the loan's product terms (re-checked against the savings multiple). May be repeated
 * until approval.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_AWAITING_APPRAISAL, BUSINESS_DATE_BEFORE_APPLICATION, ROLE_NOT_ALLOWED
 *   and the limit, guarantor and eligibility rejections of ApplyForLoan.
 */
export function decideAppraisal(command: AppraiseLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  requireStatus(loan, ['APPLIED', 'APPRAISED'], 'LOAN_NOT_AWAITING_APPRAISAL');
  requireNotBefore(businessDate, loan.appliedOn, 'BUSINESS_DATE_BEFORE_APPLICATION', 'the application');
  const amountPaise = requireAmountWithin(command.amountPaise ?? loan.amountPaise, loan.terms);
  const numberOfInstalments = requireTermWithin(command.numberOfInstalments ?? loan.numberOfInstalments, loan.terms);
  const rate = resolveRate(command.ratePercent ?? loan.rate.ratePercent, loan.terms);
  const guarantors =
    command.guarantors === undefined
      ? requireGuarantorCount(loan.guarantors, amountPaise, loan.terms)
      : requireGuarantors(command.guarantors, { memberNo: loan.memberNo, branchCode: loan.branchCode }, amountPaise, loan.terms, command.guarantorFacts ?? []);
  requireEligible(loan.eligibility, amountPaise, loan.appliedOn, loan.terms.eligibility);
  return [
    {
      type: 'LoanAppraised',
      data: { loanId: loan.loanId, amountPaise, numberOfInstalments, rate, annualRatePercent: annualRatePercent(rate), guarantors, appraisedOn: businessDate, appraisedBy: actor.userId },
    },
  ];
}

/**
 * ApproveLoan → LoanApproved (maker–checker, DESIGN §7): the approver holds branch_manager or
 * head_office and is neither the staff member who recorded the application nor the appraiser.
 * The borrower's eligibility is checked again with the facts as they stand now (`command.eligibility`,
 * her other loans), under the loan's snapshotted terms: other applications may have been made since.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_APPRAISED, BUSINESS_DATE_BEFORE_APPRAISAL, ROLE_NOT_ALLOWED, MAKER_CANNOT_APPROVE
 *   and the rejections of `requireEligible` (e.g. TOO_MANY_OPEN_LOANS, EXCEEDS_SAVINGS_MULTIPLE).
 */
export function decideApproval(command: ApproveLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  requireStatus(loan, ['APPRAISED'], 'LOAN_NOT_APPRAISED');
  requireNotBefore(businessDate, loan.appraisedOn, 'BUSINESS_DATE_BEFORE_APPRAISAL', 'the appraisal');
  const checker = requireChecker(command.actor, [loan.appliedBy, loan.appraisedBy]);
  requireEligible(command.eligibility, loan.amountPaise, businessDate, loan.terms.eligibility);
  return [
    {
      type: 'LoanApproved',
      data: {
        loanId: loan.loanId,
        amountPaise: loan.amountPaise,
        numberOfInstalments: loan.numberOfInstalments,
        approvedOn: businessDate,
        approvedBy: checker.userId,
        approverRole: checker.role,
      },
    },
  ];
}
