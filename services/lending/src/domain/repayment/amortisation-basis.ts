import type { InterestRate } from '../product/interest-rate';
import type { ScheduleTerms } from '../product/loan-product';

/**
 * What re-amortising a loan's remaining schedule needs: its rate and schedule terms as snapshotted on
 * the loan, and the last instalment numbers still inside the principal and interest grace (0 = none).
 */
export interface AmortisationBasis {
  readonly rate: InterestRate;
  readonly terms: ScheduleTerms;
  readonly principalGraceThrough: number;
  readonly interestGraceThrough: number;
}
