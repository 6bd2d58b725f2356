import { compareIsoDates, isValidIsoDate, parseIsoDate, type IsoDate } from './business-date';
import { DomainError } from './domain-error';

/**
 * Product configuration with effective dates (DESIGN §8): each entry applies from its
 * `effectiveFrom` business date (inclusive) until the next entry's. Order in the array does not matter.
 */
export type EffectiveDated<T> = ReadonlyArray<{ readonly effectiveFrom: IsoDate; readonly terms: T }>;

/**
 * The terms in force on `businessDate`: those of the latest entry whose `effectiveFrom` ≤ the date.
 * Throws ValidationError BAD_DATE (field 'businessDate') for a malformed date,
 * DomainError NO_TERMS_IN_FORCE (field 'businessDate') when the date precedes every entry,
 * and DomainError INVALID_SCHEDULE when an entry's date is not a real YYYY-MM-DD or two entries
 * share a date (the schedule would be ambiguous).
 */
export function termsOn<T>(schedule: EffectiveDated<T>, businessDate: IsoDate): T {
  parseIsoDate(businessDate, 'businessDate');
  let inForce: { readonly effectiveFrom: IsoDate; readonly terms: T } | undefined;
  const seen = new Set<string>();
  for (const entry of schedule) {
    if (!isValidIsoDate(entry.effectiveFrom)) throw new DomainError('INVALID_SCHEDULE', 'a schedule entry has an invalid effectiveFrom date');
    if (seen.has(entry.effectiveFrom)) throw new DomainError('INVALID_SCHEDULE', `two schedule entries take effect on ${entry.effectiveFrom}`);
    seen.add(entry.effectiveFrom);
    if (compareIsoDates(entry.effectiveFrom, businessDate) <= 0 && (!inForce || compareIsoDates(entry.effectiveFrom, inForce.effectiveFrom) > 0)) {
      inForce = entry;
    }
  }
  if (!inForce) throw new DomainError('NO_TERMS_IN_FORCE', `no terms are in force on ${businessDate}`, 'businessDate');
  return inForce.terms;
}
