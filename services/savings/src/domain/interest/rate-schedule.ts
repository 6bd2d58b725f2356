import { termsOn, type EffectiveDated, type IsoDate } from '@samabay/domain-kit';
import { parseRatePercent, type RatePercent } from '../products/rate-percent';

/** Rates (% p.a. decimal strings) with effective dates: each applies from its date until the next. */
export type RateSchedule = EffectiveDated<RatePercent>;

/** The rate schedule inside product terms that carry `annualRatePercent`. */
export function rateScheduleOf(schedule: EffectiveDated<{ readonly annualRatePercent: RatePercent }>): RateSchedule {
  return schedule.map((entry) => ({ effectiveFrom: entry.effectiveFrom, terms: entry.terms.annualRatePercent }));
}

/** A rate that applies unchanged from `since`. */
export function flatRate(rate: RatePercent, since: IsoDate = '0001-01-01'): RateSchedule {
  return [{ effectiveFrom: since, terms: rate }];
}

/** The dates inside (`from`, `to`] on which a new rate takes effect. */
export function rateChangeDates(rates: RateSchedule, from: IsoDate, to: IsoDate): IsoDate[] {
  return rates.map((entry) => entry.effectiveFrom).filter((date) => date > from && date <= to);
}

/**
 * The rate in force on `date` as a Decimal (never a rate set later: a change applies from its date forward).
 * @throws DomainError NO_TERMS_IN_FORCE, ValidationError INVALID_RATE.
 */
export function rateOn(rates: RateSchedule, date: IsoDate) {
  return parseRatePercent(termsOn(rates, date));
}
