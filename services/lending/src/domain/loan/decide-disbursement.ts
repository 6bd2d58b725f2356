import { DomainError, ValidationError } from '@samabay/domain-kit';
import { generateSchedule } from '../schedule/generate-schedule';
import type { DisbursementChannel, DisburseLoan } from './loan-commands';
import type { LoanEvent } from './loan-events';
import { LENDING_STAFF_ROLES, requireBusinessDate, requireLoan, requireNotBefore, requireRole } from './loan-rules';
import type { LoanState } from './loan-state';

/**
 * DisburseLoan → LoanDisbursed with the repayment schedule from the business date: once, only after
 * approval, not dated before the approval.
 * @throws LOAN_NOT_FOUND, LOAN_ALREADY_DISBURSED, LOAN_NOT_APPROVED (loanId), BUSINESS_DATE_BEFORE_APPROVAL,
 *   ROLE_NOT_ALLOWED, INVALID_CHANNEL (channel).
 */
export function decideDisbursement(command: DisburseLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  if (loan.disbursedOn !== null) throw new DomainError('LOAN_ALREADY_DISBURSED', 'the loan has already been disbursed', 'loanId');
  if (loan.status !== 'APPROVED') throw new DomainError('LOAN_NOT_APPROVED', 'a loan is disbursed only after approval', 'loanId');
  requireNotBefore(businessDate, loan.approvedOn, 'BUSINESS_DATE_BEFORE_APPROVAL', 'the approval');
  const channel = requireChannel(command.channel);
  const schedule = generateSchedule({
    principalPaise: loan.amountPaise,
    rate: loan.rate,
    numberOfInstalments: loan.numberOfInstalments,
    startDate: businessDate,
    terms: loan.terms,
  });
  return [
    {
      type: 'LoanDisbursed',
      data: {
        loanId: loan.loanId,
        memberNo: loan.memberNo,
        amountPaise: loan.amountPaise,
        channel,
        disbursedOn: businessDate,
        disbursedBy: actor.userId,
        instalments: schedule.instalments,
        totalInterestPaise: schedule.totalInterestPaise,
        principalOutstandingPaise: schedule.totalPrincipalPaise,
      },
    },
  ];
}

function requireChannel(channel: DisbursementChannel | undefined): DisbursementChannel {
  if (channel?.kind === 'CASH') return { kind: 'CASH' };
  if (channel?.kind === 'SAVINGS_ACCOUNT' && typeof channel.savingsAccountId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(channel.savingsAccountId)) {
    return { kind: 'SAVINGS_ACCOUNT', savingsAccountId: channel.savingsAccountId };
  }
  throw new ValidationError('channel', 'disburse in CASH or into a SAVINGS_ACCOUNT named by its id', 'INVALID_CHANNEL');
}
