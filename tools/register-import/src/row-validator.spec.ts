import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readRegister, type RegisterColumn, type RegisterRecord } from './csv-reader';
import { createRowValidator, type RowVerdict } from './row-validator';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');

const goodCells: Record<RegisterColumn, string> = {
  member_no: 'KLG-000001',
  branch_code: 'KLG',
  full_name: 'Rekha Thapa',
  date_of_birth: '23/04/1972',
  admission_date: '14/08/2021',
  phone: '9076238234',
  locality: 'Durgacharan Mitra St',
  nominee_name: 'Maya Bibi',
  nominee_relation: 'mother',
  shares_held: '1',
  savings_deposit_balance: '22728.25',
  thrift_fund_balance: '6950.08',
  rd_monthly_installment: '50',
  status: 'active',
};

function record(cells: Partial<Record<RegisterColumn, string>> = {}, line = 2): RegisterRecord {
  return { kind: 'record', line, values: { ...goodCells, ...cells } };
}

function rejectOf(verdict: RowVerdict) {
  if (verdict.ok) throw new Error(`expected a reject, the row was accepted`);
  return verdict.reject;
}

describe('createRowValidator', () => {
  it('turns a good row into a typed command row: ISO dates, integer paise, upper-case status', () => {
    const verdict = createRowValidator()(record());
    expect(verdict).toEqual({
      ok: true,
      row: {
        line: 2,
        memberNo: 'KLG-000001',
        branchCode: 'KLG',
        fullName: 'Rekha Thapa',
        dateOfBirth: '1972-04-23',
        admissionDate: '2021-08-14',
        phone: '9076238234',
        locality: 'Durgacharan Mitra St',
        nominee: { name: 'Maya Bibi', relation: 'mother' },
        sharesHeld: 1,
        status: 'ACTIVE',
        savingsDepositPaise: 2272825,
        thriftFundPaise: 695008,
        rdMonthlyInstallmentPaise: 5000,
      },
    });
  });

  it('keeps Bengali names, and treats blank phone, locality and nominee as absent', () => {
    const verdict = createRowValidator()(record({ full_name: ' শান্তি সরকার ', phone: '', locality: ' ', nominee_name: '', nominee_relation: '' }));
    expect(verdict.ok && verdict.row).toMatchObject({ fullName: 'শান্তি সরকার', phone: null, locality: null, nominee: null });
  });

  it('accepts lower-case member numbers and branch codes, upper-casing them', () => {
    const verdict = createRowValidator()(record({ member_no: ' klg-000001', branch_code: 'klg ' }));
    expect(verdict.ok && verdict.row).toMatchObject({ memberNo: 'KLG-000001', branchCode: 'KLG' });
  });

  it.each<[string, Partial<Record<RegisterColumn, string>>, RegisterColumn, string]>([
    ['admitted_before_birth', { date_of_birth: '01/01/2030', admission_date: '11/11/2017' }, 'date_of_birth', 'admitted_before_birth'],
    ['bad_date (impossible admission date)', { admission_date: '31/02/2011' }, 'admission_date', 'bad_date'],
    ['bad_date (malformed date of birth)', { date_of_birth: '1972-04-23' }, 'date_of_birth', 'bad_date'],
    ['empty_name', { full_name: '   ' }, 'full_name', 'empty_name'],
    ['negative_balance (savings)', { savings_deposit_balance: '-150.00' }, 'savings_deposit_balance', 'negative_balance'],
    ['negative_balance (thrift)', { thrift_fund_balance: '-0.50' }, 'thrift_fund_balance', 'negative_balance'],
    ['negative_amount (RD instalment)', { rd_monthly_installment: '-50' }, 'rd_monthly_installment', 'negative_amount'],
    ['not_a_number (savings)', { savings_deposit_balance: '12,5O0.00' }, 'savings_deposit_balance', 'not_a_number'],
    ['not_a_number (shares)', { shares_held: 'five' }, 'shares_held', 'not_a_number'],
    ['too_many_decimals', { thrift_fund_balance: '10.555' }, 'thrift_fund_balance', 'too_many_decimals'],
    ['missing_value', { rd_monthly_installment: '' }, 'rd_monthly_installment', 'missing_value'],
    ['out_of_range', { savings_deposit_balance: '99999999999999999' }, 'savings_deposit_balance', 'out_of_range'],
    ['unknown_branch (not a branch code)', { member_no: 'KLG-000001', branch_code: 'KLG1' }, 'branch_code', 'unknown_branch'],
    ['unknown_status', { status: 'suspended?' }, 'status', 'unknown_status'],
    ['zero_shares', { shares_held: '0' }, 'shares_held', 'zero_shares'],
    ['negative_shares', { shares_held: '-3' }, 'shares_held', 'negative_shares'],
    ['fractional_shares', { shares_held: '2.5' }, 'shares_held', 'fractional_shares'],
    ['bad_member_no', { member_no: 'KLG-1' }, 'member_no', 'bad_member_no'],
    ['bad_member_no (sequence 000000)', { member_no: 'KLG-000000' }, 'member_no', 'bad_member_no'],
    ['bad_phone', { phone: '12345' }, 'phone', 'bad_phone'],
    ['incomplete_nominee (no relation)', { nominee_relation: '' }, 'nominee_relation', 'incomplete_nominee'],
    ['incomplete_nominee (no name)', { nominee_name: ' ' }, 'nominee_name', 'incomplete_nominee'],
    ['too_long (name)', { full_name: 'ক'.repeat(201) }, 'full_name', 'too_long'],
    ['too_long (relation)', { nominee_relation: 'x'.repeat(51) }, 'nominee_relation', 'too_long'],
  ])('rejects %s', (_title, cells, field, reason) => {
    const memberNo = field === 'member_no' && reason === 'bad_member_no' ? null : (cells.member_no ?? goodCells.member_no);
    expect(rejectOf(createRowValidator()(record(cells, 7)))).toEqual({ line: 7, memberNo, field, reason });
  });

  it('rejects a row with the wrong number of fields without trusting its cells', () => {
    expect(rejectOf(createRowValidator()({ kind: 'malformed', line: 9, fieldCount: 15 }))).toEqual({ line: 9, memberNo: null, field: '', reason: 'wrong_column_count' });
  });

  it('never reports a malformed member number cell (it may hold a name)', () => {
    expect(rejectOf(createRowValidator()(record({ member_no: 'Rekha Thapa' }))).memberNo).toBeNull();
  });

  it('rejects the second row with a member number already seen in the file; the first wins', () => {
    const validate = createRowValidator();
    expect(validate(record({}, 2)).ok).toBe(true);
    expect(rejectOf(validate(record({ branch_code: 'SNG' }, 3)))).toEqual({ line: 3, memberNo: 'KLG-000001', field: 'member_no', reason: 'duplicate_member_no' });
    expect(rejectOf(validate(record({}, 4))).reason).toBe('duplicate_member_no');
  });

  it('counts a member number as seen even when its first row was rejected', () => {
    const validate = createRowValidator();
    expect(rejectOf(validate(record({ shares_held: '0' }, 2))).reason).toBe('zero_shares');
    expect(rejectOf(validate(record({}, 3))).reason).toBe('duplicate_member_no');
  });

  it('reports the first failing check in column order', () => {
    expect(rejectOf(createRowValidator()(record({ full_name: '', shares_held: '0', status: 'x' }))).reason).toBe('empty_name');
  });

  it('leaves whether a well-formed branch exists, and whether it matches the member number, to the platform', () => {
    expect(createRowValidator()(record({ member_no: 'XYZ-000001', branch_code: 'XYZ' })).ok).toBe(true);
    expect(createRowValidator()(record({ member_no: 'KLG-000091', branch_code: 'XYZ' })).ok).toBe(true);
  });

  it('rejects exactly the expected lines of member-register-with-errors.csv, except the unknown branches only the platform knows', async () => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, 'member-register-with-errors.expected.json'), 'utf8')) as { rows: number; rejected_lines: Record<string, string> };
    const validate = createRowValidator();
    const rejected: Record<string, string> = {};
    const passedToPlatform: number[] = [];
    let rows = 0;
    for await (const item of readRegister({ path: path.join(fixtures, 'member-register-with-errors.csv') })) {
      rows += 1;
      const verdict = validate(item);
      if (verdict.ok) passedToPlatform.push(verdict.row.line);
      else rejected[String(verdict.reject.line)] = verdict.reject.reason;
    }
    const unknownBranchLines = Object.entries(expected.rejected_lines).filter(([, reason]) => reason === 'unknown_branch');
    expect(unknownBranchLines.length).toBeGreaterThan(0);
    expect(rows).toBe(expected.rows);
    expect(rejected).toEqual(Object.fromEntries(Object.entries(expected.rejected_lines).filter(([, reason]) => reason !== 'unknown_branch')));
    for (const [line] of unknownBranchLines) expect(passedToPlatform).toContain(Number(line));
  });

  it('accepts every row of member-register.csv', async () => {
    const validate = createRowValidator();
    const reasons: string[] = [];
    let accepted = 0;
    for await (const item of readRegister({ path: path.join(fixtures, 'member-register.csv') })) {
      const verdict = validate(item);
      if (verdict.ok) accepted += 1;
      else reasons.push(`${verdict.reject.line}:${verdict.reject.reason}`);
    }
    expect(reasons).toEqual([]);
    expect(accepted).toBe(2000);
  });
});
