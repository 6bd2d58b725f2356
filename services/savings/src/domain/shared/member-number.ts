import { ValidationError } from '@samabay/domain-kit';

const MEMBER_NO = /^[A-Z]{3}-\d{6}$/;

/** @throws ValidationError INVALID_MEMBER_NO on `field` unless `value` looks like a member number (SNG-000123). */
export function requireMemberNo(value: unknown, field = 'memberNo'): string {
  if (typeof value !== 'string' || !MEMBER_NO.test(value)) throw new ValidationError(field, `${field} must look like SNG-000123`, 'INVALID_MEMBER_NO');
  return value;
}
