import type { IsoDate, Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import type { LatePenaltyTerms, RoundingRule } from '../product/loan-product';
import { isDueBy, unpaidInterest, unpaidPrincipal, type InstalmentPosition } from '../repayment/instalment-position';
import { roundToPaise } from '../schedule/rounding';
import { instalmentDaysPastDue } from './days-past-due';

/** A penalty to charge on one instalment (paise): `overduePaise` is the unpaid principal + interest it is based on. */
export interface PenaltyCharge {
  readonly instalmentNumber: number;
  readonly daysPastDue: number;
  readonly overduePaise: Paise;
  readonly penaltyPaise: Paise;
}

/**
 * Late-instalment penalties to charge at the day-end of `businessDate` (issue 5 item 1; see
 * LatePenaltyTerms): once per instalment, when it is more than `graceDays` past due with principal or
 * interest unpaid and no penalty charged yet: `flatPaise` + `percentOfOverdue` % of its unpaid
 * principal and interest, the percentage rounded to paise with the loan's rounding mode. A separate
 * charge: never added to principal, never bearing interest. None when `terms` is null.
 */
export function latePenaltiesDue(
  instalments: readonly InstalmentPosition[],
  businessDate: IsoDate,
  terms: LatePenaltyTerms | null,
  rounding: RoundingRule,
): PenaltyCharge[] {
  if (terms === null) return [];
  const charges: PenaltyCharge[] = [];
  for (const instalment of instalments) {
    if (!isDueBy(instalment, businessDate)) break;
    const overduePaise = unpaidPrincipal(instalment) + unpaidInterest(instalment);
    const daysPastDue = instalmentDaysPastDue(instalment.dueDate, businessDate);
    if (instalment.penaltyPaise > 0 || overduePaise === 0 || daysPastDue <= terms.graceDays) continue;
    const percentPart = roundToPaise(new Decimal(overduePaise).times(terms.percentOfOverdue).dividedBy(100), rounding);
    const penaltyPaise = terms.flatPaise + percentPart;
    if (penaltyPaise > 0) charges.push({ instalmentNumber: instalment.number, daysPastDue, overduePaise, penaltyPaise });
  }
  return charges;
}
