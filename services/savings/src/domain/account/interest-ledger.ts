import { DomainError, termsOn, type EffectiveDated, type IsoDate } from '@samabay/domain-kit';
import { shiftDays } from '../calendar/day-number';
import { isPeriodEnd, periodEndContaining } from '../calendar/interest-periods';
import { dailyProductInterest } from '../interest/daily-product';
import { roundInterest } from '../interest/interest-rounding';
import { minimumBalanceInterest } from '../interest/minimum-balance';
import { rateChangeDates, rateScheduleOf } from '../interest/rate-schedule';
import { productTermsOn } from '../products/savings-products';
import type { SavingsTerms } from '../products/savings-terms';
import type { InterestAccrued, InterestPosted } from './savings-account-events';
import type { SavingsAccount } from './savings-account-state';

/** A span of days whose interest is computed and rounded once; `complete` when it ends on an accrual-period end. */
export interface AccrualPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly complete: boolean;
}

/**
 * The accrual periods from the day after `accruedThrough` up to `through`, in order. Each period's length
 * is the accrual period of the terms in force on its first day (a convention change applies from the
 * first period starting on or after its date). With `includeBroken`, a last incomplete period ending at
 * `through` is included (closure); otherwise only complete periods.
 */
export function accrualPeriodsThrough(account: SavingsAccount, schedule: EffectiveDated<SavingsTerms>, through: IsoDate, includeBroken: boolean): AccrualPeriod[] {
  const periods: AccrualPeriod[] = [];
  let start = shiftDays(account.interest.accruedThrough, 1);
  while (start <= through) {
    const end = periodEndContaining(productTermsOn(schedule, start).interest.accrualPeriod, start);
    if (end > through) {
      if (includeBroken) periods.push({ from: start, to: through, complete: false });
      break;
    }
    periods.push({ from: start, to: end, complete: true });
    start = shiftDays(end, 1);
  }
  return periods;
}

/**
 * The InterestAccrued event of `period` for `account` (whose ledger must be accrued through the day
 * before `period.from`): daily product or minimum balance per the terms in force on the period's first
 * day, each day at the rate in force that day, rounded once per the product's rounding rule.
 */
export function interestAccruedFor(account: SavingsAccount, schedule: EffectiveDated<SavingsTerms>, period: AccrualPeriod): InterestAccrued {
  const { interest } = productTermsOn(schedule, period.from);
  const rates = rateScheduleOf(schedule);
  const timeline = { openingBalancePaise: account.interest.periodOpeningBalancePaise, movements: account.interest.movements };
  const exact =
    interest.balanceMethod.kind === 'DAILY_PRODUCT'
      ? dailyProductInterest({ from: period.from, to: period.to, timeline, rates, daysInYear: interest.daysInYear })
      : minimumBalanceInterest({ from: period.from, to: period.to, timeline, rates, fromDayOfMonth: interest.balanceMethod.fromDayOfMonth });
  const amountPaise = roundInterest(exact, interest.rounding);
  const unpostedBefore = account.interest.unposted.reduce((sum, entry) => sum + entry.amountPaise, 0);
  return {
    type: 'InterestAccrued',
    data: {
      accountId: account.accountId,
      businessDate: period.to,
      periodFrom: period.from,
      periodTo: period.to,
      balanceMethod: interest.balanceMethod.kind,
      ratesPercent: [period.from, ...rateChangeDates(rates, period.from, period.to)].map((date) => termsOn(rates, date)),
      exactInterestPaise: exact.toFixed(),
      amountPaise,
      unpostedPaise: unpostedBefore + amountPaise,
    },
  };
}

/** The InterestPosted event crediting every accrual through `through`, dated `businessDate`; null when nothing is unposted. */
export function interestPostedThrough(account: SavingsAccount, through: IsoDate, businessDate: IsoDate): InterestPosted | null {
  const entries = account.interest.unposted.filter((entry) => entry.periodTo <= through);
  const amountPaise = entries.reduce((sum, entry) => sum + entry.amountPaise, 0);
  if (amountPaise === 0) return null;
  return {
    type: 'InterestPosted',
    data: {
      accountId: account.accountId,
      businessDate,
      periodFrom: entries[0].periodFrom,
      periodTo: entries[entries.length - 1].periodTo,
      amountPaise,
      balancePaise: account.balancePaise + amountPaise,
    },
  };
}

/** True when `date` ends a posting period under the terms in force on it. */
export function isPostingDate(schedule: EffectiveDated<SavingsTerms>, date: IsoDate): boolean {
  return isPeriodEnd(productTermsOn(schedule, date).interest.postingPeriod, date);
}

/**
 * Guards compounding order: interest accrued through a posting date must be posted before a later
 * period accrues (the later period earns on the posted interest).
 * @throws DomainError INTEREST_POSTING_DUE (field businessDate).
 */
export function requireNoPostingDueBefore(account: SavingsAccount, schedule: EffectiveDated<SavingsTerms>, periodStart: IsoDate): void {
  const previousDay = shiftDays(periodStart, -1);
  const due = account.interest.unposted.some((entry) => entry.periodTo <= previousDay);
  if (due && isPostingDate(schedule, previousDay)) {
    throw new DomainError('INTEREST_POSTING_DUE', `interest accrued through ${previousDay} must be posted first`, 'businessDate');
  }
}
