import type { Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';

/** One loan's contribution to portfolio quality: its outstanding principal (paise) and days past due. */
export interface PortfolioLoan {
  readonly principalOutstandingPaise: Paise;
  readonly daysPastDue: number;
}

/**
 * Portfolio at risk over `thresholdDays`, balance-weighted (issue 5 item 5): the whole outstanding
 * principal of every loan more than `thresholdDays` past due (`atRiskPaise`), over the gross
 * outstanding portfolio (`grossPaise`) — not Fineract's overdue/outstanding ratio. `percent` is a
 * decimal string rounded HALF_UP to 2 decimals ("41.18"); "0.00" for an empty portfolio.
 * Example: 10,000 (0 dpd), 5,000 (45), 2,000 (120) → PAR30 = 7,000/17,000 = "41.18", PAR90 = "11.76".
 */
export interface PortfolioAtRisk {
  readonly thresholdDays: number;
  readonly atRiskPaise: Paise;
  readonly grossPaise: Paise;
  readonly percent: string;
}

/** Computes {@link PortfolioAtRisk} of `loans` for `thresholdDays` (30 for PAR30, 90 for PAR90). */
export function portfolioAtRisk(loans: readonly PortfolioLoan[], thresholdDays: number): PortfolioAtRisk {
  let grossPaise = 0;
  let atRiskPaise = 0;
  for (const loan of loans) {
    grossPaise += loan.principalOutstandingPaise;
    if (loan.daysPastDue > thresholdDays) atRiskPaise += loan.principalOutstandingPaise;
  }
  const percent = grossPaise === 0 ? '0.00' : new Decimal(atRiskPaise).times(100).dividedBy(grossPaise).toFixed(2, Decimal.ROUND_HALF_UP);
  return { thresholdDays, atRiskPaise, grossPaise, percent };
}
