import { fold } from '@samabay/domain-kit';
import { createLoanDecider, defaultLoanProducts, loanStreamId, quoteLoanForeclosure, type LoanCommand, type LoanEvent, type LoanState } from './index';

describe('the public API (index.ts) with the shipped (placeholder) products', () => {
  it('lends an education loan with its principal grace through the public entry point', () => {
    const decider = createLoanDecider(defaultLoanProducts());
    const events: LoanEvent[] = [];
    const run = (command: LoanCommand): void => {
      events.push(...decider.decide(command, fold(decider, events)));
    };
    const loanId = 'SNG-L-000042';
    const eligibility = { memberStatus: 'ACTIVE', memberSince: '2024-01-01', savingsBalancePaise: 1_000_000, openLoans: 0, exposurePaise: 0, borrowerNpa: false } as const;
    run({
      type: 'ApplyForLoan',
      loanId,
      businessDate: '2026-11-02',
      actor: { userId: 'staff-teller-01', role: 'teller' },
      memberNo: 'SNG-000123',
      branchCode: 'SNG',
      productCode: 'EDU',
      purpose: 'EDUCATION',
      amountPaise: 2_000_000,
      numberOfInstalments: 12,
      guarantors: [],
      guarantorFacts: [],
      eligibility,
    });
    run({ type: 'AppraiseLoan', loanId, businessDate: '2026-11-02', actor: { userId: 'staff-teller-01', role: 'teller' } });
    run({ type: 'ApproveLoan', loanId, businessDate: '2026-11-03', actor: { userId: 'staff-manager-01', role: 'branch_manager' }, eligibility });
    run({ type: 'DisburseLoan', loanId, businessDate: '2026-11-04', actor: { userId: 'staff-teller-01', role: 'teller' }, channel: { kind: 'CASH' }, eligibility });
    const state = fold(decider, events) as NonNullable<LoanState>;
    expect(loanStreamId(loanId)).toBe('loan-SNG-L-000042');
    expect(state.instalments.slice(0, 3).map((i) => [i.principalPaise, i.interestPaise])).toEqual([
      [0, 15_000],
      [0, 15_000],
      [0, 15_000],
    ]);
    expect(state.instalments.reduce((sum, i) => sum + i.principalPaise, 0)).toBe(2_000_000);
    expect(quoteLoanForeclosure(state, loanId, '2026-11-04').totalPaise).toBe(2_000_000);
  });
});
