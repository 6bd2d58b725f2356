import type { InterestConventions } from './interest-conventions';
import type { RatePercent } from './rate-percent';

/**
 * Terms of a demand savings product (Savings Deposit, Thrift Fund) in force from a date.
 * `annualRatePercent`: % p.a. as a decimal string (published scheme, DESIGN §8: Savings Deposit 5, Thrift Fund 7).
 * `minimumBalancePaise`: a withdrawal may not leave less than this (integer paise).
 * `dormantAfterMonths`: an account with no customer-induced transaction for this many months becomes
 * dormant (RBI's rule for inoperative accounts is 24 months).
 */
export interface SavingsTerms {
  readonly annualRatePercent: RatePercent;
  readonly minimumBalancePaise: number;
  readonly dormantAfterMonths: number;
  readonly interest: InterestConventions;
}
