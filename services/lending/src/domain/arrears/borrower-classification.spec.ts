import { classifyBorrower } from './borrower-classification';

describe('classifyBorrower (borrower-wise NPA, RBI IRAC)', () => {
  it('makes every loan of the member NPA from the earliest own-NPA date', () => {
    const result = classifyBorrower(
      [
        { loanId: 'L1', ownNpaSince: null, lossMarked: false },
        { loanId: 'L2', ownNpaSince: '2023-06-29', lossMarked: false },
        { loanId: 'L3', ownNpaSince: '2023-09-01', lossMarked: false },
      ],
      '2023-10-01',
    );
    expect(result.npaSince).toBe('2023-06-29');
    expect(result.assetClass).toBe('SUB_STANDARD');
    expect(result.loans).toEqual([
      { loanId: 'L1', npaSince: '2023-06-29', assetClass: 'SUB_STANDARD', otherLoansNpaSince: '2023-06-29' },
      { loanId: 'L2', npaSince: '2023-06-29', assetClass: 'SUB_STANDARD', otherLoansNpaSince: '2023-09-01' },
      { loanId: 'L3', npaSince: '2023-06-29', assetClass: 'SUB_STANDARD', otherLoansNpaSince: '2023-06-29' },
    ]);
  });

  it('reports the worst class: a loss-marked loan makes the borrower LOSS', () => {
    const result = classifyBorrower(
      [
        { loanId: 'L1', ownNpaSince: '2022-01-01', lossMarked: false },
        { loanId: 'L2', ownNpaSince: null, lossMarked: true },
      ],
      '2023-10-01',
    );
    expect(result.loans.map((loan) => loan.assetClass)).toEqual(['DOUBTFUL', 'LOSS']);
    expect(result.assetClass).toBe('LOSS');
  });

  it('a member whose loans all perform is STANDARD', () => {
    expect(classifyBorrower([{ loanId: 'L1', ownNpaSince: null, lossMarked: false }], '2023-10-01')).toMatchObject({ npaSince: null, assetClass: 'STANDARD' });
    expect(classifyBorrower([], '2023-10-01')).toEqual({ npaSince: null, assetClass: 'STANDARD', loans: [] });
  });
});
