import type { RegisterColumn } from './csv-reader';
import type { ImportRow, RejectReason } from './row-validator';

/** The command's input fields (GraphQL ImportMemberInput, dotted for nested ones) → the register column they came from. */
const COLUMN_OF_FIELD: Readonly<Record<string, RegisterColumn>> = {
  memberNo: 'member_no',
  branchCode: 'branch_code',
  fullName: 'full_name',
  'personal.fullName': 'full_name',
  dateOfBirth: 'date_of_birth',
  'personal.dateOfBirth': 'date_of_birth',
  admissionDate: 'admission_date',
  businessDate: 'admission_date',
  phone: 'phone',
  'personal.phone': 'phone',
  locality: 'locality',
  'personal.locality': 'locality',
  nominee: 'nominee_name',
  nomineeName: 'nominee_name',
  'nominee.name': 'nominee_name',
  nomineeRelation: 'nominee_relation',
  'nominee.relation': 'nominee_relation',
  shares: 'shares_held',
  sharesHeld: 'shares_held',
  status: 'status',
  idempotencyKey: 'member_no',
};

/** Platform error codes (membership service, domain kit) → report reasons, where the code alone decides. */
const REASON_OF_CODE: Readonly<Record<string, RejectReason>> = {
  BRANCH_NOT_FOUND: 'unknown_branch',
  UNKNOWN_BRANCH: 'unknown_branch',
  DUPLICATE_MEMBER_NUMBER: 'duplicate_member_no',
  MEMBER_ALREADY_EXISTS: 'duplicate_member_no',
  // The same member number was imported before with different data: report it, never overwrite.
  IDEMPOTENCY_KEY_REUSED: 'duplicate_member_no',
  ADMITTED_BEFORE_BIRTH: 'admitted_before_birth',
  EMPTY_NAME: 'empty_name',
  BAD_DATE: 'bad_date',
  INVALID_DATE: 'bad_date',
  BUSINESS_DATE_IN_FUTURE: 'admission_in_future',
  MEMBER_NO_BRANCH_MISMATCH: 'member_no_branch_mismatch',
  INVALID_MEMBER_NO: 'bad_member_no',
  INVALID_BRANCH_CODE: 'unknown_branch',
  INVALID_PHONE: 'bad_phone',
  INVALID_STATUS: 'unknown_status',
  NAME_TOO_LONG: 'too_long',
  LOCALITY_TOO_LONG: 'too_long',
  RELATION_TOO_LONG: 'too_long',
  EMPTY_RELATION: 'incomplete_nominee',
  MISSING_NOMINEE: 'incomplete_nominee',
};

/** A validation failure is named by its field: the reason the tool would have given for that column. */
const REASON_OF_COLUMN: Partial<Record<RegisterColumn, RejectReason>> = {
  member_no: 'bad_member_no',
  branch_code: 'unknown_branch',
  full_name: 'empty_name',
  date_of_birth: 'bad_date',
  admission_date: 'bad_date',
  phone: 'bad_phone',
  nominee_name: 'incomplete_nominee',
  nominee_relation: 'incomplete_nominee',
  status: 'unknown_status',
};

/** Row-level platform errors that say "try again later", not "this row is wrong". */
export const TRANSIENT_ROW_ERRORS: ReadonlySet<string> = new Set([
  'CONCURRENCY_CONFLICT',
  'WRONG_EXPECTED_REVISION',
  'EVENT_STORE_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  // The savings service had not seen the row's member yet: the next attempt finds it.
  'READ_MODEL_BEHIND',
  // An unexpected failure says nothing about the row's data: re-send it, and stop with a clear error if it persists.
  'INTERNAL',
  'INTERNAL_SERVER_ERROR',
]);

/**
 * Maps the platform's rejection of one row (error code and field of ImportMemberOutcome) to a
 * reject-report reason and register column. Share errors are told apart by the value sent.
 * A code with no mapping becomes its lower-cased self (`MEMBER_EXITED` → `member_exited`) so
 * nothing is hidden. Never reads the server's message (kept out of reports).
 */
export function mapServerRejection(errorCode: string, field: string | null | undefined, row: ImportRow): { field: RegisterColumn | ''; reason: RejectReason } {
  const column = (field && (COLUMN_OF_FIELD[field] ?? COLUMN_OF_FIELD[field.split('.').pop() ?? ''])) || '';
  if (errorCode === 'INVALID_SHARES' || (column === 'shares_held' && errorCode === 'VALIDATION_FAILED')) {
    return { field: 'shares_held', reason: shareReason(row.sharesHeld) };
  }
  // A blank nominee name is an incomplete nominee, not a nameless member.
  if (errorCode === 'EMPTY_NAME' && column === 'nominee_name') return { field: column, reason: 'incomplete_nominee' };
  const byCode = REASON_OF_CODE[errorCode];
  if (byCode) return { field: column || defaultColumn(byCode), reason: byCode };
  if (errorCode === 'VALIDATION_FAILED' && column && REASON_OF_COLUMN[column]) return { field: column, reason: REASON_OF_COLUMN[column] };
  return { field: column, reason: errorCode.toLowerCase() as Lowercase<string> };
}

function shareReason(shares: number): RejectReason {
  if (!Number.isInteger(shares)) return 'fractional_shares';
  if (shares < 0) return 'negative_shares';
  if (shares === 0) return 'zero_shares';
  return 'out_of_range';
}

function defaultColumn(reason: RejectReason): RegisterColumn | '' {
  switch (reason) {
    case 'unknown_branch':
      return 'branch_code';
    case 'duplicate_member_no':
    case 'bad_member_no':
    case 'member_no_branch_mismatch':
      return 'member_no';
    case 'admitted_before_birth':
      return 'date_of_birth';
    case 'admission_in_future':
      return 'admission_date';
    case 'empty_name':
      return 'full_name';
    default:
      return '';
  }
}
