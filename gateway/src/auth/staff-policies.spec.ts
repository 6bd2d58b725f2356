import type { Actor } from '@samabay/domain-kit';
import { evaluatePolicy } from './access-policy';
import { StaffPolicies } from './staff-policies';

const klgTeller: Actor = { userId: 't1', role: 'teller', branchCode: 'KLG' };
const klgManager: Actor = { userId: 'm1', role: 'branch_manager', branchCode: 'KLG' };
const headOffice: Actor = { userId: 'h1', role: 'head_office', branchCode: 'SNG' };
const auditor: Actor = { userId: 'a1', role: 'auditor', branchCode: 'SNG' };
const partner: Actor = { userId: 'p1', role: 'partner', branchCode: 'SNG' };
const klgItem = { input: { approvalId: 'KLG-AP-0123456789abcdef0123' } };
const sngItem = { input: { approvalId: 'SNG-AP-0123456789abcdef0123' } };

describe('staff registry and maker–checker policies', () => {
  it('scopes pending items to the branch of a branch manager and lets head office and auditors see all', () => {
    const args: Record<string, unknown> = {};
    expect(evaluatePolicy(StaffPolicies.readPendingItems, klgManager, args)).toEqual({ allowed: true });
    expect(args.branchCode).toBe('KLG');
    expect(evaluatePolicy(StaffPolicies.readPendingItems, klgManager, { branchCode: 'SNG' })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.readPendingItems, auditor, { branchCode: 'KLG' })).toEqual({ allowed: true });
    expect(evaluatePolicy(StaffPolicies.readPendingItems, klgTeller, {})).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.readPendingItems, partner, {})).toMatchObject({ allowed: false });
  });

  it('lets checkers decide items of their own branch only (the approval id names it); auditors decide nothing', () => {
    expect(evaluatePolicy(StaffPolicies.checkPendingItem, klgManager, klgItem)).toEqual({ allowed: true });
    expect(evaluatePolicy(StaffPolicies.checkPendingItem, klgManager, sngItem)).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.checkPendingItem, klgManager, { input: { approvalId: 'LOAN-APPROVAL-KLG-L-000001' } })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.checkPendingItem, headOffice, klgItem)).toEqual({ allowed: true });
    expect(evaluatePolicy(StaffPolicies.checkPendingItem, auditor, klgItem)).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.checkPendingItem, klgTeller, klgItem)).toMatchObject({ allowed: false });
  });

  it('keeps a large withdrawal request to the account’s branch, and the registry to head office and admins', () => {
    const request = (accountId: string, memberNo: string) => ({ input: { accountId, memberNo } });
    expect(evaluatePolicy(StaffPolicies.requestLargeWithdrawal, klgTeller, request('KLG-000001-SD-01', 'KLG-000001'))).toEqual({ allowed: true });
    expect(evaluatePolicy(StaffPolicies.requestLargeWithdrawal, klgTeller, request('SNG-000001-SD-01', 'KLG-000001'))).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.registryCommand, klgManager, {})).toMatchObject({ allowed: false });
    expect(evaluatePolicy(StaffPolicies.registryCommand, headOffice, {})).toEqual({ allowed: true });
    expect(evaluatePolicy(StaffPolicies.readStaff, klgManager, { branchCode: 'SNG' })).toMatchObject({ allowed: false });
  });
});
