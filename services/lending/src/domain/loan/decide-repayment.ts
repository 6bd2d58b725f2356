import { ValidationError, type IsoDate } from '@samabay/domain-kit';
import { ALLOCATION_STRATEGIES } from '../repayment/allocation-strategy';
import { applyAllocations } from '../repayment/apply-allocations';
import { quoteForeclosure, type ForeclosureQuote } from '../repayment/foreclosure';
import { balancesOn } from '../repayment/instalment-position';
import { planRepayment, type OverpaymentRule } from '../repayment/repayment-plan';
import { applyRevision } from '../repayment/schedule-revision';
import { amortisationBasisOf, requireActiveOn } from './active-loan';
import type { RecordRepayment } from './loan-commands';
import type { LoanEvent, LoanRepaymentRecorded, LoanScheduleRevised } from './loan-events';
import { LENDING_STAFF_ROLES, requireBusinessDate, requireLoan, requirePositivePaise, requireRole } from './loan-rules';
import type { LoanState } from './loan-state';

const OVERPAYMENT_RULES: readonly OverpaymentRule[] = ['REJECT', 'REFUND_EXCESS'];

/**
 * RecordRepayment → [LoanScheduleRevised (prepayment or foreclosure)], LoanRepaymentRecorded, allocated
 * by the strategy (default RBI order) as `planRepayment` describes; balances after it.
 * @throws LOAN_NOT_FOUND, LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE, ROLE_NOT_ALLOWED, NOT_PAISE,
 *   AMOUNT_NOT_POSITIVE (amount: zero or negative), INVALID_STRATEGY, INVALID_OVERPAYMENT_RULE,
 *   BUSINESS_DATE_BEFORE_DISBURSEMENT, BUSINESS_DATE_BEFORE_LAST_ACTIVITY, REPAYMENT_EXCEEDS_FORECLOSURE.
 */
export function decideRepayment(command: RecordRepayment, state: LoanState): LoanEvent[] {
  const loan = requireLoan(state, command.loanId);
  const businessDate = requireBusinessDate(command.businessDate);
  const actor = requireRole(command.actor, LENDING_STAFF_ROLES);
  const amountPaise = requirePositivePaise(command.amountPaise, 'amount');
  const strategy = command.strategy ?? 'RBI';
  if (!ALLOCATION_STRATEGIES.includes(strategy)) throw new ValidationError('strategy', 'strategy must be RBI or STANDARD', 'INVALID_STRATEGY');
  const overpayment = command.overpayment ?? 'REJECT';
  if (!OVERPAYMENT_RULES.includes(overpayment)) throw new ValidationError('overpayment', 'overpayment must be REJECT or REFUND_EXCESS', 'INVALID_OVERPAYMENT_RULE');
  requireActiveOn(loan, businessDate);

  const plan = planRepayment({ instalments: loan.instalments, businessDate, amountPaise, strategy, overpayment, basis: amortisationBasisOf(loan) });
  const revised: LoanScheduleRevised[] = plan.revision
    ? [{ type: 'LoanScheduleRevised', data: { loanId: loan.loanId, revisedOn: businessDate, ...plan.revision } }]
    : [];
  const afterRevision = plan.revision ? applyRevision(loan.instalments, plan.revision.fromInstalmentNumber, plan.revision.instalments) : loan.instalments;
  const sum = (component: 'principalPaise' | 'interestPaise' | 'penaltyPaise'): number => plan.allocations.reduce((total, allocation) => total + allocation[component], 0);
  const recorded: LoanRepaymentRecorded = {
    type: 'LoanRepaymentRecorded',
    data: {
      loanId: loan.loanId,
      paidOn: businessDate,
      amountPaise,
      strategy,
      allocations: plan.allocations,
      principalPaidPaise: sum('principalPaise'),
      interestPaidPaise: sum('interestPaise'),
      penaltyPaidPaise: sum('penaltyPaise'),
      excessRefundedPaise: plan.excessPaise,
      balances: balancesOn(applyAllocations(afterRevision, plan.allocations), businessDate),
      recordedBy: actor.userId,
    },
  };
  return [...revised, recorded];
}

/**
 * The foreclosure quote of an active loan on `businessDate` (issue 5 item 2): a pure query over the
 * loan's state, equal to the largest repayment RecordRepayment accepts on that date without an
 * overpayment rule — and paying it leaves nothing outstanding.
 * @throws the rejections of `requireActiveOn` and BAD_DATE.
 */
export function quoteLoanForeclosure(state: LoanState, loanId: string, businessDate: IsoDate): ForeclosureQuote {
  const loan = requireLoan(state, loanId);
  const date = requireBusinessDate(businessDate);
  requireActiveOn(loan, date);
  return quoteForeclosure(loan.instalments, date, loan.terms.rounding);
}
