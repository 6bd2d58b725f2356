import { DomainError } from '@samabay/domain-kit';

/** Stable codes of {@link PersonalDataError}. */
export type PersonalDataErrorCode = 'SUBJECT_FORGOTTEN' | 'NO_DATA_KEY' | 'SEALED_DATA_INVALID' | 'BAD_SUBJECT_ID' | 'BAD_PERSONAL_DATA';

/**
 * A typed failure of the personal data vault. Messages name fields and subject ids (member numbers)
 * only, never personal data or key material.
 */
export class PersonalDataError extends DomainError {
  constructor(
    override readonly code: PersonalDataErrorCode,
    message: string,
    field?: string,
  ) {
    super(code, message, field);
    this.name = 'PersonalDataError';
  }
}
