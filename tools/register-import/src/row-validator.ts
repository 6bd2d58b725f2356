import type { MalformedRecord, RegisterColumn, RegisterRecord } from './csv-reader';
import { cleanText, parseMemberStatus, parsePhone, parseRegisterDate, parseRupeesToPaise, parseShareCount, type AmountProblem, type MemberStatus } from './register-values';

/**
 * Why the tool itself rejects a row. The first ten are the vocabulary of the co-operative's
 * register checks (test/fixtures/member-register-with-errors.expected.json); the rest name the
 * other ways a row can be wrong.
 */
export type ClientReason =
  | 'admitted_before_birth'
  | 'bad_date'
  | 'duplicate_member_no'
  | 'empty_name'
  | 'negative_balance'
  | 'not_a_number'
  | 'too_many_decimals'
  | 'unknown_branch'
  | 'unknown_status'
  | 'zero_shares'
  | 'bad_member_no'
  | 'negative_shares'
  | 'fractional_shares'
  | 'negative_amount'
  | 'missing_value'
  | 'out_of_range'
  | 'bad_phone'
  | 'incomplete_nominee'
  | 'too_long'
  | 'wrong_column_count'
  | 'admission_in_future';

/**
 * A reject's reason: one of {@link ClientReason}, or a platform rejection mapped by
 * server-rejections.ts (`member_no_branch_mismatch`; an unmapped platform error code appears
 * lower-cased, e.g. `no_terms_in_force`).
 */
export type RejectReason = ClientReason | Lowercase<string>;

/**
 * One rejected row for the reject report. `memberNo` is null when the cell is not a well-formed
 * member number (it might hold anything, even a name). `field` is the register column at fault,
 * '' when the row as a whole is wrong.
 */
export interface RegisterReject {
  readonly line: number;
  readonly memberNo: string | null;
  readonly field: RegisterColumn | '';
  readonly reason: RejectReason;
}

/** A row that passed every client-side check, typed for the platform. Money in integer paise; dates ISO `YYYY-MM-DD`. */
export interface ImportRow {
  readonly line: number;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly admissionDate: string;
  readonly phone: string | null;
  readonly locality: string | null;
  readonly nominee: { readonly name: string; readonly relation: string } | null;
  readonly sharesHeld: number;
  readonly status: MemberStatus;
  readonly savingsDepositPaise: number;
  readonly thriftFundPaise: number;
  readonly rdMonthlyInstallmentPaise: number;
}

/** The verdict on one row. */
export type RowVerdict = { readonly ok: true; readonly row: ImportRow } | { readonly ok: false; readonly reject: RegisterReject };

/** Member numbers as the co-operative writes them: branch code, hyphen, six digits, not 000000 (SNG-000123). */
export const MEMBER_NO = /^([A-Z]{3})-(?!000000)(\d{6})$/;
/** Branch codes: three capital letters (SNG, KLG, DHT). Whether the branch exists is the platform's answer. */
export const BRANCH_CODE = /^[A-Z]{3}$/;
/** Longest free text accepted in a name or locality cell (the membership service's limit). */
export const MAX_TEXT_LENGTH = 200;
/** Longest nominee relation accepted (the membership service's limit). */
export const MAX_RELATION_LENGTH = 50;

type Check<T> = { ok: true; value: T } | { ok: false; field: RegisterColumn | ''; reason: ClientReason };

const pass = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = (field: RegisterColumn | '', reason: ClientReason): Check<never> => ({ ok: false, field, reason });

/**
 * Creates a validator for one file: it remembers every well-formed member number it has seen, so a
 * later row with the same number is `duplicate_member_no` (the first row wins, whatever its own
 * verdict). Checks run in column order after the duplicate check and the first failure is reported.
 * Pure apart from that memory: no I/O, no clock (future dates are the platform's call).
 */
export function createRowValidator(): (record: RegisterRecord | MalformedRecord) => RowVerdict {
  const seen = new Set<string>();
  return (record) => {
    if (record.kind === 'malformed') return { ok: false, reject: { line: record.line, memberNo: null, field: '', reason: 'wrong_column_count' } };
    const memberNo = record.values.member_no.trim().toUpperCase();
    const wellFormed = MEMBER_NO.test(memberNo);
    const duplicate = wellFormed && seen.has(memberNo);
    if (wellFormed) seen.add(memberNo);
    const verdict: Check<ImportRow> = duplicate ? fail('member_no', 'duplicate_member_no') : checkRow(record, memberNo);
    if (verdict.ok) return { ok: true, row: verdict.value };
    return { ok: false, reject: { line: record.line, memberNo: wellFormed ? memberNo : null, field: verdict.field, reason: verdict.reason } };
  };
}

function checkRow(record: RegisterRecord, memberNo: string): Check<ImportRow> {
  const cell = record.values;
  if (!MEMBER_NO.test(memberNo)) return fail('member_no', 'bad_member_no');
  const branchCode = cell.branch_code.trim().toUpperCase();
  if (!BRANCH_CODE.test(branchCode)) return fail('branch_code', 'unknown_branch');
  // A member number whose prefix is not the row's branch is the platform's call too: it first
  // reports a branch that does not exist as unknown_branch, then a mismatch.

  const fullName = cleanText(cell.full_name);
  if (fullName === '') return fail('full_name', 'empty_name');
  if (fullName.length > MAX_TEXT_LENGTH) return fail('full_name', 'too_long');

  const dateOfBirth = parseRegisterDate(cell.date_of_birth);
  if (!dateOfBirth.ok) return fail('date_of_birth', 'bad_date');
  const admissionDate = parseRegisterDate(cell.admission_date);
  if (!admissionDate.ok) return fail('admission_date', 'bad_date');
  // ISO dates compare correctly as strings.
  if (admissionDate.value < dateOfBirth.value) return fail('date_of_birth', 'admitted_before_birth');

  const phone = parsePhone(cell.phone);
  if (!phone.ok) return fail('phone', 'bad_phone');
  const locality = optionalText(cell.locality, 'locality', MAX_TEXT_LENGTH);
  if (!locality.ok) return locality;
  const nominee = checkNominee(cell.nominee_name, cell.nominee_relation);
  if (!nominee.ok) return nominee;

  const shares = parseShareCount(cell.shares_held);
  if (!shares.ok) return fail('shares_held', shares.reason);
  const savings = checkAmount(cell.savings_deposit_balance, 'savings_deposit_balance', 'negative_balance');
  if (!savings.ok) return savings;
  const thrift = checkAmount(cell.thrift_fund_balance, 'thrift_fund_balance', 'negative_balance');
  if (!thrift.ok) return thrift;
  const installment = checkAmount(cell.rd_monthly_installment, 'rd_monthly_installment', 'negative_amount');
  if (!installment.ok) return installment;
  const status = parseMemberStatus(cell.status);
  if (!status.ok) return fail('status', status.reason);

  return pass({
    line: record.line,
    memberNo,
    branchCode,
    fullName,
    dateOfBirth: dateOfBirth.value,
    admissionDate: admissionDate.value,
    phone: phone.value,
    locality: locality.value,
    nominee: nominee.value,
    sharesHeld: shares.value,
    status: status.value,
    savingsDepositPaise: savings.value,
    thriftFundPaise: thrift.value,
    rdMonthlyInstallmentPaise: installment.value,
  });
}

function optionalText(text: string, field: RegisterColumn, maxLength: number): Check<string | null> {
  const cleaned = cleanText(text);
  if (cleaned.length > maxLength) return fail(field, 'too_long');
  return pass(cleaned === '' ? null : cleaned);
}

function checkNominee(nameText: string, relationText: string): Check<ImportRow['nominee']> {
  const name = optionalText(nameText, 'nominee_name', MAX_TEXT_LENGTH);
  if (!name.ok) return name;
  const relation = optionalText(relationText, 'nominee_relation', MAX_RELATION_LENGTH);
  if (!relation.ok) return relation;
  if (name.value === null && relation.value === null) return pass(null);
  if (name.value === null) return fail('nominee_name', 'incomplete_nominee');
  if (relation.value === null) return fail('nominee_relation', 'incomplete_nominee');
  return pass({ name: name.value, relation: relation.value });
}

function checkAmount(text: string, field: RegisterColumn, negativeReason: ClientReason): Check<number> {
  const amount = parseRupeesToPaise(text);
  if (amount.ok) return pass(amount.value);
  const reasons: Record<AmountProblem, ClientReason> = {
    missing_value: 'missing_value',
    not_a_number: 'not_a_number',
    negative: negativeReason,
    too_many_decimals: 'too_many_decimals',
    out_of_range: 'out_of_range',
  };
  return fail(field, reasons[amount.reason]);
}
