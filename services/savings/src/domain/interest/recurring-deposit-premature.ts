import type { IsoDate, Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { completeMonthsBetween } from '../calendar/months';

/** One instalment paid into a Recurring Deposit: amount in paise and the business date it was paid. */
export interface InstalmentPayment {
  readonly amountPaise: Paise;
  readonly paidOn: IsoDate;
}

/**
 * Interest of a prematurely closed Recurring Deposit, exact (not rounded), in paise: simple interest on
 * each instalment for the complete months from its payment to `closedOn`, at `annualRatePercent`
 * (already reduced by the premature-closure penalty): Σ amount × months / 12 × rate / 100.
 * Source: the co-operative's scheme (premature withdrawal earns 1% below the rate of the period held, DESIGN §8);
 * simple interest on the monthly product is the credit societies' usual RD premature computation.
 */
export function recurringDepositPrematureInterest(payments: readonly InstalmentPayment[], closedOn: IsoDate, annualRatePercent: Decimal): Decimal {
  return payments.reduce((total, payment) => {
    const months = completeMonthsBetween(payment.paidOn, closedOn);
    return total.plus(new Decimal(payment.amountPaise).times(months).times(annualRatePercent).dividedBy(1200));
  }, new Decimal(0));
}
