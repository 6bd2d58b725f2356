import { DomainError, multiplyPaise, termsOn } from '@samabay/domain-kit';
import type { MembershipProducts, MembershipTerms } from '../membership-products';

/**
 * The membership terms in force on `date` (a valid YYYY-MM-DD), from the effective-dated product configuration.
 * @throws DomainError NO_TERMS_IN_FORCE naming `field` when no terms were in force that day.
 */
export function membershipTermsOn(products: MembershipProducts, date: string, field: string): MembershipTerms {
  try {
    return termsOn(products, date);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_TERMS_IN_FORCE') {
      throw new DomainError(error.code, 'no membership terms were in force on that date', field);
    }
    throw error;
  }
}

/**
 * `shares` × `unitPaise` in integer paise (exact: both are safe integers and the product is checked).
 * @throws DomainError AMOUNT_TOO_LARGE on `field` when the result is not a safe integer.
 */
export function sharesValuePaise(shares: number, unitPaise: number, field: string): number {
  try {
    return multiplyPaise(unitPaise, shares);
  } catch {
    throw new DomainError('AMOUNT_TOO_LARGE', 'the share amount is too large', field);
  }
}
