import type { IsoDate, Paise } from '@samabay/domain-kit';
import { annualRateFraction } from '../product/interest-rate';
import { amortise, type AmortisationPeriod } from '../schedule/amortise';
import { accrualYearFraction, nominalPeriodRate } from '../schedule/periods';
import type { ScheduledInstalment } from '../schedule/schedule-types';
import type { AmortisationBasis } from './amortisation-basis';
import { accruedInterest, unpaidPrincipal, type InstalmentPosition } from './instalment-position';
import { scheduledPart, type ScheduleRevision } from './schedule-revision';

/**
 * Re-amortises the instalments from the running one (`fromIndex`) on after `prepaidPrincipalPaise`
 * is paid on `businessDate` (issue 5 item 2, "prepayment"): the remaining due dates stay, the
 * instalment amount falls. The running instalment keeps the interest accrued on the old balance up to
 * the date (carried, pro-rated by days) and then accrues on the new balance from the date; later
 * instalments are amortised anew by the loan's method, rounding and remaining grace. The prepaid and
 * previously paid principal stay on the running instalment (so what it shows as paid remains true).
 * @throws RangeError when the prepayment does not leave principal to amortise (that is a foreclosure).
 */
export function reamortiseAfterPrepayment(
  positions: readonly InstalmentPosition[],
  fromIndex: number,
  businessDate: IsoDate,
  prepaidPrincipalPaise: Paise,
  basis: AmortisationBasis,
): ScheduleRevision {
  const tail = positions.slice(fromIndex);
  const running = tail[0];
  const remainingPrincipal = tail.reduce((sum, position) => sum + unpaidPrincipal(position), 0) - prepaidPrincipalPaise;
  if (remainingPrincipal <= 0) throw new RangeError('a prepayment must leave principal to re-amortise');
  const { terms } = basis;
  const periods: AmortisationPeriod[] = tail.map((position, index) => {
    const accrualStart = index === 0 ? businessDate : position.periodStartDate;
    return {
      dueDate: position.dueDate,
      periodStartDate: position.periodStartDate,
      accrualStartDate: accrualStart,
      yearFraction: accrualYearFraction(terms.dayCount, terms.frequency, position.periodStartDate, accrualStart, position.dueDate),
      carriedInterestPaise: index === 0 ? Math.max(accruedInterest(running, businessDate, terms.rounding), running.paidInterestPaise) : 0,
    };
  });
  const annualRate = annualRateFraction(basis.rate);
  const amortised = amortise({
    principalPaise: remainingPrincipal,
    annualRate,
    periodRate: nominalPeriodRate(annualRate, terms.frequency, terms.dayCount),
    method: terms.amortization,
    rounding: terms.rounding,
    periods,
    principalGraceCount: Math.max(0, basis.principalGraceThrough - (running.number - 1)),
    interestGraceCount: Math.max(0, basis.interestGraceThrough - (running.number - 1)),
    firstNumber: running.number,
  });
  const [first, ...rest] = amortised;
  const revisedRunning: ScheduledInstalment = { ...first, principalPaise: first.principalPaise + running.paidPrincipalPaise + prepaidPrincipalPaise };
  return { reason: 'PREPAYMENT', fromInstalmentNumber: running.number, instalments: [revisedRunning, ...rest], supersededInstalments: tail.map(scheduledPart) };
}

/**
 * Closes the schedule on `businessDate` (foreclosure): the running instalment becomes due on that
 * date with all remaining principal and only the interest accrued to the date; later instalments
 * (and their interest) are dropped.
 */
export function closeScheduleOn(positions: readonly InstalmentPosition[], fromIndex: number, businessDate: IsoDate, basis: AmortisationBasis): ScheduleRevision {
  const tail = positions.slice(fromIndex);
  const running = tail[0];
  const interest = Math.max(accruedInterest(running, businessDate, basis.terms.rounding), running.paidInterestPaise);
  const closing: ScheduledInstalment = {
    number: running.number,
    dueDate: businessDate,
    periodStartDate: running.periodStartDate,
    accrualStartDate: businessDate,
    principalPaise: running.principalPaise + tail.slice(1).reduce((sum, position) => sum + position.principalPaise, 0),
    interestPaise: interest,
    carriedInterestPaise: interest,
    balanceAfterPaise: 0,
  };
  return { reason: 'FORECLOSURE', fromInstalmentNumber: running.number, instalments: [closing], supersededInstalments: tail.map(scheduledPart) };
}
