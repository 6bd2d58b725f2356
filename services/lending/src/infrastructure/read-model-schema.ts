import { quoteIdentifier } from '@samabay/sql';

/** Default PostgreSQL schema of the lending read models. */
export const DEFAULT_LENDING_READ_MODEL_SCHEMA = 'lending_rm';

/** Qualified, quoted names of the lending read-model tables in one schema. */
export interface LendingTables {
  readonly schema: string;
  /** One row per loan: the decider's state (jsonb) and its figures (loan account projection). */
  readonly loanAccount: string;
  /** One row per scheduled instalment of a loan and what was paid on it (loan account projection). */
  readonly loanInstalment: string;
  /** One row per event of a loan stream: the "actual" side of the statement (loan account projection). */
  readonly loanTransaction: string;
  /** Superseded parts of schedules, kept for the statement's history (loan account projection). */
  readonly loanScheduleRevision: string;
  /** Lending's local copy of each member's status and admission date, from membership events. */
  readonly borrowerMember: string;
  /** Lending's local copy of each deposit account's balance, from savings events. */
  readonly borrowerSavings: string;
  /** Per branch: the first and last business date whose lending day-end completed. */
  readonly loanDayEnd: string;
}

/** Names the tables of `schema` (lower-case letters, digits, _; throws Error otherwise). */
export function lendingTables(schema: string = DEFAULT_LENDING_READ_MODEL_SCHEMA): LendingTables {
  const quoted = quoteIdentifier(schema);
  return {
    schema: quoted,
    loanAccount: `${quoted}.loan_account`,
    loanInstalment: `${quoted}.loan_instalment`,
    loanTransaction: `${quoted}.loan_transaction`,
    loanScheduleRevision: `${quoted}.loan_schedule_revision`,
    borrowerMember: `${quoted}.borrower_member`,
    borrowerSavings: `${quoted}.borrower_savings`,
    loanDayEnd: `${quoted}.loan_day_end`,
  };
}
