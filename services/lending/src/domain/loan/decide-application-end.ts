import { DomainError, ValidationError } from '@samabay/domain-kit';
import type { RejectLoan, WithdrawLoanApplication } from './loan-commands';
import type { LoanEvent } from './loan-events';
import { LENDING_STAFF_ROLES, requireBusinessDate, requireChecker, requireLoan, requireNotBefore, requireRole, requireStatus } from './loan-rules';
import type { LoanSnapshot } from './loan-state';
import type { LoanState } from './loan-state';

/** A reason is a short code such as INSUFFICIENT_REPAYMENT_CAPACITY, never free text (events must carry no personal data). */
const REASON_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * RejectLoan → LoanRejected (maker–checker, DESIGN §7, as for approval): an application not yet disbursed
 * (applied, appraised or approved) is rejected by a branch_manager or head_office who is neither the staff
 * member who recorded the application nor the appraiser.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_AWAITING_DECISION, DISBURSEMENT_IN_PROGRESS (loanId), BUSINESS_DATE_BEFORE_APPLICATION,
 *   ROLE_NOT_ALLOWED, MAKER_CANNOT_APPROVE, INVALID_REASON (reason).
 */
export function decideRejection(command: RejectLoan, state: LoanState): LoanEvent[] {
  const loan = requireUndisbursed(state, command.loanId, 'LOAN_NOT_AWAITING_DECISION');
  const businessDate = requireBusinessDate(command.businessDate);
  requireNotBefore(businessDate, loan.appliedOn, 'BUSINESS_DATE_BEFORE_APPLICATION', 'the application');
  const reason = requireReason(command.reason);
  const checker = requireChecker(command.actor, [loan.appliedBy, loan.appraisedBy]);
  if (reason === null) throw new ValidationError('reason', 'a rejection needs a reason code such as INSUFFICIENT_REPAYMENT_CAPACITY', 'INVALID_REASON');
  return [{ type: 'LoanRejected', data: { loanId: loan.loanId, memberNo: loan.memberNo, rejectedOn: businessDate, rejectedBy: checker.userId, rejectorRole: checker.role, reason } }];
}

/**
 * WithdrawLoanApplication → LoanApplicationWithdrawn: the member withdraws an application not yet disbursed;
 * any lending staff member records it.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_WITHDRAWABLE, DISBURSEMENT_IN_PROGRESS (loanId), BUSINESS_DATE_BEFORE_APPLICATION, ROLE_NOT_ALLOWED, INVALID_REASON.
 */
export function decideWithdrawal(command: WithdrawLoanApplication, state: LoanState): LoanEvent[] {
  const loan = requireUndisbursed(state, command.loanId, 'LOAN_NOT_WITHDRAWABLE');
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  requireNotBefore(businessDate, loan.appliedOn, 'BUSINESS_DATE_BEFORE_APPLICATION', 'the application');
  const reason = requireReason(command.reason);
  return [{ type: 'LoanApplicationWithdrawn', data: { loanId: loan.loanId, memberNo: loan.memberNo, withdrawnOn: businessDate, recordedBy: actor.userId, reason } }];
}

function requireUndisbursed(state: LoanState, loanId: string, code: string): LoanSnapshot {
  const loan = requireLoan(state, loanId);
  requireStatus(loan, ['APPLIED', 'APPRAISED', 'APPROVED'], code);
  if (loan.pendingDisbursement) throw new DomainError('DISBURSEMENT_IN_PROGRESS', 'a disbursement into the savings account is in progress', 'loanId');
  return loan;
}

function requireReason(reason: unknown): string | null {
  if (reason === undefined || reason === null) return null;
  if (typeof reason !== 'string' || !REASON_CODE.test(reason)) {
    throw new ValidationError('reason', 'the reason must be a code of capital letters, digits and underscores (no free text)', 'INVALID_REASON');
  }
  return reason;
}
