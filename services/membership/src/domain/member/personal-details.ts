/**
 * A member's personal data in plaintext. It reaches the member decider only so that it can be
 * validated; events carry the sealed (encrypted) form. Dates are YYYY-MM-DD.
 */
export interface PersonalDetails {
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly phone?: string | null;
  readonly locality?: string | null;
}

/** The member's nominee (who receives the share capital and savings on the member's death), in plaintext. */
export interface NomineeDetails {
  readonly name: string;
  readonly relation: string;
}
