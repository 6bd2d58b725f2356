import { compareIsoDates, DomainError, parseIsoDate, ValidationError, type IsoDate, type Paise, type StaffRole } from '@samabay/domain-kit';
import type { LoanActor } from './loan-commands';
import type { LoanSnapshot, LoanState, LoanStatus } from './loan-state';

/** Roles that may approve a loan or a write-off (maker–checker; DESIGN §7). */
export const APPROVING_ROLES: readonly StaffRole[] = ['branch_manager', 'head_office'];
/** Roles that may record loan business at a branch (apply, appraise, disburse, repay, close). */
export const LENDING_STAFF_ROLES: readonly StaffRole[] = ['teller', 'branch_manager', 'head_office'];
/**
 * Roles that may mark a loss asset. RBI IRAC: a loss asset is one identified by the lender, its
 * auditors or the inspector; auditors change nothing in Samabay (issue 6), so head office records
 * what an auditor identified.
 */
export const LOSS_MARKING_ROLES: readonly StaffRole[] = ['head_office'];

const LOAN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** @throws ValidationError INVALID_LOAN_ID (field loanId) unless 1–64 letters, digits and dashes, not starting with a dash. */
export function requireLoanId(loanId: unknown): string {
  if (typeof loanId !== 'string' || !LOAN_ID.test(loanId)) throw new ValidationError('loanId', 'loan id must be 1–64 letters, digits or dashes', 'INVALID_LOAN_ID');
  return loanId;
}

/** The command's business date. @throws ValidationError BAD_DATE (field businessDate). */
export function requireBusinessDate(date: unknown): IsoDate {
  return parseIsoDate(date, 'businessDate');
}

/** The existing loan. @throws DomainError LOAN_NOT_FOUND (field loanId). */
export function requireLoan(state: LoanState, loanId: string): LoanSnapshot {
  if (state === null || state.loanId !== loanId) throw new DomainError('LOAN_NOT_FOUND', 'there is no such loan', 'loanId');
  return state;
}

/** @throws DomainError `code` (field loanId) unless the loan's status is one of `statuses`. */
export function requireStatus(loan: LoanSnapshot, statuses: readonly LoanStatus[], code: string): void {
  if (!statuses.includes(loan.status)) {
    throw new DomainError(code, `the loan is ${loan.status.toLowerCase().replace('_', ' ')}; this needs it ${statuses.join(' or ').toLowerCase()}`, 'loanId');
  }
}

/** @throws ValidationError `code` (field businessDate) when `date` is before `earliest` (ignored when `earliest` is null). */
export function requireNotBefore(date: IsoDate, earliest: IsoDate | null, code: string, what: string): void {
  if (earliest !== null && compareIsoDates(date, earliest) < 0) throw new ValidationError('businessDate', `the business date is before ${what}`, code);
}

/** @throws DomainError ROLE_NOT_ALLOWED (field actor.role) unless the actor's role is one of `roles`; INVALID_ACTOR for a missing user id. */
export function requireRole(actor: LoanActor | undefined, roles: readonly StaffRole[]): LoanActor {
  if (!actor || typeof actor.userId !== 'string' || actor.userId.trim() === '') throw new ValidationError('actor.userId', 'the acting staff member is missing', 'INVALID_ACTOR');
  if (!roles.includes(actor.role)) throw new DomainError('ROLE_NOT_ALLOWED', `this needs the role ${roles.join(' or ')}`, 'actor.role');
  return actor;
}

/**
 * Maker–checker (DESIGN §7): the checker must hold an approving role and be none of the makers.
 * @throws DomainError ROLE_NOT_ALLOWED (actor.role), MAKER_CANNOT_APPROVE (actor.userId).
 */
export function requireChecker(actor: LoanActor | undefined, makers: readonly (string | null)[]): LoanActor {
  const checker = requireRole(actor, APPROVING_ROLES);
  if (makers.includes(checker.userId)) {
    throw new DomainError('MAKER_CANNOT_APPROVE', 'the checker must be a different staff member from the maker', 'actor.userId');
  }
  return checker;
}

/** A positive whole number of paise. @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE (zero or negative) on `field`. */
export function requirePositivePaise(value: unknown, field: string): Paise {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ValidationError(field, `${field} must be a whole number of paise`, 'NOT_PAISE');
  if (value <= 0) throw new ValidationError(field, `${field} must be more than zero`, 'AMOUNT_NOT_POSITIVE');
  return value;
}
