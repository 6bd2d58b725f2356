import { compareIsoDates, type IsoDate } from '@samabay/domain-kit';
import type { LoanProductTerms, LoanProducts } from './loan-product';
import type { LoanPurpose } from './loan-purpose';

/** A loan product as offered on a date: its code, name and purposes, and the terms in force that day (from `effectiveFrom`). */
export interface LoanProductOffer {
  readonly code: string;
  readonly name: string;
  readonly purposes: readonly LoanPurpose[];
  readonly effectiveFrom: IsoDate;
  readonly terms: LoanProductTerms;
}

/**
 * The products with terms in force on `date` (DESIGN §8: the latest entry effective on or before the date;
 * a product whose first terms start later is not offered yet and left out), by product code.
 */
export function loanProductsOn(products: LoanProducts, date: IsoDate): LoanProductOffer[] {
  const offers: LoanProductOffer[] = [];
  for (const product of products) {
    let current: { effectiveFrom: IsoDate; terms: LoanProductTerms } | null = null;
    for (const entry of product.terms) {
      if (compareIsoDates(entry.effectiveFrom, date) <= 0 && (current === null || compareIsoDates(entry.effectiveFrom, current.effectiveFrom) > 0)) current = entry;
    }
    if (current) offers.push({ code: product.code, name: product.name, purposes: product.purposes, effectiveFrom: current.effectiveFrom, terms: current.terms });
  }
  return offers.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
