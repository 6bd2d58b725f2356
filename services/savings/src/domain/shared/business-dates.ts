import { compareIsoDates, isValidIsoDate, ValidationError, type IsoDate } from '@samabay/domain-kit';

/** @throws ValidationError BAD_DATE on `field` unless `text` is a real calendar date written YYYY-MM-DD. */
export function requireIsoDate(text: unknown, field: string): IsoDate {
  if (!isValidIsoDate(text)) throw new ValidationError(field, `${field} must be a real calendar date written YYYY-MM-DD`, 'BAD_DATE');
  return text;
}

/**
 * The command's business date, checked against `today` (the application's Asia/Kolkata date: deciders
 * have no clock, DESIGN §9).
 * @throws ValidationError BAD_DATE (businessDate or today), BUSINESS_DATE_IN_FUTURE (businessDate).
 */
export function requireBusinessDate(businessDate: unknown, today: unknown): IsoDate {
  const date = requireIsoDate(businessDate, 'businessDate');
  const todayDate = requireIsoDate(today, 'today');
  if (compareIsoDates(date, todayDate) > 0) throw new ValidationError('businessDate', 'the business date must not be after today', 'BUSINESS_DATE_IN_FUTURE');
  return date;
}

/** @throws ValidationError BUSINESS_DATE_BEFORE_OPENING when `businessDate` precedes the account's opening date. */
export function requireOnOrAfterOpening(businessDate: IsoDate, openedOn: IsoDate): void {
  if (compareIsoDates(businessDate, openedOn) < 0) {
    throw new ValidationError('businessDate', 'the business date is before the account was opened', 'BUSINESS_DATE_BEFORE_OPENING');
  }
}
