import type { IsoDate } from '@samabay/domain-kit';
import { pad2, splitIsoDate } from './day-number';

/** Days in `month` (1–12) of `year` in the Gregorian calendar (February 29 in leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for Gregorian leap years (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in the calendar year of `date`: 365 or 366. */
export function daysInYearOf(date: IsoDate): number {
  return isLeapYear(splitIsoDate(date)[0]) ? 366 : 365;
}

/** The last day of the month `date` falls in, e.g. 2024-02-10 → 2024-02-29. */
export function lastDayOfMonth(date: IsoDate): IsoDate {
  const [year, month] = splitIsoDate(date);
  return formatDate(year, month, daysInMonth(year, month));
}

/** The first day of the month `date` falls in. */
export function firstDayOfMonth(date: IsoDate): IsoDate {
  const [year, month] = splitIsoDate(date);
  return formatDate(year, month, 1);
}

/** True when `date` is the last day of its month. */
export function isMonthEnd(date: IsoDate): boolean {
  return lastDayOfMonth(date) === date;
}

/**
 * `date` plus whole calendar months, the day clamped to the target month's length
 * (2024-01-31 + 1 → 2024-02-29), as deposit tenures are counted.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = splitIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Calendar months from the month of `from` to the month of `to` (2024-01-31 → 2024-02-01 is 1). */
export function monthsBetweenMonths(from: IsoDate, to: IsoDate): number {
  const [fromYear, fromMonth] = splitIsoDate(from);
  const [toYear, toMonth] = splitIsoDate(to);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/**
 * Complete months from `from` to `to` (0 when `to` is earlier): the largest n with
 * addMonths(from, n) ≤ to. 2024-01-15 → 2024-03-14 is 1, → 2024-03-15 is 2.
 */
export function completeMonthsBetween(from: IsoDate, to: IsoDate): number {
  let months = Math.max(0, monthsBetweenMonths(from, to));
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  return months;
}

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}
