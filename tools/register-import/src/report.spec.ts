import { formatRejectReport } from './report';

describe('formatRejectReport', () => {
  it('writes line,member_no,field,reason sorted by line, blank member_no when unknown', () => {
    expect(
      formatRejectReport([
        { line: 44, memberNo: 'KLG-000042', field: 'member_no', reason: 'duplicate_member_no' },
        { line: 6, memberNo: null, field: 'member_no', reason: 'bad_member_no' },
        { line: 9, memberNo: null, field: '', reason: 'wrong_column_count' },
      ]),
    ).toBe('line,member_no,field,reason\n6,,member_no,bad_member_no\n9,,,wrong_column_count\n44,KLG-000042,member_no,duplicate_member_no\n');
  });

  it('writes just the header when nothing was rejected', () => {
    expect(formatRejectReport([])).toBe('line,member_no,field,reason\n');
  });
});
