import type { IsoDate } from '@samabay/domain-kit';
import { splitIsoDate } from './day-number';

/**
 * The Indian financial year (April–March, DESIGN §9) a date falls in, written as its two calendar
 * years: 2025-04-01 … 2026-03-31 → '2025-26'.
 */
export function financialYearOf(date: IsoDate): string {
  const [year, month] = splitIsoDate(date);
  const startYear = month >= 4 ? year : year - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** True for a financial year written like '2025-26' whose second part follows the first. */
export function isFinancialYear(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}
