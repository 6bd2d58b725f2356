import type { Actor } from '@samabay/domain-kit';
import { evaluatePolicy } from './access-policy';
import { SavingsPolicies } from './savings-policies';

const sngTeller: Actor = { userId: 't1', role: 'teller', branchCode: 'SNG' };
const sngManager: Actor = { userId: 'm1', role: 'branch_manager', branchCode: 'SNG' };
const headOffice: Actor = { userId: 'h1', role: 'head_office', branchCode: 'SNG' };
const admin: Actor = { userId: 'a1', role: 'admin', branchCode: 'SNG' };
const auditor: Actor = { userId: 'u1', role: 'auditor', branchCode: 'SNG' };
const sngRows = { rows: [{ memberNo: 'SNG-002000', savingsDeposit: 100_000_000, thriftFund: 0 }] };

describe('savings policies', () => {
  it('keeps the register migration (opening balances) to head office: a branch manager cannot import even for the own branch', () => {
    expect(evaluatePolicy(SavingsPolicies.importOpeningBalances, sngManager, sngRows)).toMatchObject({ allowed: false });
    expect(evaluatePolicy(SavingsPolicies.importOpeningBalances, sngTeller, sngRows)).toMatchObject({ allowed: false });
    expect(evaluatePolicy(SavingsPolicies.importOpeningBalances, auditor, sngRows)).toMatchObject({ allowed: false });
    expect(evaluatePolicy(SavingsPolicies.importOpeningBalances, headOffice, { rows: [{ memberNo: 'SNG-000001' }, { memberNo: 'KLG-000001' }] })).toEqual({ allowed: true });
    expect(evaluatePolicy(SavingsPolicies.importOpeningBalances, admin, sngRows)).toEqual({ allowed: true });
  });

  it('still lets the branch manager close the business day of the own branch only', () => {
    expect(evaluatePolicy(SavingsPolicies.runDayEnd, sngManager, { input: { branchCode: 'SNG' } })).toEqual({ allowed: true });
    expect(evaluatePolicy(SavingsPolicies.runDayEnd, sngManager, { input: { branchCode: 'KLG' } })).toMatchObject({ allowed: false });
  });
});
