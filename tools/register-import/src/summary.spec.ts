import { countImported, countRejected, emptySummary, formatRupees, formatSummary } from './summary';
import type { ImportRow } from './row-validator';

const row = (branchCode: string, sharesHeld: number, savingsDepositPaise: number): ImportRow => ({
  line: 2,
  memberNo: `${branchCode}-000001`,
  branchCode,
  fullName: 'Rekha Thapa',
  dateOfBirth: '1972-04-23',
  admissionDate: '2021-08-14',
  phone: null,
  locality: null,
  nominee: null,
  sharesHeld,
  status: 'ACTIVE',
  savingsDepositPaise,
  thriftFundPaise: 100,
  rdMonthlyInstallmentPaise: 5000,
});

describe('formatRupees', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1500, '15.00'],
    [123456789, '12,34,567.89'],
    [4840282233, '4,84,02,822.33'],
    [-150, '-1.50'],
  ])('%d paise → Rs %s', (paise, text) => {
    expect(formatRupees(paise)).toBe(text);
  });
});

describe('summary', () => {
  it('counts accepted, replayed and rejected rows, totals per branch, and never shows a name', () => {
    const summary = emptySummary();
    countImported(summary, row('SNG', 2, 1000), false);
    countImported(summary, row('SNG', 3, 2000), true);
    countImported(summary, row('KLG', 1, 50), false);
    countRejected(summary, { line: 5, memberNo: null, field: 'status', reason: 'unknown_status' });
    expect(summary).toMatchObject({
      rows: 4,
      accepted: 2,
      replayed: 1,
      rejected: 1,
      sharesTotal: 6,
      savingsDepositTotalPaise: 3050,
      thriftFundTotalPaise: 300,
      byBranch: { SNG: { members: 2, shares: 5 }, KLG: { members: 1, shares: 1 } },
      rejectsByReason: { unknown_status: 1 },
    });
    const text = formatSummary(summary);
    expect(text).toContain('rows: 4  accepted: 2  replayed: 1  rejected: 1');
    expect(text).toContain('savings deposit total: 3050 paise (Rs 30.50)');
    expect(text).toContain('rejected by reason: unknown_status 1');
    expect(text).not.toContain('Rekha');
  });
});
