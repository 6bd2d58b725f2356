import { fold, givenWhenThen } from '@samabay/domain-kit';
import { APPROVED_HISTORY, LOAN_ID, TELLER, TEST_PRODUCTS, disbursedEvent, disbursedHistory } from '../../testing/loan-fixtures';
import { quoteLoanForeclosure } from './decide-repayment';
import type { CloseLoan, RecordRepayment } from './loan-commands';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent, LoanRepaymentRecorded } from './loan-events';

const decider = createLoanDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const history = disbursedHistory();
const repay = (businessDate: string, amountPaise: number, extra: Partial<RecordRepayment> = {}): RecordRepayment => ({
  type: 'RecordRepayment',
  loanId: LOAN_ID,
  businessDate,
  actor: TELLER,
  amountPaise,
  ...extra,
});
const recorded = (data: Partial<LoanRepaymentRecorded['data']> & Pick<LoanRepaymentRecorded['data'], 'paidOn' | 'amountPaise' | 'allocations' | 'balances'>): LoanRepaymentRecorded => ({
  type: 'LoanRepaymentRecorded',
  data: {
    loanId: LOAN_ID,
    strategy: 'RBI',
    principalPaidPaise: data.allocations.reduce((sum, a) => sum + a.principalPaise, 0),
    interestPaidPaise: data.allocations.reduce((sum, a) => sum + a.interestPaise, 0),
    penaltyPaidPaise: data.allocations.reduce((sum, a) => sum + a.penaltyPaise, 0),
    excessRefundedPaise: 0,
    recordedBy: TELLER.userId,
    ...data,
  },
});
const firstInstalmentPaid = recorded({
  paidOn: '2023-02-28',
  amountPaise: 315_149,
  allocations: [{ instalmentNumber: 1, principalPaise: 291_149, interestPaise: 24_000, penaltyPaise: 0 }],
  balances: { principalOutstandingPaise: 908_851, principalDuePaise: 0, interestDuePaise: 0, penaltyDuePaise: 0 },
});

describe('loan decider: RecordRepayment', () => {
  it('pays the instalment due on its date: 2,911.49 principal + 240.00 interest, 9,088.51 outstanding', () => {
    spec.given(history).when(repay('2023-02-28', 315_149)).then([firstInstalmentPaid]);
  });

  it('RBI order (default) pays overdue and due interest before any principal', () => {
    // 31 Mar: instalment 1 overdue (2,911.49 + 240.00), instalment 2 due (2,969.72 + 181.77); 400.00 paid
    spec
      .given(history)
      .when(repay('2023-03-31', 40_000))
      .then([
        recorded({
          paidOn: '2023-03-31',
          amountPaise: 40_000,
          allocations: [
            { instalmentNumber: 1, principalPaise: 0, interestPaise: 24_000, penaltyPaise: 0 },
            { instalmentNumber: 2, principalPaise: 0, interestPaise: 16_000, penaltyPaise: 0 },
          ],
          balances: { principalOutstandingPaise: 1_200_000, principalDuePaise: 588_121, interestDuePaise: 2_177, penaltyDuePaise: 0 },
        }),
      ]);
  });

  it('the standard (Fineract) order pays the oldest instalment\'s interest, then its principal', () => {
    spec
      .given(history)
      .when(repay('2023-03-31', 40_000, { strategy: 'STANDARD' }))
      .then([
        recorded({
          paidOn: '2023-03-31',
          amountPaise: 40_000,
          strategy: 'STANDARD',
          allocations: [{ instalmentNumber: 1, principalPaise: 16_000, interestPaise: 24_000, penaltyPaise: 0 }],
          balances: { principalOutstandingPaise: 1_184_000, principalDuePaise: 572_121, interestDuePaise: 18_177, penaltyDuePaise: 0 },
        }),
      ]);
  });

  it('the foreclosure quote is exactly what closes the loan: 12,000 + 14 of 28 days of 240.00 interest on 14 Feb', () => {
    const quote = quoteLoanForeclosure(fold(decider, history), LOAN_ID, '2023-02-14');
    expect(quote).toEqual({ businessDate: '2023-02-14', principalPaise: 1_200_000, interestPaise: 12_000, accruedInterestPaise: 12_000, penaltyPaise: 0, totalPaise: 1_212_000 });
    const closing: LoanEvent[] = [
      {
        type: 'LoanScheduleRevised',
        data: {
          loanId: LOAN_ID,
          revisedOn: '2023-02-14',
          reason: 'FORECLOSURE',
          fromInstalmentNumber: 1,
          instalments: [
            { number: 1, dueDate: '2023-02-14', periodStartDate: '2023-01-31', accrualStartDate: '2023-02-14', principalPaise: 1_200_000, interestPaise: 12_000, carriedInterestPaise: 12_000, balanceAfterPaise: 0 },
          ],
          supersededInstalments: disbursedEvent().data.instalments,
        },
      },
      recorded({
        paidOn: '2023-02-14',
        amountPaise: 1_212_000,
        allocations: [{ instalmentNumber: 1, principalPaise: 1_200_000, interestPaise: 12_000, penaltyPaise: 0 }],
        balances: { principalOutstandingPaise: 0, principalDuePaise: 0, interestDuePaise: 0, penaltyDuePaise: 0 },
      }),
    ];
    spec.given(history).when(repay('2023-02-14', 1_212_000)).then(closing);
    const close: CloseLoan = { type: 'CloseLoan', loanId: LOAN_ID, businessDate: '2023-02-14', actor: TELLER };
    spec.given([...history, ...closing]).when(close).then([{ type: 'LoanClosed', data: { loanId: LOAN_ID, memberNo: 'SNG-000123', closedOn: '2023-02-14', closedBy: TELLER.userId } }]);
  });

  it('rejects a repayment of more than the foreclosure amount', () => {
    spec.given(history).when(repay('2023-02-14', 1_212_001)).thenThrows('REPAYMENT_EXCEEDS_FORECLOSURE', 'amount');
    spec.given(history).when(repay('2023-01-31', 1_200_001)).thenThrows('REPAYMENT_EXCEEDS_FORECLOSURE', 'amount');
  });

  it('accepts an overpayment only under the explicit REFUND_EXCESS rule, recording the excess owed back', () => {
    const events = decider.decide(repay('2023-02-14', 1_212_500, { overpayment: 'REFUND_EXCESS' }), fold(decider, history));
    expect(events.map((event) => event.type)).toEqual(['LoanScheduleRevised', 'LoanRepaymentRecorded']);
    expect(events[1].data).toMatchObject({ amountPaise: 1_212_500, principalPaidPaise: 1_200_000, interestPaidPaise: 12_000, excessRefundedPaise: 500 });
  });

  it.each<[string, number, string]>([
    ['zero', 0, 'AMOUNT_NOT_POSITIVE'],
    ['a negative amount', -100, 'AMOUNT_NOT_POSITIVE'],
    ['fractional paise', 10.5, 'NOT_PAISE'],
    ['not a number', Number.NaN, 'NOT_PAISE'],
  ])('rejects a repayment of %s', (_label, amount, code) => {
    spec.given(history).when(repay('2023-02-28', amount)).thenThrows(code, 'amount');
  });

  it('rejects a business date before the disbursement', () => {
    spec.given(history).when(repay('2023-01-30', 10_000)).thenThrows('BUSINESS_DATE_BEFORE_DISBURSEMENT', 'businessDate');
  });

  it('rejects a business date before the loan\'s latest transaction', () => {
    spec.given([...history, firstInstalmentPaid]).when(repay('2023-02-27', 10_000)).thenThrows('BUSINESS_DATE_BEFORE_LAST_ACTIVITY', 'businessDate');
  });

  it('rejects a repayment on a loan not disbursed, unknown or closed', () => {
    spec.given(APPROVED_HISTORY).when(repay('2023-02-28', 10_000)).thenThrows('LOAN_NOT_DISBURSED', 'loanId');
    spec.given([]).when(repay('2023-02-28', 10_000)).thenThrows('LOAN_NOT_FOUND', 'loanId');
    const closed: LoanEvent = { type: 'LoanClosed', data: { loanId: LOAN_ID, memberNo: 'SNG-000123', closedOn: '2023-02-28', closedBy: TELLER.userId } };
    spec.given([...history, closed]).when(repay('2023-03-01', 10_000)).thenThrows('LOAN_NOT_ACTIVE', 'loanId');
  });

  it('rejects an unknown strategy or overpayment rule', () => {
    spec.given(history).when(repay('2023-02-28', 10_000, { strategy: 'LIFO' as never })).thenThrows('INVALID_STRATEGY', 'strategy');
    spec.given(history).when(repay('2023-02-28', 10_000, { overpayment: 'KEEP' as never })).thenThrows('INVALID_OVERPAYMENT_RULE', 'overpayment');
  });

  it('refuses to close a loan with anything unpaid', () => {
    spec.given([...history, firstInstalmentPaid]).when({ type: 'CloseLoan', loanId: LOAN_ID, businessDate: '2023-03-01', actor: TELLER }).thenThrows('LOAN_HAS_OUTSTANDING_BALANCE', 'loanId');
  });
});
