import { DomainError } from '@samabay/domain-kit';

/**
 * An amount of paise summed by SQL (PostgreSQL's sum(bigint) is an exact numeric, returned as text)
 * as a JavaScript number, only when it is a safe integer (|n| ≤ 2^53 − 1 paise). A total beyond that
 * is refused with a typed error instead of being rounded silently or failing later in the Money scalar.
 * @throws DomainError TOTAL_TOO_LARGE on `field` (details.total: the exact value as text).
 */
export function paiseFromSql(value: string | number | bigint | null, field: string): number {
  const text = value === null ? '0' : String(value);
  const paise = Number(text);
  if (!Number.isSafeInteger(paise)) {
    throw new DomainError('TOTAL_TOO_LARGE', `the ${field} total is beyond what can be reported exactly; the figures need investigation`, field, { total: text });
  }
  return paise;
}

/**
 * The sum of safe integers of paise, refusing a result beyond the safe-integer range.
 * @throws DomainError TOTAL_TOO_LARGE on `field`.
 */
export function sumPaise(values: readonly number[], field: string): number {
  return paiseFromSql(values.reduce((sum, value) => sum + BigInt(value), 0n), field);
}
