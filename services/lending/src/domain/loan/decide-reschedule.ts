import { annualRatePercent } from '../product/interest-rate';
import { planReschedule } from '../repayment/reschedule';
import { addMonthsClamped } from '../calendar';
import { requireActiveOn } from './active-loan';
import type { RescheduleLoan } from './loan-commands';
import type { LoanEvent } from './loan-events';
import { resolveRate, requireTermWithin } from './loan-limits';
import { APPROVING_ROLES, requireBusinessDate, requireLoan, requireRole } from './loan-rules';
import type { LoanState } from './loan-state';

/**
 * RescheduleLoan → LoanRescheduled (see `planReschedule`): all unpaid principal over a new term from
 * the business date, optionally at a new rate, both within the loan's product terms; the old schedule
 * stays in the event's history. A loan that is NPA stays NPA for at least 12 months after a reschedule
 * even if it pays on time (`upgradeBlockedUntil`; RBI's Prudential Framework of 7 June 2019 asks for a
 * year of satisfactory performance before a restructured account is upgraded).
 * @throws LOAN_NOT_FOUND, LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE, ROLE_NOT_ALLOWED (branch_manager or head_office),
 *   BUSINESS_DATE_BEFORE_DISBURSEMENT / _LAST_ACTIVITY, INVALID_TERM, TERM_OUTSIDE_PRODUCT, INVALID_RATE,
 *   RATE_OUTSIDE_PRODUCT, NOTHING_TO_RESCHEDULE.
 */
export function decideReschedule(command: RescheduleLoan, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, APPROVING_ROLES);
  requireActiveOn(loan, businessDate);
  const numberOfInstalments = requireTermWithin(command.numberOfInstalments, { ...loan.terms, grace: { principalInstalments: 0, interestInstalments: 0 } });
  const rate = resolveRate(command.ratePercent ?? loan.rate.ratePercent, loan.terms);
  const plan = planReschedule({ instalments: loan.instalments, businessDate, numberOfInstalments, rate, terms: loan.terms });
  const wasNpa = loan.arrears.npaSince !== null;
  return [
    {
      type: 'LoanRescheduled',
      data: {
        loanId: loan.loanId,
        rescheduledOn: businessDate,
        rescheduledBy: actor.userId,
        numberOfInstalments,
        rate,
        annualRatePercent: annualRatePercent(rate),
        truncatedInstalments: plan.truncatedInstalments,
        fromInstalmentNumber: plan.fromInstalmentNumber,
        instalments: plan.instalments,
        supersededInstalments: plan.supersededInstalments,
        carriedInterestPaise: plan.carriedInterestPaise,
        principalOutstandingPaise: plan.principalPaise,
        upgradeBlockedUntil: wasNpa ? addMonthsClamped(businessDate, 12) : null,
      },
    },
  ];
}
