import type { IsoDate, Paise } from '@samabay/domain-kit';
import type { HeldPeriodRate } from '../products/recurring-deposit-terms';
import type { InterestRounding } from '../products/interest-conventions';
import type { RatePercent } from '../products/rate-percent';

/**
 * The terms a Recurring Deposit keeps for its whole life, fixed from the product terms in force on its
 * opening date (a later rate or table change never applies to it retroactively). Amounts integer paise.
 * - `instalmentCount` = 12 × `tenureYears`; instalment n is due by the last day of the n-th calendar month
 *   counted from the opening month; `maturityDate` = opening date + tenure.
 * - `maturityValuePaise` = instalment × `maturityFactorPerRupee` (published table) rounded per the product.
 * - `finePerMissedInstalmentPaise`: the fine for one missed instalment (per Rs 100 of instalment, by tenure band).
 */
export interface RecurringDepositContract {
  readonly instalmentPaise: Paise;
  readonly tenureYears: number;
  readonly instalmentCount: number;
  readonly maturityDate: IsoDate;
  readonly maturityFactorPerRupee: string;
  readonly maturityValuePaise: Paise;
  readonly finePerMissedInstalmentPaise: Paise;
  readonly prematureClosure: {
    readonly heldPeriodRates: readonly HeldPeriodRate[];
    readonly penaltyPercentagePoints: RatePercent;
    readonly rounding: InterestRounding;
  };
}
