import { addMonthsClamped } from '../domain/calendar';
import type { InstalmentPosition } from '../domain/repayment/instalment-position';

/**
 * Builds an instalment position for tests: `number`, due date, principal and interest (paise), with
 * its period starting one calendar month earlier unless given; nothing paid unless overridden.
 */
export function instalment(
  number: number,
  dueDate: string,
  principalPaise: number,
  interestPaise: number,
  overrides: Partial<InstalmentPosition> = {},
): InstalmentPosition {
  const start = addMonthsClamped(dueDate, -1);
  return {
    number,
    dueDate,
    periodStartDate: start,
    accrualStartDate: start,
    principalPaise,
    interestPaise,
    carriedInterestPaise: 0,
    balanceAfterPaise: 0,
    paidPrincipalPaise: 0,
    paidInterestPaise: 0,
    penaltyPaise: 0,
    paidPenaltyPaise: 0,
    ...overrides,
  };
}
