import { DomainError, parseIsoDate } from '@samabay/domain-kit';
import { assetClassOn, smaClassFor } from '../arrears/asset-classification';
import { earliest } from '../arrears/borrower-classification';
import { arrearsOn } from '../arrears/days-past-due';
import { latePenaltiesDue } from '../arrears/late-penalty';
import { ownNpaSince } from '../arrears/npa-status';
import { unpaidPenalty } from '../repayment/instalment-position';
import { requireActiveOn } from './active-loan';
import type { AgeLoan, MarkLoanAsLoss } from './loan-commands';
import type { LoanArrearsClassified, LoanEvent, LoanPenaltyCharged } from './loan-events';
import { LOSS_MARKING_ROLES, requireBusinessDate, requireLoan, requireRole } from './loan-rules';
import type { LoanState } from './loan-state';

/**
 * AgeLoan (day-end, DESIGN §9) → LoanPenaltyCharged for each instalment newly past the penalty grace,
 * then LoanArrearsClassified when the SMA class, asset class or NPA dates change (RBI IRAC: SMA-0/1/2,
 * NPA > 90 days borrower-wise, sub-standard ≤ 12 months of NPA, doubtful beyond, loss when marked).
 * Idempotent for the same business date (a second run finds nothing new and returns no events); a
 * loan not disbursed, closed or written off returns no events, so the day-end may age every loan.
 * @throws LOAN_NOT_FOUND, BAD_DATE (businessDate, otherLoansNpaSince), BUSINESS_DATE_BEFORE_LAST_ACTIVITY
 *   (a date before what the loan already recorded: run missed day-ends in date order).
 */
export function decideAgeing(command: AgeLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const otherLoansNpaSince = command.otherLoansNpaSince === null ? null : parseIsoDate(command.otherLoansNpaSince, 'otherLoansNpaSince');
  if (loan.status !== 'ACTIVE') return [];
  requireActiveOn(loan, businessDate);

  let penaltyDuePaise = loan.instalments.reduce((sum, instalment) => sum + unpaidPenalty(instalment), 0);
  const penalties: LoanPenaltyCharged[] = latePenaltiesDue(loan.instalments, businessDate, loan.terms.latePenalty, loan.terms.rounding).map((charge) => {
    penaltyDuePaise += charge.penaltyPaise;
    return { type: 'LoanPenaltyCharged', data: { loanId: loan.loanId, chargedOn: businessDate, ...charge, penaltyDuePaise } };
  });

  const arrears = arrearsOn(loan.instalments, businessDate);
  const own = ownNpaSince({ previousNpaSince: loan.arrears.ownNpaSince, arrears, businessDate, upgradeBlockedUntil: loan.arrears.upgradeBlockedUntil });
  const npaSince = earliest([own, otherLoansNpaSince]);
  const smaClass = npaSince === null ? smaClassFor(arrears.daysPastDue) : null;
  const assetClass = assetClassOn(npaSince, loan.arrears.lossMarked, businessDate);
  const previous = loan.arrears;
  const changed = previous.smaClass !== smaClass || previous.assetClass !== assetClass || previous.npaSince !== npaSince || previous.ownNpaSince !== own;
  if (!changed) return penalties;
  const classified: LoanArrearsClassified = {
    type: 'LoanArrearsClassified',
    data: {
      loanId: loan.loanId,
      classifiedOn: businessDate,
      daysPastDue: arrears.daysPastDue,
      overduePrincipalPaise: arrears.overduePrincipalPaise,
      overdueInterestPaise: arrears.overdueInterestPaise,
      principalOutstandingPaise: loan.instalments.reduce((sum, instalment) => sum + instalment.principalPaise - instalment.paidPrincipalPaise, 0),
      smaClass,
      assetClass,
      npaSince,
      ownNpaSince: own,
    },
  };
  return [...penalties, classified];
}

/**
 * MarkLoanAsLoss → LoanMarkedAsLoss (RBI IRAC loss asset): head_office or an auditor, on an NPA loan.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE, ROLE_NOT_ALLOWED, LOAN_NOT_NPA, LOAN_ALREADY_LOSS.
 */
export function decideLossMarking(command: MarkLoanAsLoss, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LOSS_MARKING_ROLES);
  requireActiveOn(loan, businessDate);
  if (loan.arrears.lossMarked) throw new DomainError('LOAN_ALREADY_LOSS', 'the loan is already marked as a loss asset', 'loanId');
  if (loan.arrears.npaSince === null) throw new DomainError('LOAN_NOT_NPA', 'only a non-performing loan can be marked as a loss', 'loanId');
  return [{ type: 'LoanMarkedAsLoss', data: { loanId: loan.loanId, markedOn: businessDate, markedBy: actor.userId } }];
}
