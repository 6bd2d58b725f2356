import type { IsoDate } from '@samabay/domain-kit';

const MS_PER_DAY = 86_400_000;

/**
 * The day number of a valid `YYYY-MM-DD` date: whole days since 1970-01-01 (negative before it).
 * Pure calendar arithmetic in UTC (no clock, no time zone): day numbers subtract to day counts.
 */
export function toDayNumber(date: IsoDate): number {
  const [year, month, day] = splitIsoDate(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(dayNumber: number): IsoDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return `${String(utc.getUTCFullYear()).padStart(4, '0')}-${pad2(utc.getUTCMonth() + 1)}-${pad2(utc.getUTCDate())}`;
}

/** `date` moved by a whole number of days (negative to go back). */
export function shiftDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export function daysFromTo(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** [year, month 1–12, day 1–31] of a valid `YYYY-MM-DD` date. */
export function splitIsoDate(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Two-digit zero-padded text of 0–99. */
export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
