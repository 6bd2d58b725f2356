import type { ImportRow } from './row-validator';
import { mapServerRejection } from './server-rejections';

const row: ImportRow = {
  line: 2,
  memberNo: 'KLG-000001',
  branchCode: 'KLG',
  fullName: 'Rekha Thapa',
  dateOfBirth: '1972-04-23',
  admissionDate: '2021-08-14',
  phone: null,
  locality: null,
  nominee: null,
  sharesHeld: 1,
  status: 'ACTIVE',
  savingsDepositPaise: 0,
  thriftFundPaise: 0,
  rdMonthlyInstallmentPaise: 0,
};

describe('mapServerRejection', () => {
  it.each([
    ['BRANCH_NOT_FOUND', 'branchCode', 'branch_code', 'unknown_branch'],
    ['BRANCH_NOT_FOUND', null, 'branch_code', 'unknown_branch'],
    ['INVALID_BRANCH_CODE', 'branchCode', 'branch_code', 'unknown_branch'],
    ['DUPLICATE_MEMBER_NUMBER', 'memberNo', 'member_no', 'duplicate_member_no'],
    ['IDEMPOTENCY_KEY_REUSED', 'idempotencyKey', 'member_no', 'duplicate_member_no'],
    ['ADMITTED_BEFORE_BIRTH', 'personal.dateOfBirth', 'date_of_birth', 'admitted_before_birth'],
    ['EMPTY_NAME', 'personal.fullName', 'full_name', 'empty_name'],
    ['EMPTY_NAME', 'nominee.name', 'nominee_name', 'incomplete_nominee'],
    ['EMPTY_RELATION', 'nominee.relation', 'nominee_relation', 'incomplete_nominee'],
    ['BAD_DATE', 'admissionDate', 'admission_date', 'bad_date'],
    ['BUSINESS_DATE_IN_FUTURE', 'admissionDate', 'admission_date', 'admission_in_future'],
    ['INVALID_MEMBER_NO', 'memberNo', 'member_no', 'bad_member_no'],
    ['MEMBER_NO_BRANCH_MISMATCH', 'memberNo', 'member_no', 'member_no_branch_mismatch'],
    ['INVALID_PHONE', 'personal.phone', 'phone', 'bad_phone'],
    ['INVALID_STATUS', 'status', 'status', 'unknown_status'],
    ['LOCALITY_TOO_LONG', 'personal.locality', 'locality', 'too_long'],
    ['VALIDATION_FAILED', 'personal.fullName', 'full_name', 'empty_name'],
    ['NO_TERMS_IN_FORCE', 'admissionDate', 'admission_date', 'no_terms_in_force'],
    ['SOMETHING_NEW', null, '', 'something_new'],
  ])('maps %s on %j to %s / %s', (code, field, column, reason) => {
    expect(mapServerRejection(code, field, row)).toEqual({ field: column, reason });
  });

  it.each([
    [0, 'zero_shares'],
    [-2, 'negative_shares'],
    [1.5, 'fractional_shares'],
    [5, 'out_of_range'],
  ])('tells INVALID_SHARES apart by the value sent (%d → %s)', (sharesHeld, reason) => {
    expect(mapServerRejection('INVALID_SHARES', 'sharesHeld', { ...row, sharesHeld })).toEqual({ field: 'shares_held', reason });
  });
});
