import type { ScheduledInstalment } from '../schedule/schedule-types';
import { openPosition, type InstalmentPosition } from './instalment-position';

/** Why the instalments from some number on were replaced: a part-prepayment re-amortised them, or a foreclosure closed them. */
export type RevisionReason = 'PREPAYMENT' | 'FORECLOSURE';

/**
 * Replacement of the instalments numbered `fromInstalmentNumber` and later by `instalments`; the
 * replaced ones are kept in `supersededInstalments` so the history of the schedule stays whole.
 */
export interface ScheduleRevision {
  readonly reason: RevisionReason;
  readonly fromInstalmentNumber: number;
  readonly instalments: readonly ScheduledInstalment[];
  readonly supersededInstalments: readonly ScheduledInstalment[];
}

/**
 * Applies a revision to positions: instalments before `fromInstalmentNumber` stay; later ones are
 * replaced, each new instalment keeping what was paid and charged on the old one of the same number.
 */
export function applyRevision(
  positions: readonly InstalmentPosition[],
  fromInstalmentNumber: number,
  replacements: readonly ScheduledInstalment[],
): InstalmentPosition[] {
  const byNumber = new Map(positions.map((position) => [position.number, position]));
  const kept = positions.filter((position) => position.number < fromInstalmentNumber);
  const replaced = replacements.map((instalment) => {
    const previous = byNumber.get(instalment.number);
    const fresh = openPosition(instalment);
    return previous
      ? { ...fresh, paidPrincipalPaise: previous.paidPrincipalPaise, paidInterestPaise: previous.paidInterestPaise, penaltyPaise: previous.penaltyPaise, paidPenaltyPaise: previous.paidPenaltyPaise }
      : fresh;
  });
  return [...kept, ...replaced];
}

/** The scheduled part of a position (what a schedule event carries), without payments. */
export function scheduledPart(position: InstalmentPosition): ScheduledInstalment {
  return {
    number: position.number,
    dueDate: position.dueDate,
    periodStartDate: position.periodStartDate,
    accrualStartDate: position.accrualStartDate,
    principalPaise: position.principalPaise,
    interestPaise: position.interestPaise,
    carriedInterestPaise: position.carriedInterestPaise,
    balanceAfterPaise: position.balanceAfterPaise,
  };
}
