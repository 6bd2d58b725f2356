import type { IsoDate, Paise } from '@samabay/domain-kit';
import type Decimal from 'decimal.js';
import type { AmortizationMethod, RoundingRule } from '../product/loan-product';
import { annuityInstalment } from './annuity';
import { roundToPaise, roundToUnit } from './rounding';
import { ScheduleDecimal } from './schedule-decimal';
import type { ScheduledInstalment } from './schedule-types';

/** One period to amortise over: interest accrues for `yearFraction` of a year on the balance. */
export interface AmortisationPeriod {
  readonly dueDate: IsoDate;
  readonly periodStartDate: IsoDate;
  readonly accrualStartDate: IsoDate;
  readonly yearFraction: Decimal;
  /** Interest already accrued before the period (paise), collected with it and never bearing interest. */
  readonly carriedInterestPaise: Paise;
}

/**
 * What {@link amortise} needs. `annualRate` is a fraction (0.12 = 12% p.a.); `periodRate` is the
 * nominal periodic rate of the annuity formula. The first `principalGraceCount` periods collect no
 * principal, the first `interestGraceCount` charge no interest. Instalments are numbered from `firstNumber`.
 */
export interface AmortisationRequest {
  readonly principalPaise: Paise;
  readonly annualRate: Decimal;
  readonly periodRate: Decimal;
  readonly method: AmortizationMethod;
  readonly rounding: RoundingRule;
  readonly periods: readonly AmortisationPeriod[];
  readonly principalGraceCount: number;
  readonly interestGraceCount: number;
  readonly firstNumber: number;
}

/**
 * Amortises `principalPaise` over the periods (issue 5 item 3). Every rounding is explicit:
 * - the EMI (annuity formula), the equal principal part and the flat interest part are rounded to
 *   the rule's unit with its mode; each declining-balance interest amount to paise with that mode;
 * - principal of an instalment is capped at the balance; the last instalment takes the whole
 *   remaining balance (and, for FLAT, the remaining interest), so principal sums exactly to the
 *   amount and the final balance is 0;
 * - when rounding up repays the loan before the last period, the trailing instalments with nothing
 *   due are left out (the schedule never holds a negative or an empty trailing instalment).
 * @throws RangeError for a non-positive or unsafe principal, no periods, or grace covering every period.
 */
export function amortise(request: AmortisationRequest): ScheduledInstalment[] {
  const { principalPaise, periods, principalGraceCount: principalGrace, interestGraceCount: interestGrace } = request;
  if (!Number.isSafeInteger(principalPaise) || principalPaise <= 0) throw new RangeError('principal must be a positive safe integer of paise');
  if (periods.length === 0) throw new RangeError('a schedule needs at least one period');
  if (principalGrace < 0 || principalGrace >= periods.length || interestGrace < 0 || interestGrace > periods.length) {
    throw new RangeError('grace must leave at least one instalment to repay principal');
  }
  const part = instalmentParts(request);
  let balance = principalPaise;
  let flatInterestLeft = part.flatInterestTotal;
  const instalments: ScheduledInstalment[] = [];
  periods.forEach((period, index) => {
    const isLast = index === periods.length - 1;
    const charged = index >= interestGrace;
    let interest = 0;
    if (request.method === 'FLAT') {
      interest = !charged ? 0 : isLast ? flatInterestLeft : Math.min(part.flatInterest, flatInterestLeft);
      flatInterestLeft -= interest;
    } else if (charged) {
      interest = roundToPaise(new ScheduleDecimal(balance).times(request.annualRate).times(period.yearFraction), request.rounding);
    }
    let principal = 0;
    if (index >= principalGrace) {
      if (isLast) principal = balance;
      else if (request.method === 'EMI_DECLINING') principal = clamp(part.instalment - interest, balance);
      else principal = clamp(part.principal, balance);
    }
    balance -= principal;
    instalments.push({
      number: request.firstNumber + index,
      dueDate: period.dueDate,
      periodStartDate: period.periodStartDate,
      accrualStartDate: period.accrualStartDate,
      principalPaise: principal,
      interestPaise: interest + period.carriedInterestPaise,
      carriedInterestPaise: period.carriedInterestPaise,
      balanceAfterPaise: balance,
    });
  });
  while (instalments.length > 1 && isEmpty(instalments[instalments.length - 1])) instalments.pop();
  return instalments;
}

interface InstalmentParts {
  /** EMI_DECLINING: the equal instalment (principal + interest), rounded to the unit. */
  readonly instalment: Paise;
  /** EQUAL_PRINCIPAL_DECLINING and FLAT: the equal principal part, rounded to the unit. */
  readonly principal: Paise;
  /** FLAT: the whole flat interest (paise) and its equal part per charged instalment (unit). */
  readonly flatInterestTotal: Paise;
  readonly flatInterest: Paise;
}

function instalmentParts(request: AmortisationRequest): InstalmentParts {
  const principal = new ScheduleDecimal(request.principalPaise);
  const amortising = request.periods.length - request.principalGraceCount;
  const parts = { instalment: 0, principal: 0, flatInterestTotal: 0, flatInterest: 0 };
  if (request.method === 'EMI_DECLINING') {
    return { ...parts, instalment: roundToUnit(annuityInstalment(principal, request.periodRate, amortising), request.rounding) };
  }
  const principalPart = roundToUnit(principal.dividedBy(amortising), request.rounding);
  if (request.method === 'EQUAL_PRINCIPAL_DECLINING') return { ...parts, principal: principalPart };
  const charged = request.periods.slice(request.interestGraceCount);
  const years = charged.reduce((sum, period) => sum.plus(period.yearFraction), new ScheduleDecimal(0));
  const flatInterestTotal = roundToPaise(principal.times(request.annualRate).times(years), request.rounding);
  const flatInterest = charged.length === 0 ? 0 : roundToUnit(new ScheduleDecimal(flatInterestTotal).dividedBy(charged.length), request.rounding);
  return { ...parts, principal: principalPart, flatInterestTotal, flatInterest };
}

function clamp(value: Paise, max: Paise): Paise {
  return Math.min(Math.max(value, 0), max);
}

function isEmpty(instalment: ScheduledInstalment): boolean {
  return instalment.principalPaise === 0 && instalment.interestPaise === 0;
}
