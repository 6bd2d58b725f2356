import type { PublicEventName } from './public-event-names';

/** What a loan's public events need from its application (LoanApplied), kept by the publisher. */
export interface LoanFacts {
  readonly loanId: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly productCode: string;
  readonly purpose: string;
}

/**
 * One public event before pseudonymisation: the member number (replaced per partner by its
 * pseudonym), the internal event id (replaced by a per-partner event id) and the public fields,
 * which already hold only what partners may see (branch, amounts in paise, month, categories).
 */
export interface PublicFact {
  readonly name: PublicEventName;
  readonly memberNo: string;
  readonly internalEventId: string;
  readonly fields: Readonly<Record<string, string | number>>;
}
