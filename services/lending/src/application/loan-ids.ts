import { ValidationError } from '@samabay/domain-kit';
import { createHash } from 'node:crypto';

/** Lending's loan ids: the branch code, 'L' and 6–20 digits or capital letters, e.g. 'SNG-L-000123' or 'SNG-L-8X4K2M9QZT'. */
const LOAN_ID = /^([A-Z]{3})-L-[0-9A-Z]{6,20}$/;
/** Crockford's base32 alphabet: no I, L, O or U, so a loan id read aloud or copied by hand stays unambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The loan id of an application made with `idempotencyKey` for a member of `branchCode`:
 * `<branch>-L-` + 10 Crockford base32 characters (50 bits) of SHA-256 over the key. Deterministic, so a
 * retried request (or one whose answer was lost in a crash) names the same `loan-…` stream and the
 * command handler answers it from its idempotency record; a clash of two keys would be rejected by the
 * decider as LOAN_ALREADY_EXISTS, never merge two loans.
 */
export function loanIdForApplication(branchCode: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`samabay/loan-id/${idempotencyKey}`).digest();
  let bits = 0n;
  for (let index = 0; index < 8; index += 1) bits = (bits << 8n) | BigInt(digest[index]);
  let text = '';
  for (let index = 0; index < 10; index += 1) text += CROCKFORD[Number((bits >> BigInt(59 - index * 5)) & 31n)];
  return `${branchCode}-L-${text}`;
}

/** The branch a loan id names. @throws ValidationError INVALID_LOAN_ID (field `field`) for any other shape. */
export function branchOfLoanId(loanId: unknown, field = 'loanId'): string {
  const match = typeof loanId === 'string' ? LOAN_ID.exec(loanId) : null;
  if (!match) throw new ValidationError(field, 'loan id must look like SNG-L-000123', 'INVALID_LOAN_ID');
  return match[1];
}
