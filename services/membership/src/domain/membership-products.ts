import type { EffectiveDated } from '@samabay/domain-kit';

/**
 * Membership product terms in force from a date (DESIGN §8: "all rates, fees and limits are product
 * configuration with effective dates"). Amounts in integer paise.
 * Today's published scheme: admission fee 500 paise (Rs 5), share face value 1000 paise (Rs 10), at
 * least one share — admission takes Rs 15 for one share.
 */
export interface MembershipTerms {
  readonly admissionFeePaise: number;
  readonly shareFaceValuePaise: number;
  /** Fewest whole shares a new member must buy on admission. */
  readonly minimumShares: number;
  /** Most whole shares one member may hold (on admission, import and after a purchase). */
  readonly maxSharesPerMember: number;
  /**
   * Youngest age (whole years completed on the admission date) at which a person may be admitted. A
   * minor cannot contract (Indian Contract Act 1872 s.11; majority at 18 under the Indian Majority Act
   * 1875). Provisional 18 in config until the co-operative confirms its bye-law age.
   */
  readonly minimumAgeYears: number;
}

/** The effective-dated schedule of membership terms, oldest first (see `termsOn` in the domain kit). */
export type MembershipProducts = EffectiveDated<MembershipTerms>;
