import type { RecordedEvent } from '@samabay/event-store';
import { loanFactsOf, monthOf, toPublicFact } from './map-internal-event';
import type { LoanFacts } from './public-facts';

let counter = 0;
function recorded(streamId: string, type: string, data: Record<string, unknown>): RecordedEvent {
  counter++;
  return {
    id: `00000000-0000-5000-8000-${String(counter).padStart(12, '0')}`,
    streamId,
    type,
    data,
    metadata: { actor: 'staff-1', branchCode: 'SNG', businessDate: '2024-01-05' },
    revision: 0,
    position: { commit: BigInt(counter), prepare: BigInt(counter) },
    recordedAt: new Date('2024-01-05T06:00:00Z'),
  } as RecordedEvent;
}

const sealed = { v: 1, alg: 'A256GCM', iv: 'aXY=', ciphertext: 'c2VjcmV0', tag: 'dGFn' };
const loan: LoanFacts = { loanId: 'SNG-L-000000000A', memberNo: 'SNG-000042', branchCode: 'SNG', productCode: 'MED', purpose: 'MEDICAL' };
const noLoans = () => undefined;

describe('toPublicFact', () => {
  it('maps an admission to branch, month, shares and origin — never the sealed personal data or the day', () => {
    const fact = toPublicFact(
      recorded('member-SNG-000042', 'MemberAdmitted', {
        memberNo: 'SNG-000042', branchCode: 'SNG', admissionDate: '2023-01-02', shares: 2, shareFaceValuePaise: 1000, admissionFeePaise: 500,
        amountCollectedPaise: 2500, shareCapitalPaise: 2000, personal: sealed, nominee: sealed,
      }),
      noLoans,
    );
    expect(fact).toMatchObject({ name: 'member-admitted', memberNo: 'SNG-000042', fields: { branchCode: 'SNG', month: '2023-01', shares: 2, origin: 'ADMISSION' } });
    expect(JSON.stringify(fact?.fields)).not.toMatch(/c2VjcmV0|2023-01-02|SNG-000042/);
  });

  it('maps a register import, an exit and a deposit', () => {
    expect(toPublicFact(recorded('member-KLG-000007', 'MemberRegisteredFromLegacyRegister', { memberNo: 'KLG-000007', branchCode: 'KLG', admissionDate: '1999-06-02', sharesHeld: 20, personal: sealed, nominee: null }), noLoans)?.fields).toEqual({
      branchCode: 'KLG', month: '1999-06', shares: 20, origin: 'REGISTER_IMPORT',
    });
    expect(toPublicFact(recorded('member-KLG-000007', 'MemberExited', { memberNo: 'KLG-000007', exitDate: '2024-06-20', sharesRefunded: 20, shareCapitalRefundedPaise: 20000, sharesHeld: 0, shareCapitalPaise: 0 }), noLoans)).toMatchObject({
      name: 'member-exited', fields: { branchCode: 'KLG', month: '2024-06', sharesRefunded: 20, shareCapitalRefundedPaise: 20000 },
    });
    expect(toPublicFact(recorded('savingsAccount-DHT-000003-TF-01', 'DepositRecorded', { accountId: 'DHT-000003-TF-01', businessDate: '2024-03-31', amountPaise: 123456, balancePaise: 999999 }), noLoans)).toEqual({
      name: 'deposit-recorded', memberNo: 'DHT-000003', internalEventId: expect.any(String), fields: { branchCode: 'DHT', month: '2024-03', product: 'THRIFT_FUND', amountPaise: 123456 },
    });
  });

  it('maps disbursement and repayment with the facts of the loan application', () => {
    const applied = recorded('loan-SNG-L-000000000A', 'LoanApplied', { ...loan, amountPaise: 1_200_000, guarantors: ['SNG-000001'], appliedBy: 'teller-1', appliedOn: '2024-01-05' });
    expect(loanFactsOf(applied)).toEqual(loan);
    expect(toPublicFact(applied, noLoans)).toBeNull();
    const facts = (loanId: string) => (loanId === loan.loanId ? loan : undefined);
    expect(toPublicFact(recorded('loan-SNG-L-000000000A', 'LoanDisbursed', { loanId: loan.loanId, memberNo: loan.memberNo, amountPaise: 1_200_000, disbursedOn: '2024-01-10', disbursedBy: 'teller-1', instalments: [{}, {}, {}] }), facts)).toMatchObject({
      name: 'loan-disbursed', memberNo: 'SNG-000042', fields: { branchCode: 'SNG', month: '2024-01', productCode: 'MED', purpose: 'MEDICAL', amountPaise: 1_200_000, numberOfInstalments: 3 },
    });
    expect(toPublicFact(recorded('loan-SNG-L-000000000A', 'LoanRepaymentRecorded', { loanId: loan.loanId, paidOn: '2024-02-10', amountPaise: 204_693, principalPaidPaise: 196_693, interestPaidPaise: 8_000, penaltyPaidPaise: 0, recordedBy: 'teller-1' }), facts)?.fields).toEqual({
      branchCode: 'SNG', month: '2024-02', productCode: 'MED', purpose: 'MEDICAL', amountPaise: 204_693, principalPaidPaise: 196_693, interestPaidPaise: 8_000, penaltyPaidPaise: 0,
    });
    expect(toPublicFact(recorded('loan-SNG-L-000000000B', 'LoanRepaymentRecorded', { loanId: 'SNG-L-000000000B', paidOn: '2024-02-10', amountPaise: 1 }), facts)).toBeNull();
  });

  it('publishes nothing of nominee changes, forgets, branches, withdrawals or day-end events', () => {
    expect(toPublicFact(recorded('member-SNG-000042', 'NomineeChanged', { memberNo: 'SNG-000042', nominee: sealed }), noLoans)).toBeNull();
    expect(toPublicFact(recorded('member-SNG-000042', 'MemberForgotten', { memberNo: 'SNG-000042', forgottenOn: '2030-01-01' }), noLoans)).toBeNull();
    expect(toPublicFact(recorded('branch-SNG', 'MemberNumberReserved', { memberNo: 'SNG-000042' }), noLoans)).toBeNull();
    expect(toPublicFact(recorded('savingsAccount-SNG-000042-SD-01', 'WithdrawalRecorded', { accountId: 'SNG-000042-SD-01', businessDate: '2024-01-01', amountPaise: 5 }), noLoans)).toBeNull();
  });

  it('rounds a date to its month and refuses anything else', () => {
    expect(monthOf('2024-02-29')).toBe('2024-02');
    expect(() => monthOf('29/02/2024')).toThrow(RangeError);
  });
});
