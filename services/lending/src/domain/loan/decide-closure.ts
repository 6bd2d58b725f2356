import { DomainError } from '@samabay/domain-kit';
import { quoteForeclosure } from '../repayment/foreclosure';
import { isSettled } from '../repayment/instalment-position';
import { requireActiveOn } from './active-loan';
import type { CloseLoan, RequestWriteOff, WriteOffLoan } from './loan-commands';
import type { LoanEvent } from './loan-events';
import { APPROVING_ROLES, LENDING_STAFF_ROLES, requireBusinessDate, requireChecker, requireLoan, requireRole } from './loan-rules';
import type { LoanSnapshot, LoanState } from './loan-state';

/**
 * RequestWriteOff → LoanWriteOffRequested: the maker (branch_manager or head_office) proposes writing
 * off an NPA loan that still has something outstanding.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE, ROLE_NOT_ALLOWED, LOAN_NOT_NPA,
 *   NOTHING_OUTSTANDING, WRITE_OFF_ALREADY_REQUESTED, BUSINESS_DATE_BEFORE_LAST_ACTIVITY.
 */
export function decideWriteOffRequest(command: RequestWriteOff, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, APPROVING_ROLES);
  requireActiveOn(loan, businessDate);
  if (loan.writeOffRequestedBy !== null) throw new DomainError('WRITE_OFF_ALREADY_REQUESTED', 'a write-off is already awaiting its checker', 'loanId');
  if (loan.arrears.npaSince === null) throw new DomainError('LOAN_NOT_NPA', 'only a non-performing loan can be written off', 'loanId');
  if (isFullyRepaid(loan)) throw new DomainError('NOTHING_OUTSTANDING', 'the loan has nothing outstanding', 'loanId');
  return [{ type: 'LoanWriteOffRequested', data: { loanId: loan.loanId, requestedOn: businessDate, requestedBy: actor.userId } }];
}

/**
 * WriteOffLoan → LoanWrittenOff (maker–checker): a checker other than the requester writes off what the
 * foreclosure quote of the date shows (principal, interest due and accrued, penalties).
 * @throws LOAN_NOT_FOUND, LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE, WRITE_OFF_NOT_REQUESTED, ROLE_NOT_ALLOWED,
 *   MAKER_CANNOT_APPROVE, BUSINESS_DATE_BEFORE_LAST_ACTIVITY.
 */
export function decideWriteOff(command: WriteOffLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  requireActiveOn(loan, businessDate);
  if (loan.writeOffRequestedBy === null) throw new DomainError('WRITE_OFF_NOT_REQUESTED', 'a write-off must first be requested by a maker', 'loanId');
  const checker = requireChecker(command.actor, [loan.writeOffRequestedBy]);
  const quote = quoteForeclosure(loan.instalments, businessDate, loan.terms.rounding);
  return [
    {
      type: 'LoanWrittenOff',
      data: {
        loanId: loan.loanId,
        memberNo: loan.memberNo,
        writtenOffOn: businessDate,
        requestedBy: loan.writeOffRequestedBy,
        approvedBy: checker.userId,
        principalWrittenOffPaise: quote.principalPaise,
        interestWrittenOffPaise: quote.interestPaise,
        penaltyWrittenOffPaise: quote.penaltyPaise,
        principalOutstandingPaise: 0,
      },
    },
  ];
}

/**
 * CloseLoan → LoanClosed, once every instalment is settled (principal, interest and penalties).
 * @throws LOAN_NOT_FOUND, LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE (already closed or written off),
 *   ROLE_NOT_ALLOWED, LOAN_HAS_OUTSTANDING_BALANCE, BUSINESS_DATE_BEFORE_LAST_ACTIVITY.
 */
export function decideClosure(command: CloseLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  requireActiveOn(loan, businessDate);
  if (!isFullyRepaid(loan)) throw new DomainError('LOAN_HAS_OUTSTANDING_BALANCE', 'the loan still has principal, interest or penalties unpaid', 'loanId');
  return [{ type: 'LoanClosed', data: { loanId: loan.loanId, memberNo: loan.memberNo, closedOn: businessDate, closedBy: actor.userId } }];
}

function isFullyRepaid(loan: LoanSnapshot): boolean {
  return loan.instalments.every(isSettled);
}
