import type { EffectiveDated } from '@samabay/domain-kit';

/**
 * How long a former member's personal data must be kept after her exit before she may be forgotten
 * (crypto-shredded; DESIGN §7, issue 6 item 4). Effective-dated configuration, never a constant:
 * the schedule entry in force on the business date of the forget request or approval applies.
 * `yearsAfterExit`: whole calendar years counted from the exit date (a 29 February exit counts
 * from 28 February in a year without one).
 */
export interface RetentionTerms {
  readonly yearsAfterExit: number;
}

/** The effective-dated retention schedule (see `termsOn` in the domain kit). */
export type PersonalDataRetention = EffectiveDated<RetentionTerms>;
