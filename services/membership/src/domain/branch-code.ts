import { ValidationError } from '@samabay/domain-kit';

/** A branch code: exactly three upper-case ASCII letters, e.g. 'SNG' (Sonagachi head office). */
export const BRANCH_CODE_PATTERN = /^[A-Z]{3}$/;

/**
 * Checks the shape of a branch code (not that the branch is open: the branch decider does that).
 * @throws ValidationError INVALID_BRANCH_CODE on `field` (default 'branchCode').
 */
export function assertBranchCode(code: string, field = 'branchCode'): void {
  if (typeof code !== 'string' || !BRANCH_CODE_PATTERN.test(code)) {
    throw new ValidationError(field, 'branch code must be three upper-case letters, e.g. SNG', 'INVALID_BRANCH_CODE');
  }
}
