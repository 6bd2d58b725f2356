import type { IsoDate, Paise } from '@samabay/domain-kit';
import { annualRateFraction, type InterestRate } from '../product/interest-rate';
import type { ScheduleTerms } from '../product/loan-product';
import { amortise, type AmortisationPeriod } from './amortise';
import { accrualYearFraction, dueDatesFrom, nominalPeriodRate } from './periods';
import type { RepaymentSchedule, ScheduledInstalment } from './schedule-types';

/**
 * A schedule to generate: `principalPaise` disbursed (or rescheduled) on `startDate`, repaid in
 * `numberOfInstalments` instalments at `rate`, shaped by `terms` (method, frequency, day count,
 * rounding, grace). The first instalment falls due one period after `startDate`.
 */
export interface ScheduleRequest {
  readonly principalPaise: Paise;
  readonly rate: InterestRate;
  readonly numberOfInstalments: number;
  readonly startDate: IsoDate;
  readonly terms: ScheduleTerms;
  /** Interest already owed at `startDate` (e.g. arrears carried by a reschedule), collected with the first instalment. Default 0. */
  readonly carriedInterestPaise?: Paise;
  /** Number of the first instalment. Default 1. */
  readonly firstNumber?: number;
}

/**
 * Generates a repayment schedule exact to the paisa (issue 5 item 3; EMI by the standard annuity
 * formula, see {@link amortise} for every rounding). Example: 12,000.00 at 2% per month, 4 monthly
 * instalments, EMI declining, 30/360, paisa HALF_UP → 3,151.49 × 3 and a last instalment of 3,151.47.
 * @throws RangeError for a non-positive amount, fewer than 1 instalment, or grace covering every instalment.
 */
export function generateSchedule(request: ScheduleRequest): RepaymentSchedule {
  const { terms } = request;
  if (!Number.isSafeInteger(request.numberOfInstalments) || request.numberOfInstalments < 1) {
    throw new RangeError('numberOfInstalments must be a whole number ≥ 1');
  }
  const dueDates = dueDatesFrom(request.startDate, terms.frequency, request.numberOfInstalments);
  const periods: AmortisationPeriod[] = dueDates.map((dueDate, index) => {
    const periodStart = index === 0 ? request.startDate : dueDates[index - 1];
    return {
      dueDate,
      periodStartDate: periodStart,
      accrualStartDate: periodStart,
      yearFraction: accrualYearFraction(terms.dayCount, terms.frequency, periodStart, periodStart, dueDate),
      carriedInterestPaise: index === 0 ? (request.carriedInterestPaise ?? 0) : 0,
    };
  });
  const annualRate = annualRateFraction(request.rate);
  const instalments = amortise({
    principalPaise: request.principalPaise,
    annualRate,
    periodRate: nominalPeriodRate(annualRate, terms.frequency, terms.dayCount),
    method: terms.amortization,
    rounding: terms.rounding,
    periods,
    principalGraceCount: terms.grace.principalInstalments,
    interestGraceCount: terms.grace.interestInstalments,
    firstNumber: request.firstNumber ?? 1,
  });
  return summarise(instalments);
}

/** Totals of a list of instalments (paise). */
export function summarise(instalments: readonly ScheduledInstalment[]): RepaymentSchedule {
  return {
    instalments,
    totalPrincipalPaise: instalments.reduce((sum, instalment) => sum + instalment.principalPaise, 0),
    totalInterestPaise: instalments.reduce((sum, instalment) => sum + instalment.interestPaise, 0),
  };
}
