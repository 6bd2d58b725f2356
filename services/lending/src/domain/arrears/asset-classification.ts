import { compareIsoDates, type IsoDate } from '@samabay/domain-kit';
import { addDays, addMonthsClamped } from '../calendar';

/**
 * Special Mention Account classes of a standard (performing) loan by days past due — RBI Master
 * Circular "Prudential norms on Income Recognition, Asset Classification and Provisioning" (IRAC) and
 * the early-warning framework: SMA-0 1–30 days, SMA-1 31–60, SMA-2 61–90.
 */
export type SmaClass = 'SMA_0' | 'SMA_1' | 'SMA_2';

/**
 * Asset class (RBI IRAC): STANDARD; an NPA is SUB_STANDARD while it has been NPA for at most 12
 * months, DOUBTFUL beyond; LOSS when so marked (identified by the lender, its auditors or the inspector).
 */
export type AssetClass = 'STANDARD' | 'SUB_STANDARD' | 'DOUBTFUL' | 'LOSS';

/** Days past due beyond which a loan is a non-performing asset (IRAC: "overdue for more than 90 days"). */
export const NPA_DAYS_PAST_DUE = 90;

/** The SMA class for `daysPastDue` (1–30 SMA_0, 31–60 SMA_1, 61–90 SMA_2), null when not overdue or already NPA (> 90). */
export function smaClassFor(daysPastDue: number): SmaClass | null {
  if (daysPastDue <= 0 || daysPastDue > NPA_DAYS_PAST_DUE) return null;
  return daysPastDue <= 30 ? 'SMA_0' : daysPastDue <= 60 ? 'SMA_1' : 'SMA_2';
}

/**
 * The business date on whose day-end something due on `dueDate` and unpaid becomes NPA: day 91
 * (due 2023-03-31 → NPA at the day-end of 2023-06-29, RBI's example).
 */
export function npaDateFor(dueDate: IsoDate): IsoDate {
  return addDays(dueDate, NPA_DAYS_PAST_DUE);
}

/**
 * The asset class on `businessDate` of an account NPA since `npaSince` (null = performing):
 * LOSS when `lossMarked`; SUB_STANDARD up to and including 12 calendar months after `npaSince`;
 * DOUBTFUL after that.
 */
export function assetClassOn(npaSince: IsoDate | null, lossMarked: boolean, businessDate: IsoDate): AssetClass {
  if (lossMarked) return 'LOSS';
  if (npaSince === null) return 'STANDARD';
  return compareIsoDates(businessDate, addMonthsClamped(npaSince, 12)) <= 0 ? 'SUB_STANDARD' : 'DOUBTFUL';
}
