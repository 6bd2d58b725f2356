import { withdrawalApprovalNeeded } from '../domain/products/withdrawal-approval-terms';
import { defaultWithdrawalApproval, parseWithdrawalApproval } from './withdrawal-approval-config';

const schedule = parseWithdrawalApproval({
  largeWithdrawal: [
    { effectiveFrom: '2025-04-01', terms: { approvalAbovePaise: 1_000_000, checkerRoles: ['head_office'] } },
    { effectiveFrom: '2020-04-01', note: 'older', terms: { approvalAbovePaise: 2_500_000, checkerRoles: ['branch_manager', 'head_office'] } },
  ],
});

describe('withdrawal approval terms', () => {
  it('applies the limit in force on the business date; the limit itself needs no approval', () => {
    expect(withdrawalApprovalNeeded(schedule, '2024-06-03', 2_500_000)).toBeNull();
    expect(withdrawalApprovalNeeded(schedule, '2024-06-03', 2_500_001)).toEqual({ approvalAbovePaise: 2_500_000, checkerRoles: ['branch_manager', 'head_office'] });
    expect(withdrawalApprovalNeeded(schedule, '2025-04-01', 1_000_001)?.checkerRoles).toEqual(['head_office']);
    expect(() => withdrawalApprovalNeeded(schedule, '2019-01-01', 1)).toThrow(expect.objectContaining({ code: 'NO_TERMS_IN_FORCE' }));
  });

  it.each([
    [{ largeWithdrawal: [] }, /at least one/],
    [{ largeWithdrawal: [{ effectiveFrom: '2024-02-30', terms: { approvalAbovePaise: 1, checkerRoles: ['head_office'] } }] }, /effectiveFrom/],
    [{ largeWithdrawal: [{ effectiveFrom: '2024-04-01', terms: { approvalAbovePaise: 10.5, checkerRoles: ['head_office'] } }] }, /approvalAbovePaise/],
    [{ largeWithdrawal: [{ effectiveFrom: '2024-04-01', terms: { approvalAbovePaise: 100, checkerRoles: ['teller'] } }] }, /checkerRoles/],
  ])('refuses an invalid file %#', (raw, message) => {
    expect(() => parseWithdrawalApproval(raw)).toThrow(message);
  });

  it('ships a configuration marked as needing the co-operative’s confirmation', () => {
    expect(defaultWithdrawalApproval().length).toBeGreaterThan(0);
  });
});
