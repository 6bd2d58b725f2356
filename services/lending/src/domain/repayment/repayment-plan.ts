import { DomainError, formatPaiseAsRupees, type IsoDate, type Paise } from '@samabay/domain-kit';
import { allocateToDues, type AllocationStrategy, type InstalmentAllocation } from './allocation-strategy';
import type { AmortisationBasis } from './amortisation-basis';
import { owedAccruedInterest, quoteForeclosure, type ForeclosureQuote } from './foreclosure';
import { isDueBy, type InstalmentPosition } from './instalment-position';
import { closeScheduleOn, reamortiseAfterPrepayment } from './prepayment';
import type { ScheduleRevision } from './schedule-revision';

/**
 * What to do with a payment above the foreclosure amount: 'REJECT' (default — the payment is refused)
 * or 'REFUND_EXCESS' (the loan closes and the excess is recorded as owed back to the member).
 */
export type OverpaymentRule = 'REJECT' | 'REFUND_EXCESS';

/** A repayment to plan; `amountPaise` > 0 (checked by the caller). */
export interface RepaymentRequest {
  readonly instalments: readonly InstalmentPosition[];
  readonly businessDate: IsoDate;
  readonly amountPaise: Paise;
  readonly strategy: AllocationStrategy;
  readonly overpayment: OverpaymentRule;
  readonly basis: AmortisationBasis;
}

/**
 * How a repayment lands: `revision` (if any) replaces the running and later instalments first; then
 * `allocations` (against the revised schedule) pay principal, interest and penalties; `excessPaise`
 * is owed back under REFUND_EXCESS. `quote` is the foreclosure quote before the payment.
 */
export interface RepaymentPlan {
  readonly allocations: readonly InstalmentAllocation[];
  readonly revision: ScheduleRevision | null;
  readonly excessPaise: Paise;
  readonly quote: ForeclosureQuote;
}

/**
 * Plans a repayment (issue 5 item 2) in three steps:
 * 1. what has fallen due by the date is paid in the order of `strategy` (see `allocateToDues`);
 * 2. what is left pays the running period's accrued interest (in advance of its due date);
 * 3. what is left after that prepays principal. A payment of exactly {@link quoteForeclosure}'s total
 *    closes the schedule on the date (foreclosure: later interest is not owed); a smaller one
 *    re-amortises the remaining instalments on the lower balance (same dates, smaller instalments).
 * @throws DomainError REPAYMENT_EXCEEDS_FORECLOSURE (field amount, as the API input names it) when the amount is above the
 *   foreclosure quote and `overpayment` is 'REJECT'.
 */
export function planRepayment(request: RepaymentRequest): RepaymentPlan {
  const { instalments, businessDate, basis } = request;
  const quote = quoteForeclosure(instalments, businessDate, basis.terms.rounding);
  if (request.amountPaise > quote.totalPaise && request.overpayment === 'REJECT') {
    throw new DomainError(
      'REPAYMENT_EXCEEDS_FORECLOSURE',
      `the repayment is more than the Rs ${formatPaiseAsRupees(quote.totalPaise)} that close the loan on ${businessDate}`,
      'amount',
      { foreclosurePaise: quote.totalPaise },
    );
  }
  const payable = Math.min(request.amountPaise, quote.totalPaise);
  const dues = allocateToDues(instalments, businessDate, payable, request.strategy);
  const excessPaise = request.amountPaise - payable;
  const runningIndex = instalments.findIndex((instalment) => !isDueBy(instalment, businessDate));
  const closes = payable === quote.totalPaise;
  if (runningIndex < 0 || (dues.remainingPaise === 0 && !closes)) return { allocations: dues.allocations, revision: null, excessPaise, quote };

  const running = instalments[runningIndex];
  const interestPaid = Math.min(dues.remainingPaise, owedAccruedInterest(running, businessDate, basis.terms.rounding));
  const principalPaid = dues.remainingPaise - interestPaid;
  const revision = closes
    ? closeScheduleOn(instalments, runningIndex, businessDate, basis)
    : principalPaid > 0
      ? reamortiseAfterPrepayment(instalments, runningIndex, businessDate, principalPaid, basis)
      : null;
  if (interestPaid + principalPaid === 0) return { allocations: dues.allocations, revision, excessPaise, quote };
  const toRunning: InstalmentAllocation = { instalmentNumber: running.number, principalPaise: principalPaid, interestPaise: interestPaid, penaltyPaise: 0 };
  return { allocations: [...dues.allocations, toRunning], revision, excessPaise, quote };
}
