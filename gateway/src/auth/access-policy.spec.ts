import type { Actor } from '@samabay/domain-kit';
import { evaluatePolicy } from './access-policy';
import { Policies } from './policies';

const teller: Actor = { userId: 't1', role: 'teller', branchCode: 'KLG' };
const headOffice: Actor = { userId: 'h1', role: 'head_office', branchCode: 'SNG' };
const auditor: Actor = { userId: 'a1', role: 'auditor', branchCode: 'SNG' };
const partner: Actor = { userId: 'p1', role: 'partner', branchCode: 'SNG' };
const manager: Actor = { userId: 'm1', role: 'branch_manager', branchCode: 'DHT' };

describe('access policies', () => {
  it('lets tellers act within their own branch only', () => {
    expect(evaluatePolicy(Policies.admitMember, teller, { input: { branchCode: 'KLG' } })).toEqual({ allowed: true });
    expect(evaluatePolicy(Policies.admitMember, teller, { input: { branchCode: 'SNG' } })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.memberCommand, teller, { input: { memberNo: 'KLG-000001' } })).toEqual({ allowed: true });
    expect(evaluatePolicy(Policies.memberCommand, teller, { input: { memberNo: 'SNG-000001' } })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.memberCommand, teller, { input: { memberNo: 'garbage' } })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.readMember, teller, { memberNo: 'SNG-000001' })).toMatchObject({ allowed: false });
  });

  it('scopes a branch-bound listing to the caller branch when none is named', () => {
    const args: Record<string, unknown> = {};
    expect(evaluatePolicy(Policies.listMembers, teller, args)).toEqual({ allowed: true });
    expect(args.branchCode).toBe('KLG');
    expect(evaluatePolicy(Policies.listMembers, teller, { branchCode: 'DHT' })).toMatchObject({ allowed: false });
    const headOfficeArgs: Record<string, unknown> = {};
    expect(evaluatePolicy(Policies.listMembers, headOffice, headOfficeArgs)).toEqual({ allowed: true });
    expect(headOfficeArgs.branchCode).toBeUndefined();
  });

  it('lets auditors read everywhere and run no mutation', () => {
    expect(evaluatePolicy(Policies.readMember, auditor, { memberNo: 'KLG-000001' })).toEqual({ allowed: true });
    for (const policy of [Policies.admitMember, Policies.memberCommand, Policies.openBranch, Policies.importMembers]) {
      expect(evaluatePolicy(policy, auditor, { input: { branchCode: 'SNG', memberNo: 'SNG-000001' }, rows: [] })).toMatchObject({ allowed: false });
    }
  });

  it('refuses auditors markLoanAsLoss and any write, even under a policy that lists them', () => {
    expect(evaluatePolicy(Policies.markLoanAsLoss, auditor, { input: { loanId: 'SNG-L-0001' } })).toMatchObject({ allowed: false });
    const listsAuditors = { name: 'some write', roles: ['auditor', 'head_office'] } as const;
    expect(evaluatePolicy(listsAuditors, auditor, {}, true)).toEqual({ allowed: false, reason: 'the role auditor only reads' });
    expect(evaluatePolicy(listsAuditors, auditor, {}, false)).toEqual({ allowed: true });
    expect(evaluatePolicy(listsAuditors, headOffice, {}, true)).toEqual({ allowed: true });
  });

  it('gives partners aggregates only, never member data', () => {
    expect(evaluatePolicy(Policies.listMembers, partner, {})).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.readMember, partner, { memberNo: 'SNG-000001' })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.readBranchSummaries, partner, {})).toEqual({ allowed: true });
  });

  it('keeps openBranch to head office and imports of a branch manager to their branch', () => {
    expect(evaluatePolicy(Policies.openBranch, manager, { input: { branchCode: 'DHT' } })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.openBranch, headOffice, { input: { branchCode: 'BRB' } })).toEqual({ allowed: true });
    expect(evaluatePolicy(Policies.importMembers, manager, { rows: [{ branchCode: 'DHT' }, { branchCode: 'DHT' }] })).toEqual({ allowed: true });
    expect(evaluatePolicy(Policies.importMembers, manager, { rows: [{ branchCode: 'DHT' }, { branchCode: 'SNG' }] })).toMatchObject({ allowed: false });
    expect(evaluatePolicy(Policies.importMembers, headOffice, { rows: [{ branchCode: 'DHT' }, { branchCode: 'SNG' }] })).toEqual({ allowed: true });
  });
});
