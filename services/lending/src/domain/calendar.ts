import { parseIsoDate, type IsoDate } from '@samabay/domain-kit';

/**
 * Calendar arithmetic on YYYY-MM-DD dates for schedules and ageing: pure integer arithmetic on
 * days since 1970-01-01 (proleptic Gregorian), no Date object and no clock, so a schedule of 260
 * weekly instalments costs microseconds. Inputs are checked with the domain kit's `parseIsoDate`.
 */

/** Whole calendar days from `from` to `to`: negative when `to` is earlier. @throws ValidationError BAD_DATE for an invalid date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** `date` plus whole days (negative to go back). @throws ValidationError BAD_DATE, RangeError for non-integer days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError('days must be a whole number');
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `anchor` plus `months` calendar months, keeping the anchor's day of month and clamping it to the
 * month's last day (2024-01-31 + 1 → 2024-02-29, + 2 → 2024-03-31). Always counted from the anchor,
 * never chained, so a month-end loan keeps falling due at month end.
 */
export function addMonthsClamped(anchor: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) throw new RangeError('months must be a whole number');
  const [year, month, day] = parseIsoDate(anchor).split('-').map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days since 1970-01-01 of a valid date (Howard Hinnant's days_from_civil). */
export function toEpochDay(date: IsoDate): number {
  const [year, month, day] = parseIsoDate(date).split('-').map(Number);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The YYYY-MM-DD date `epochDay` days after 1970-01-01 (Howard Hinnant's civil_from_days). */
export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
