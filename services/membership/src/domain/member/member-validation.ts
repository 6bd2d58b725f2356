import { compareIsoDates, isValidIsoDate, ValidationError } from '@samabay/domain-kit';
import type { NomineeDetails, PersonalDetails } from './personal-details';

const MAX_NAME_LENGTH = 200;
const MAX_LOCALITY_LENGTH = 200;
const MAX_RELATION_LENGTH = 50;
/** Indian mobile numbers: ten digits starting 6–9 (the register's format, no +91). */
const PHONE_PATTERN = /^[6-9]\d{9}$/;
/** C0 and C1 control characters and DEL (NUL included): PostgreSQL text cannot hold NUL, and none belongs in a name. */
const CONTROL_CHARACTER = /\p{Cc}/u;
/** What a name may not consist of only: whitespace and invisible format characters (zero-width space, joiners, BOM, …). */
const BLANK_OR_INVISIBLE = /[\s\p{Cf}]/gu;

/** @throws ValidationError BAD_DATE on `field` unless `text` is a real calendar date YYYY-MM-DD (31/02 is not). */
export function requireIsoDate(text: unknown, field: string): string {
  if (typeof text !== 'string' || !isValidIsoDate(text)) {
    throw new ValidationError(field, 'date must be a real calendar date written YYYY-MM-DD', 'BAD_DATE');
  }
  return text;
}

/**
 * Checks the command's business date against `today` (Asia/Kolkata, passed in by the application:
 * deciders have no clock). @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE on `field`.
 */
export function requireBusinessDate(businessDate: unknown, today: unknown, field: string): string {
  const date = requireIsoDate(businessDate, field);
  const todayDate = requireIsoDate(today, 'today');
  if (compareIsoDates(date, todayDate) > 0) {
    throw new ValidationError(field, 'the business date must not be after today', 'BUSINESS_DATE_IN_FUTURE');
  }
  return date;
}

/**
 * Whole number of shares ≥ `minimum` (issue 2: zero, negative and fractional shares are rejected).
 * @throws ValidationError INVALID_SHARES (not a positive whole number) or BELOW_MINIMUM_SHARES on `field`.
 */
export function requireShares(shares: unknown, field: string, minimum = 1): number {
  if (typeof shares !== 'number' || !Number.isSafeInteger(shares) || shares < 1) {
    throw new ValidationError(field, 'shares must be a whole number of at least 1', 'INVALID_SHARES');
  }
  if (shares < minimum) {
    throw new ValidationError(field, `at least ${minimum} shares are required`, 'BELOW_MINIMUM_SHARES');
  }
  return shares;
}

/**
 * The member's holding must stay within the product's `maxSharesPerMember` (a holding beyond it also
 * overflows 32-bit share totals downstream). `holding`: shares held after the command.
 * @throws ValidationError SHARES_ABOVE_LIMIT on `field`.
 */
export function requireHoldingWithinLimit(holding: number, maxSharesPerMember: number, field: string): void {
  if (holding > maxSharesPerMember) {
    throw new ValidationError(field, `a member may hold at most ${maxSharesPerMember} shares`, 'SHARES_ABOVE_LIMIT');
  }
}

/**
 * Validates the plaintext personal details of a member admitted on `admissionDate`. Messages never
 * repeat the values (they are personal data). Field paths: personal.fullName, personal.dateOfBirth, …
 * Text is expected NFC-normalised and trimmed by the application.
 * @throws ValidationError INVALID_CHARACTERS (a control character in fullName, phone or locality),
 *   EMPTY_NAME (nothing visible left), NAME_TOO_LONG, BAD_DATE, ADMITTED_BEFORE_BIRTH, INVALID_PHONE, LOCALITY_TOO_LONG.
 */
export function validatePersonalDetails(personal: PersonalDetails | undefined | null, admissionDate: string): void {
  if (personal === undefined || personal === null || typeof personal !== 'object') {
    throw new ValidationError('personal', 'personal details are required', 'MISSING_PERSONAL_DETAILS');
  }
  requireText(personal.fullName, 'personal.fullName', MAX_NAME_LENGTH, 'EMPTY_NAME', 'NAME_TOO_LONG');
  const dateOfBirth = requireIsoDate(personal.dateOfBirth, 'personal.dateOfBirth');
  if (compareIsoDates(dateOfBirth, admissionDate) > 0) {
    throw new ValidationError('personal.dateOfBirth', 'date of birth is after the admission date', 'ADMITTED_BEFORE_BIRTH');
  }
  const phone = personal.phone ?? null;
  rejectControlCharacters(phone, 'personal.phone');
  if (phone !== null && phone !== '' && (typeof phone !== 'string' || !PHONE_PATTERN.test(phone))) {
    throw new ValidationError('personal.phone', 'phone must be a ten-digit mobile number', 'INVALID_PHONE');
  }
  const locality = personal.locality ?? null;
  rejectControlCharacters(locality, 'personal.locality');
  if (locality !== null && (typeof locality !== 'string' || locality.length > MAX_LOCALITY_LENGTH)) {
    throw new ValidationError('personal.locality', `locality must be text of at most ${MAX_LOCALITY_LENGTH} characters`, 'LOCALITY_TOO_LONG');
  }
}

/**
 * Whole years completed on `onDate` by someone born on `dateOfBirth` (both valid YYYY-MM-DD). A birthday
 * on 29 February is reached on 1 March in a common year (the later, conservative reading).
 */
export function yearsCompleted(dateOfBirth: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return onDate.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * The person must have completed `minimumAgeYears` on the admission date (membership terms in force
 * then; a minor cannot contract, Indian Contract Act 1872 s.11). Dates valid YYYY-MM-DD.
 * @throws ValidationError BELOW_MINIMUM_AGE (field personal.dateOfBirth).
 */
export function requireMinimumAge(dateOfBirth: string, admissionDate: string, minimumAgeYears: number): void {
  if (yearsCompleted(dateOfBirth, admissionDate) < minimumAgeYears) {
    throw new ValidationError('personal.dateOfBirth', `a member must be at least ${minimumAgeYears} years old on the admission date`, 'BELOW_MINIMUM_AGE');
  }
}

/**
 * @throws ValidationError INVALID_CHARACTERS (a control character), EMPTY_NAME (nominee.name),
 *   EMPTY_RELATION (nominee.relation), NAME_TOO_LONG, RELATION_TOO_LONG.
 */
export function validateNominee(nominee: NomineeDetails): void {
  if (nominee === null || typeof nominee !== 'object') {
    throw new ValidationError('nominee', 'nominee must have a name and a relation', 'MISSING_NOMINEE');
  }
  requireText(nominee.name, 'nominee.name', MAX_NAME_LENGTH, 'EMPTY_NAME', 'NAME_TOO_LONG');
  requireText(nominee.relation, 'nominee.relation', MAX_RELATION_LENGTH, 'EMPTY_RELATION', 'RELATION_TOO_LONG');
}

/** @throws ValidationError INVALID_CHARACTERS on `field` when `value` is text holding a control character. */
export function rejectControlCharacters(value: unknown, field: string): void {
  if (typeof value === 'string' && CONTROL_CHARACTER.test(value)) {
    throw new ValidationError(field, 'must not contain control characters', 'INVALID_CHARACTERS');
  }
}

function requireText(value: unknown, field: string, maxLength: number, emptyCode: string, tooLongCode: string): void {
  if (typeof value !== 'string' || value.replace(BLANK_OR_INVISIBLE, '') === '') throw new ValidationError(field, 'must not be blank', emptyCode);
  rejectControlCharacters(value, field);
  if (value.length > maxLength) throw new ValidationError(field, `must be at most ${maxLength} characters`, tooLongCode);
}
