import type { IsoDate, Paise } from '@samabay/domain-kit';

/**
 * One instalment of a repayment schedule, amounts in integer paise.
 * Its period runs from `periodStartDate` (the previous due date, or the disbursement/reschedule date)
 * to `dueDate`; its interest accrues from `accrualStartDate` (the period start, or a prepayment's
 * date inside the period) to `dueDate`; `carriedInterestPaise` is the part of
 * `interestPaise` that had already accrued before `accrualStartDate` (interest carried over by a
 * prepayment or a reschedule; 0 otherwise — it never bears interest itself). `balanceAfterPaise` is
 * the scheduled principal outstanding once this instalment's principal is paid.
 */
export interface ScheduledInstalment {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly periodStartDate: IsoDate;
  readonly accrualStartDate: IsoDate;
  readonly principalPaise: Paise;
  readonly interestPaise: Paise;
  readonly carriedInterestPaise: Paise;
  readonly balanceAfterPaise: Paise;
}

/** A generated schedule and its totals (paise). Principal sums exactly to the amount scheduled. */
export interface RepaymentSchedule {
  readonly instalments: readonly ScheduledInstalment[];
  readonly totalPrincipalPaise: Paise;
  readonly totalInterestPaise: Paise;
}
