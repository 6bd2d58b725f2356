import { DomainError, type IsoDate, type Paise } from '@samabay/domain-kit';
import type { InterestRate } from '../product/interest-rate';
import type { ScheduleTerms } from '../product/loan-product';
import { generateSchedule } from '../schedule/generate-schedule';
import type { ScheduledInstalment } from '../schedule/schedule-types';
import { accruedInterest, isDueBy, unpaidInterest, unpaidPrincipal, type InstalmentPosition } from './instalment-position';
import { scheduledPart } from './schedule-revision';

/** A past instalment cut down to what was actually paid on it (its unpaid rest moved into the new schedule). */
export interface TruncatedInstalment {
  readonly instalmentNumber: number;
  readonly principalPaise: Paise;
  readonly interestPaise: Paise;
}

/** A new schedule for a loan, replacing everything unpaid from a date; nothing is forgotten (see {@link planReschedule}). */
export interface ReschedulePlan {
  readonly truncatedInstalments: readonly TruncatedInstalment[];
  readonly fromInstalmentNumber: number;
  readonly instalments: readonly ScheduledInstalment[];
  readonly supersededInstalments: readonly ScheduledInstalment[];
  readonly principalPaise: Paise;
  readonly carriedInterestPaise: Paise;
}

/** What {@link planReschedule} needs: the loan's positions, the date, the new term and rate, and the loan's schedule terms. */
export interface RescheduleRequest {
  readonly instalments: readonly InstalmentPosition[];
  readonly businessDate: IsoDate;
  readonly numberOfInstalments: number;
  readonly rate: InterestRate;
  readonly terms: ScheduleTerms;
}

/**
 * Reschedules a loan from `businessDate` (issue 5 item 2): all unpaid principal (overdue or not) is
 * amortised anew over `numberOfInstalments` periods starting on the date (no grace), at `rate`. The
 * unpaid interest of instalments already due and the running period's interest accrued to the date
 * are carried into the first new instalment — collected with it, never added to the interest-bearing
 * principal (no interest on interest). Past instalments are cut down to what was paid on them;
 * penalties stay where they were charged. The old instalments go into `supersededInstalments`.
 * @throws DomainError NOTHING_TO_RESCHEDULE when no principal is unpaid.
 */
export function planReschedule(request: RescheduleRequest): ReschedulePlan {
  const { instalments, businessDate } = request;
  const principalPaise = instalments.reduce((sum, instalment) => sum + unpaidPrincipal(instalment), 0);
  if (principalPaise === 0) throw new DomainError('NOTHING_TO_RESCHEDULE', 'the loan has no unpaid principal to reschedule', 'loanId');
  const due = instalments.filter((instalment) => isDueBy(instalment, businessDate));
  const tail = instalments.filter((instalment) => !isDueBy(instalment, businessDate));
  const running = tail[0];
  const cut = due.filter((instalment) => unpaidPrincipal(instalment) > 0 || unpaidInterest(instalment) > 0);
  const carriedInterestPaise =
    cut.reduce((sum, instalment) => sum + unpaidInterest(instalment), 0) +
    (running ? Math.max(accruedInterest(running, businessDate, request.terms.rounding), running.paidInterestPaise) : 0);
  const fromInstalmentNumber = running ? running.number : instalments[instalments.length - 1].number + 1;
  const schedule = generateSchedule({
    principalPaise,
    rate: request.rate,
    numberOfInstalments: request.numberOfInstalments,
    startDate: businessDate,
    terms: { ...request.terms, grace: { principalInstalments: 0, interestInstalments: 0 } },
    carriedInterestPaise,
    firstNumber: fromInstalmentNumber,
  });
  const [first, ...rest] = schedule.instalments;
  const paidOnRunning = running ? running.paidPrincipalPaise : 0;
  return {
    truncatedInstalments: cut.map((instalment) => ({
      instalmentNumber: instalment.number,
      principalPaise: instalment.paidPrincipalPaise,
      interestPaise: instalment.paidInterestPaise,
    })),
    fromInstalmentNumber,
    instalments: [{ ...first, principalPaise: first.principalPaise + paidOnRunning }, ...rest],
    supersededInstalments: [...cut, ...tail].map(scheduledPart),
    principalPaise,
    carriedInterestPaise,
  };
}
