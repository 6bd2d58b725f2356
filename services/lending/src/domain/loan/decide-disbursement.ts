import { DomainError, ValidationError } from '@samabay/domain-kit';
import { generateSchedule } from '../schedule/generate-schedule';
import type { ConfirmDisbursement, DisbursementChannel, DisburseLoan, FailDisbursement } from './loan-commands';
import { requireEligible } from './eligibility';
import type { LoanEvent } from './loan-events';
import { LENDING_STAFF_ROLES, requireBusinessDate, requireLoan, requireNotBefore, requireRole } from './loan-rules';
import type { LoanSnapshot, LoanState } from './loan-state';

/**
 * DisburseLoan, once, only after approval, not dated before the approval. CASH → LoanDisbursed with the
 * repayment schedule from the business date. SAVINGS_ACCOUNT → LoanDisbursementRequested: the money moves
 * only when savings has credited the account (the disbursement process then sends ConfirmDisbursement).
 * @throws LOAN_NOT_FOUND, LOAN_ALREADY_DISBURSED, LOAN_NOT_APPROVED (loanId), DISBURSEMENT_IN_PROGRESS (loanId),
 *   BUSINESS_DATE_BEFORE_APPROVAL, ROLE_NOT_ALLOWED, INVALID_CHANNEL (channel), NOT_BORROWERS_SAVINGS_ACCOUNT
 *   (channel.savingsAccountId: not an SD/TF account id of the borrower), INVALID_DISBURSEMENT_ID, and the
 *   rejections of `requireEligible` with the borrower's facts now (`command.eligibility`: MEMBER_NOT_ACTIVE,
 *   TOO_MANY_OPEN_LOANS, EXCEEDS_SAVINGS_MULTIPLE, …) under the loan's snapshotted terms.
 */
export function decideDisbursement(command: DisburseLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  if (loan.disbursedOn !== null) throw new DomainError('LOAN_ALREADY_DISBURSED', 'the loan has already been disbursed', 'loanId');
  if (loan.pendingDisbursement) throw new DomainError('DISBURSEMENT_IN_PROGRESS', 'a disbursement into the savings account is in progress', 'loanId');
  if (loan.status !== 'APPROVED') throw new DomainError('LOAN_NOT_APPROVED', 'a loan is disbursed only after approval', 'loanId');
  requireNotBefore(businessDate, loan.approvedOn, 'BUSINESS_DATE_BEFORE_APPROVAL', 'the approval');
  requireEligible(command.eligibility, loan.amountPaise, businessDate, loan.terms.eligibility);
  const channel = requireChannel(command.channel);
  if (channel.kind === 'SAVINGS_ACCOUNT') {
    if (!new RegExp(`^${loan.memberNo}-(SD|TF)-\\d{2}$`).test(channel.savingsAccountId)) {
      throw new DomainError('NOT_BORROWERS_SAVINGS_ACCOUNT', "the loan goes only into the borrower's own Savings Deposit or Thrift Fund account", 'channel.savingsAccountId');
    }
    if (typeof command.disbursementId !== 'string' || command.disbursementId.length === 0) {
      throw new ValidationError('disbursementId', 'a disbursement into a savings account needs its id', 'INVALID_DISBURSEMENT_ID');
    }
    return [
      {
        type: 'LoanDisbursementRequested',
        data: {
          loanId: loan.loanId,
          disbursementId: command.disbursementId,
          memberNo: loan.memberNo,
          amountPaise: loan.amountPaise,
          savingsAccountId: channel.savingsAccountId,
          requestedOn: businessDate,
          requestedBy: actor.userId,
        },
      },
    ];
  }
  return [disbursed(loan, channel, businessDate, actor.userId)];
}

/**
 * ConfirmDisbursement → LoanDisbursed as requested (dated the request's date, by the staff member who
 * requested it, schedule from that date). Idempotent: confirming the disbursement that already happened gives no events.
 * @throws LOAN_NOT_FOUND, NO_DISBURSEMENT_REQUESTED (disbursementId: none pending, or another one).
 */
export function decideConfirmDisbursement(command: ConfirmDisbursement, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const pending = loan.pendingDisbursement;
  if (!pending || pending.disbursementId !== command.disbursementId) {
    if (loan.disbursedOn !== null && loan.disbursementId === command.disbursementId) return [];
    throw new DomainError('NO_DISBURSEMENT_REQUESTED', 'no such disbursement is waiting for confirmation', 'disbursementId');
  }
  const channel: DisbursementChannel = { kind: 'SAVINGS_ACCOUNT', savingsAccountId: pending.savingsAccountId };
  const event = disbursed(loan, channel, pending.requestedOn, pending.requestedBy);
  return [{ ...event, data: { ...event.data, disbursementId: pending.disbursementId, creditEventId: command.creditEventId } } as LoanEvent];
}

/**
 * FailDisbursement → LoanDisbursementFailed: savings refused the credit; the loan is APPROVED again.
 * Idempotent: a disbursement already failed gives no events.
 * @throws LOAN_NOT_FOUND, NO_DISBURSEMENT_REQUESTED (disbursementId), BAD_DATE.
 */
export function decideFailDisbursement(command: FailDisbursement, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const pending = loan.pendingDisbursement;
  if (!pending || pending.disbursementId !== command.disbursementId) {
    if ((loan.failedDisbursements ?? []).includes(command.disbursementId)) return [];
    throw new DomainError('NO_DISBURSEMENT_REQUESTED', 'no such disbursement is waiting for confirmation', 'disbursementId');
  }
  return [
    {
      type: 'LoanDisbursementFailed',
      data: { loanId: loan.loanId, disbursementId: pending.disbursementId, savingsAccountId: pending.savingsAccountId, reasonCode: String(command.reasonCode), failedOn: businessDate },
    },
  ];
}

function disbursed(loan: LoanSnapshot, channel: DisbursementChannel, businessDate: string, disbursedBy: string): LoanEvent {
  const schedule = generateSchedule({
    principalPaise: loan.amountPaise,
    rate: loan.rate,
    numberOfInstalments: loan.numberOfInstalments,
    startDate: businessDate,
    terms: loan.terms,
  });
  return {
    type: 'LoanDisbursed',
    data: {
      loanId: loan.loanId,
      memberNo: loan.memberNo,
      amountPaise: loan.amountPaise,
      channel,
      disbursedOn: businessDate,
      disbursedBy,
      instalments: schedule.instalments,
      totalInterestPaise: schedule.totalInterestPaise,
      principalOutstandingPaise: schedule.totalPrincipalPaise,
    },
  };
}

function requireChannel(channel: DisbursementChannel | undefined): DisbursementChannel {
  if (channel?.kind === 'CASH') return { kind: 'CASH' };
  if (channel?.kind === 'SAVINGS_ACCOUNT' && typeof channel.savingsAccountId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(channel.savingsAccountId)) {
    return { kind: 'SAVINGS_ACCOUNT', savingsAccountId: channel.savingsAccountId };
  }
  throw new ValidationError('channel', 'disburse in CASH or into a SAVINGS_ACCOUNT named by its id', 'INVALID_CHANNEL');
}
