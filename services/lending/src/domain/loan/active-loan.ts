import { DomainError, type IsoDate } from '@samabay/domain-kit';
import type { AmortisationBasis } from '../repayment/amortisation-basis';
import { requireNotBefore } from './loan-rules';
import type { LoanSnapshot } from './loan-state';

/**
 * Requires a disbursed, open loan and a business date on or after both its disbursement and its
 * latest activity (repayments and day-ends happen in date order).
 * @throws DomainError LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE (loanId); ValidationError
 *   BUSINESS_DATE_BEFORE_DISBURSEMENT, BUSINESS_DATE_BEFORE_LAST_ACTIVITY (businessDate).
 */
export function requireActiveOn(loan: LoanSnapshot, businessDate: IsoDate): void {
  if (loan.disbursedOn === null) throw new DomainError('LOAN_NOT_DISBURSED', 'the loan has not been disbursed', 'loanId');
  if (loan.status !== 'ACTIVE') throw new DomainError('LOAN_NOT_ACTIVE', `the loan is ${loan.status.toLowerCase().replace('_', ' ')}`, 'loanId');
  requireNotBefore(businessDate, loan.disbursedOn, 'BUSINESS_DATE_BEFORE_DISBURSEMENT', 'the disbursement');
  requireNotBefore(businessDate, loan.lastActivityOn, 'BUSINESS_DATE_BEFORE_LAST_ACTIVITY', "the loan's latest transaction");
}

/** The loan's basis for re-amortising (rate, schedule terms and remaining grace). */
export function amortisationBasisOf(loan: LoanSnapshot): AmortisationBasis {
  return { rate: loan.rate, terms: loan.terms, principalGraceThrough: loan.principalGraceThrough, interestGraceThrough: loan.interestGraceThrough };
}
