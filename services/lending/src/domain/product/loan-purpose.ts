import { ValidationError } from '@samabay/domain-kit';

/** What a member borrows for (issue 5 "Why"): about half of all loans are for children's education. */
export type LoanPurpose = 'EDUCATION' | 'MEDICAL' | 'HOUSING' | 'LAND' | 'MARRIAGE' | 'BUSINESS' | 'OTHER';

/** Every loan purpose, in the order the co-operative lists them. */
export const LOAN_PURPOSES: readonly LoanPurpose[] = ['EDUCATION', 'MEDICAL', 'HOUSING', 'LAND', 'MARRIAGE', 'BUSINESS', 'OTHER'];

/** @throws ValidationError INVALID_PURPOSE on `field` unless `purpose` is one of {@link LOAN_PURPOSES}. */
export function assertLoanPurpose(purpose: unknown, field = 'purpose'): asserts purpose is LoanPurpose {
  if (!LOAN_PURPOSES.includes(purpose as LoanPurpose)) {
    throw new ValidationError(field, `purpose must be one of ${LOAN_PURPOSES.join(', ')}`, 'INVALID_PURPOSE');
  }
}
