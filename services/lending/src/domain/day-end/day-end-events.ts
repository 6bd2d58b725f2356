import type { DomainEvent, IsoDate } from '@samabay/domain-kit';

/**
 * The lending day-end (close of business, DESIGN §9) of `branchCode` finished ageing every open loan
 * for `businessDate`: `loansAged` AgeLoan commands were answered (`loansSkipped` of them were loans
 * whose own later transactions already carried them past the date), producing `eventsAppended` loan
 * events (penalties and arrears classifications) in all.
 */
export type LoanDayEndCompleted = DomainEvent<
  'LoanDayEndCompleted',
  {
    readonly branchCode: string;
    readonly businessDate: IsoDate;
    readonly loansAged: number;
    readonly loansSkipped: number;
    readonly eventsAppended: number;
  }
>;

/** Every event of a `lendingDayEnd-<branchCode>` stream. */
export type LendingDayEndEvent = LoanDayEndCompleted;

/** Records that a branch's lending day-end finished for one business date (see LoanDayEndCompleted). */
export interface CompleteLoanDayEnd {
  readonly type: 'CompleteLoanDayEnd';
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  readonly loansAged: number;
  readonly loansSkipped: number;
  readonly eventsAppended: number;
}

/** What the day-end stream knows: the first and the latest business date completed (null before the first). */
export interface LendingDayEndState {
  readonly firstCompleted: IsoDate | null;
  readonly lastCompleted: IsoDate | null;
}
