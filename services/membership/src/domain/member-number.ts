import { ValidationError } from '@samabay/domain-kit';

/** Highest sequence a member number can carry: six digits. */
export const MAX_MEMBER_SEQUENCE = 999_999;

const MEMBER_NO_PATTERN = /^([A-Z]{3})-(\d{6})$/;

/** A member number split into its branch prefix and its 1-based sequence within that branch. */
export interface MemberNumberParts {
  readonly branchCode: string;
  readonly sequence: number;
}

/** Formats `<BRANCH>-<6 digits>`, e.g. ('SNG', 123) → 'SNG-000123'. The sequence must be 1…999999. */
export function formatMemberNo(branchCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_MEMBER_SEQUENCE) {
    throw new RangeError(`member sequence ${sequence} is outside 1…${MAX_MEMBER_SEQUENCE}`);
  }
  return `${branchCode}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Parses a member number such as 'KLG-000042' (the register's format: branch prefix, dash, six digits).
 * @throws ValidationError INVALID_MEMBER_NO on `field` (default 'memberNo') for any other shape or for sequence 000000.
 */
export function parseMemberNo(memberNo: string, field = 'memberNo'): MemberNumberParts {
  const match = typeof memberNo === 'string' ? MEMBER_NO_PATTERN.exec(memberNo) : null;
  const sequence = match ? Number(match[2]) : 0;
  if (!match || sequence < 1) {
    throw new ValidationError(field, 'member number must look like SNG-000123 (branch code, dash, six digits, not 000000)', 'INVALID_MEMBER_NO');
  }
  return { branchCode: match[1], sequence };
}
