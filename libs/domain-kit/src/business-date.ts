import { ValidationError } from './domain-error';

/** A calendar date as text, `YYYY-MM-DD` (ISO 8601), e.g. a business date in Asia/Kolkata. */
export type IsoDate = string;

/** The time zone business dates belong to (DESIGN §9). India has no daylight saving: UTC+05:30. */
export const BUSINESS_TIME_ZONE = 'Asia/Kolkata';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DD_MM_YYYY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** True when `text` is exactly `YYYY-MM-DD` and names a day of the proleptic Gregorian calendar (year ≥ 1). */
export function isValidIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string') return false;
  const match = ISO_DATE.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Checks a `YYYY-MM-DD` date and returns it unchanged. Throws ValidationError code BAD_DATE naming
 * `field` for malformed text or an impossible day (2011-02-31). The message never repeats the input.
 */
export function parseIsoDate(text: unknown, field = 'date'): IsoDate {
  if (!isValidIsoDate(text)) throw new ValidationError(field, `${field} must be a real calendar date written YYYY-MM-DD`, 'BAD_DATE');
  return text;
}

/**
 * Parses a register date written `dd/mm/yyyy` (exactly two, two and four digits) into `YYYY-MM-DD`.
 * Throws ValidationError code BAD_DATE naming `field` for malformed text or an impossible day
 * (31/02/2011). The message never repeats the input (it may be a date of birth).
 */
export function parseDdMmYyyy(text: unknown, field = 'date'): IsoDate {
  const match = typeof text === 'string' ? DD_MM_YYYY.exec(text) : null;
  if (!match || !isRealDate(Number(match[3]), Number(match[2]), Number(match[1]))) {
    throw new ValidationError(field, `${field} must be a real calendar date written dd/mm/yyyy`, 'BAD_DATE');
  }
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** Orders two valid ISO dates: negative when a is earlier, 0 when equal, positive when later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Today's calendar date in Asia/Kolkata at the instant the clock reads (DESIGN §9), `YYYY-MM-DD`.
 * Only application code calls this (e.g. to default a business date); deciders never read a clock.
 */
export function todayInKolkata(clock: () => Date): IsoDate {
  const instant = clock();
  if (Number.isNaN(instant.getTime())) throw new RangeError('the clock returned an invalid date');
  const parts = KOLKATA_DATE_FORMAT.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Adds a whole number of days (negative to go back) to a valid ISO date. */
export function addDaysToIsoDate(date: IsoDate, days: number): IsoDate {
  const parsed = parseIsoDate(date);
  if (!Number.isSafeInteger(days)) throw new RangeError('days must be a whole number');
  const [year, month, day] = parsed.split('-').map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day + days);
  return `${String(utc.getUTCFullYear()).padStart(4, '0')}-${pad2(utc.getUTCMonth() + 1)}-${pad2(utc.getUTCDate())}`;
}

const KOLKATA_DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
