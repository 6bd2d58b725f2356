import type { IsoDate } from '@samabay/domain-kit';
import type { LendingDayEndState } from '../domain/day-end/day-end-events';
import type { EligibilityFacts, GuarantorFact } from '../domain/loan/loan-commands';
import type { LoanSnapshot } from '../domain/loan/loan-state';

/**
 * What the application reads from lending's own local projections (DESIGN §1): the facts of a loan
 * application and the member's standing, built from membership, savings and lending events.
 */
export interface BorrowerFactsSource {
  /**
   * The eligibility facts of `memberNo` now: status and admission date (membership events), the sum of
   * her deposit balances (savings events, paise), her open loans other than `excludingLoanId` (applied,
   * appraised, approved or disbursed — not rejected, withdrawn, closed or written off) and her exposure
   * on them (paise: principal outstanding when disbursed, else the amount), and whether any of her loans
   * is NPA. Null for a member lending has never heard of.
   */
  eligibilityFacts(memberNo: string, excludingLoanId: string): Promise<EligibilityFacts | null>;
  /** {@link eligibilityFacts} of the member who borrows `loanId`, excluding that loan; null when the loan or its member is unknown to lending. */
  eligibilityFactsForLoan(loanId: string): Promise<EligibilityFacts | null>;
  /** What lending knows of the members `memberNos` (status, branch); members it has never heard of are left out. */
  guarantorFacts(memberNos: readonly string[]): Promise<GuarantorFact[]>;
}

/** One open loan the day-end ages: its member and the decider's state as the read model holds it. */
export interface LoanToAge {
  readonly loanId: string;
  readonly memberNo: string;
  readonly state: LoanSnapshot;
}

/** What the day-end reads: the branch's day-end progress and its open (disbursed, not closed or written off) loans. */
export interface DayEndSource {
  dayEndState(branchCode: string): Promise<LendingDayEndState>;
  /**
   * The ACTIVE loans of the branch's next `members` borrowers after `afterMemberNo` (null: from the first),
   * by member number then loan id — a page never splits a member's loans.
   */
  loansToAge(branchCode: string, afterMemberNo: string | null, members: number): Promise<LoanToAge[]>;
}

/**
 * Resolves once lending's read models include every event appended before the call (the platform waits
 * for the projection runner to reach the store's head). Rejects (e.g. DomainError READ_MODEL_BEHIND)
 * when they do not get there in time. The application awaits it before it reads eligibility facts or
 * the loans a day-end must age, so a member admitted or a loan disbursed a moment ago is seen.
 */
export type ReadModelsCaughtUp = () => Promise<void>;
