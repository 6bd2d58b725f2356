import { ValidationError } from '@samabay/domain-kit';

/** The two-letter product part of an account id. */
export type AccountKind = 'SD' | 'TF' | 'RD' | 'FD' | 'MI';

/** The parts of an account id such as 'SNG-000123-SD-01'. */
export interface AccountIdParts {
  readonly memberNo: string;
  readonly kind: AccountKind;
  readonly serial: number;
}

const ACCOUNT_ID = /^([A-Z]{3}-\d{6})-(SD|TF|RD|FD|MI)-(\d{2})$/;

/**
 * Formats an account id: the owner's member number, the product (SD Savings Deposit, TF Thrift Fund,
 * RD Recurring Deposit, FD Fixed Deposit, MI Monthly Income Scheme) and a two-digit serial from 01,
 * e.g. ('SNG-000123', 'SD', 1) → 'SNG-000123-SD-01'. The id names its owner, so "another member's
 * account" and "own accounts" are checked from the ids themselves. Throws RangeError for a serial outside 1–99.
 */
export function formatAccountId(memberNo: string, kind: AccountKind, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 99) throw new RangeError('account serial must be 1–99');
  return `${memberNo}-${kind}-${String(serial).padStart(2, '0')}`;
}

/**
 * Parses an account id ('SNG-000123-SD-01').
 * @throws ValidationError INVALID_ACCOUNT_ID on `field` for any other shape or serial 00.
 */
export function parseAccountId(accountId: unknown, field = 'accountId'): AccountIdParts {
  const match = typeof accountId === 'string' ? ACCOUNT_ID.exec(accountId) : null;
  if (!match || match[3] === '00' || match[1].endsWith('-000000')) {
    throw new ValidationError(field, 'account id must look like SNG-000123-SD-01', 'INVALID_ACCOUNT_ID');
  }
  return { memberNo: match[1], kind: match[2] as AccountKind, serial: Number(match[3]) };
}

/** Stream of a deposit account of any product (DESIGN §3 category `savingsAccount`): 'savingsAccount-SNG-000123-SD-01'. */
export function savingsAccountStreamId(accountId: string): string {
  return `savingsAccount-${accountId}`;
}
