import type { IsoDate, Paise } from '@samabay/domain-kit';
import Decimal from 'decimal.js';
import { addMonths, completeMonthsBetween } from '../calendar/months';
import { yearFraction } from '../calendar/year-fraction';
import type { DaysInYear } from '../products/interest-conventions';

/** What {@link fixedDepositInterest} needs: principal in paise, % p.a., and the deposit's days [from, to). */
export interface FixedDepositInterestInput {
  readonly principalPaise: Paise;
  readonly annualRatePercent: Decimal;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly daysInYear: DaysInYear;
}

/**
 * Interest of a Fixed Deposit with quarterly compounding, exact (not rounded), in paise: the principal
 * compounds at rate/4 for every complete quarter (three calendar months) from `from`; the days left until
 * `to` earn simple interest on the compounded amount by days over `daysInYear`. This is Indian banks'
 * standard FD computation, e.g. Rs 10,000 at 7.5% for one year → Rs 771.36.
 * @throws RangeError when `to` is before `from`.
 */
export function fixedDepositInterest(input: FixedDepositInterestInput): Decimal {
  if (input.to < input.from) throw new RangeError('a deposit cannot end before it starts');
  const quarters = Math.floor(completeMonthsBetween(input.from, input.to) / 3);
  const compounded = new Decimal(input.principalPaise).times(input.annualRatePercent.dividedBy(400).plus(1).pow(quarters));
  const lastQuarterEnd = addMonths(input.from, quarters * 3);
  const broken = compounded.times(input.annualRatePercent).dividedBy(100).times(yearFraction(lastQuarterEnd, input.to, input.daysInYear));
  return compounded.plus(broken).minus(input.principalPaise);
}
