import { LoanHarness } from '../../testing/loan-harness';
import { ELIGIBLE, LOAN_ID, MANAGER, TELLER, TEST_PRODUCTS, applyCommand } from '../../testing/loan-fixtures';
import { isSettled } from '../repayment/instalment-position';
import { quoteLoanForeclosure } from './decide-repayment';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent } from './loan-events';

const ofType = <T extends LoanEvent['type']>(events: readonly LoanEvent[], type: T): Extract<LoanEvent, { type: T }>[] =>
  events.filter((event): event is Extract<LoanEvent, { type: T }> => event.type === type);

describe('a loan through its whole life (issue 5 "Done when", at the decider)', () => {
  it('application → second-person approval → disbursement → irregular repayments → arrears → NPA → recovery → foreclosure → closure; every figure reconciles', () => {
    const loan = new LoanHarness(createLoanDecider(TEST_PRODUCTS));
    loan.run(applyCommand({ numberOfInstalments: 12 }));
    loan.run({ type: 'AppraiseLoan', loanId: LOAN_ID, businessDate: '2022-12-21', actor: TELLER });
    expect(() => loan.run({ type: 'ApproveLoan', loanId: LOAN_ID, businessDate: '2022-12-22', actor: { ...TELLER, role: 'branch_manager' }, eligibility: ELIGIBLE })).toThrow(
      expect.objectContaining({ code: 'MAKER_CANNOT_APPROVE' }),
    );
    loan.run({ type: 'ApproveLoan', loanId: LOAN_ID, businessDate: '2022-12-22', actor: MANAGER, eligibility: ELIGIBLE });
    loan.run({ type: 'DisburseLoan', loanId: LOAN_ID, businessDate: '2023-01-31', actor: TELLER, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-SD-01' }, disbursementId: 'request-1', eligibility: ELIGIBLE });
    loan.run({ type: 'ConfirmDisbursement', loanId: LOAN_ID, businessDate: '2023-01-31', disbursementId: 'request-1', creditEventId: 'credit-1' });

    const repay = (businessDate: string, amountPaise: number) => loan.run({ type: 'RecordRepayment', loanId: LOAN_ID, businessDate, actor: TELLER, amountPaise });
    // 12 monthly EMIs of 1,134.71; she pays 1,000 at the first due date, travels, sends 100 in April, then nothing until June
    repay('2023-02-28', 100_000);
    loan.ageThrough(LOAN_ID, '2023-02-27', '2023-04-19');
    repay('2023-04-20', 10_000);
    loan.ageThrough(LOAN_ID, '2023-04-19', '2023-06-09');
    expect(loan.loan().arrears).toMatchObject({ assetClass: 'SUB_STANDARD', npaSince: '2023-05-29', smaClass: null });
    const classes = ofType(loan.events, 'LoanArrearsClassified').map((event) => [event.data.classifiedOn, event.data.smaClass ?? event.data.assetClass]);
    expect(classes).toEqual([
      ['2023-02-28', 'SMA_0'],
      ['2023-03-30', 'SMA_1'],
      ['2023-04-29', 'SMA_2'],
      ['2023-05-29', 'SUB_STANDARD'],
    ]);

    // recovery: on her return she clears the entire arrears (principal, interest and the late penalties)
    const { principalPaise, interestPaise, penaltyPaise } = quoteLoanForeclosure(loan.loan(), LOAN_ID, '2023-06-10');
    const arrears = loan.loan().instalments.filter((i) => i.dueDate <= '2023-06-10').reduce((sum, i) => sum + i.principalPaise - i.paidPrincipalPaise + i.interestPaise - i.paidInterestPaise, 0);
    expect(principalPaise + interestPaise).toBeGreaterThan(arrears);
    repay('2023-06-10', arrears + penaltyPaise);
    loan.ageThrough(LOAN_ID, '2023-06-09', '2023-06-10');
    expect(loan.loan().arrears).toMatchObject({ assetClass: 'STANDARD', npaSince: null });

    // foreclosure a little later: the quote is exactly what closes the loan
    const quote = quoteLoanForeclosure(loan.loan(), LOAN_ID, '2023-06-20');
    expect(() => repay('2023-06-20', quote.totalPaise + 1)).toThrow(expect.objectContaining({ code: 'REPAYMENT_EXCEEDS_FORECLOSURE' }));
    repay('2023-06-20', quote.totalPaise);
    expect(loan.loan().instalments.every(isSettled)).toBe(true);
    loan.run({ type: 'CloseLoan', loanId: LOAN_ID, businessDate: '2023-06-20', actor: TELLER });
    expect(loan.loan().status).toBe('CLOSED');

    // reconciliation with a recomputation from the events alone
    const repayments = ofType(loan.events, 'LoanRepaymentRecorded');
    const penalties = ofType(loan.events, 'LoanPenaltyCharged');
    const received = repayments.reduce((sum, event) => sum + event.data.amountPaise, 0);
    const principal = repayments.reduce((sum, event) => sum + event.data.principalPaidPaise, 0);
    const interest = repayments.reduce((sum, event) => sum + event.data.interestPaidPaise, 0);
    const penalty = repayments.reduce((sum, event) => sum + event.data.penaltyPaidPaise, 0);
    expect(principal).toBe(1_200_000);
    expect(received).toBe(principal + interest + penalty);
    expect(penalty).toBe(penalties.reduce((sum, event) => sum + event.data.penaltyPaise, 0));
    expect(interest).toBe(loan.loan().instalments.reduce((sum, i) => sum + i.interestPaise, 0));
    for (const event of repayments) {
      expect(event.data.allocations.reduce((sum, a) => sum + a.principalPaise + a.interestPaise + a.penaltyPaise, 0)).toBe(event.data.amountPaise);
    }
    expect(repayments[repayments.length - 1].data.balances).toEqual({ principalOutstandingPaise: 0, principalDuePaise: 0, interestDuePaise: 0, penaltyDuePaise: 0 });
  });
});
