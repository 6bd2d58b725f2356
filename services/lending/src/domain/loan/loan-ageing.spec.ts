import { givenWhenThen } from '@samabay/domain-kit';
import { LOAN_ID, TELLER, TEST_PRODUCTS, TEST_TERMS, disbursedHistory } from '../../testing/loan-fixtures';
import type { AgeLoan } from './loan-commands';
import { createLoanDecider } from './loan-decider';
import type { LoanArrearsClassified, LoanEvent } from './loan-events';

const spec = givenWhenThen(createLoanDecider(TEST_PRODUCTS));
const age = (businessDate: string, otherLoansNpaSince: string | null = null): AgeLoan => ({ type: 'AgeLoan', loanId: LOAN_ID, businessDate, otherLoansNpaSince });
const classified = (data: Omit<LoanArrearsClassified['data'], 'loanId'>): LoanArrearsClassified => ({ type: 'LoanArrearsClassified', data: { loanId: LOAN_ID, ...data } });
const repaid = (paidOn: string, allocations: { instalmentNumber: number; principalPaise: number; interestPaise: number }[]): LoanEvent => {
  const full = allocations.map((allocation) => ({ ...allocation, penaltyPaise: 0 }));
  const principal = full.reduce((sum, a) => sum + a.principalPaise, 0);
  const interest = full.reduce((sum, a) => sum + a.interestPaise, 0);
  return {
    type: 'LoanRepaymentRecorded',
    data: {
      loanId: LOAN_ID,
      paidOn,
      amountPaise: principal + interest,
      strategy: 'RBI',
      allocations: full,
      principalPaidPaise: principal,
      interestPaidPaise: interest,
      penaltyPaidPaise: 0,
      excessRefundedPaise: 0,
      balances: { principalOutstandingPaise: 0, principalDuePaise: 0, interestDuePaise: 0, penaltyDuePaise: 0 },
      recordedBy: TELLER.userId,
    },
  };
};

// Without penalties, to follow RBI's example alone: instalment 1 (due 28 Feb 2023) paid; instalment 2 due 31 Mar 2023 unpaid.
const noPenalty = { ...TEST_TERMS, latePenalty: null };
const paidFirst = [...disbursedHistory('2023-01-31', noPenalty), repaid('2023-02-28', [{ instalmentNumber: 1, principalPaise: 291_149, interestPaise: 24_000 }])];
const sma0 = classified({ classifiedOn: '2023-03-31', daysPastDue: 1, overduePrincipalPaise: 296_972, overdueInterestPaise: 18_177, principalOutstandingPaise: 908_851, smaClass: 'SMA_0', assetClass: 'STANDARD', npaSince: null, ownNpaSince: null });
const sma1 = classified({ classifiedOn: '2023-04-30', daysPastDue: 31, overduePrincipalPaise: 599_883, overdueInterestPaise: 30_415, principalOutstandingPaise: 908_851, smaClass: 'SMA_1', assetClass: 'STANDARD', npaSince: null, ownNpaSince: null });
const sma2 = classified({ classifiedOn: '2023-05-30', daysPastDue: 61, overduePrincipalPaise: 599_883, overdueInterestPaise: 30_415, principalOutstandingPaise: 908_851, smaClass: 'SMA_2', assetClass: 'STANDARD', npaSince: null, ownNpaSince: null });
const npa = classified({ classifiedOn: '2023-06-29', daysPastDue: 91, overduePrincipalPaise: 908_851, overdueInterestPaise: 36_594, principalOutstandingPaise: 908_851, smaClass: null, assetClass: 'SUB_STANDARD', npaSince: '2023-06-29', ownNpaSince: '2023-06-29' });

describe('loan decider: AgeLoan (day-end; RBI IRAC)', () => {
  it('does nothing while nothing is overdue', () => {
    spec.given(paidFirst).when(age('2023-03-30')).then([]);
  });

  it('RBI example: due 31/03/2023 unpaid → SMA-0 that day-end, SMA-1 on 30/04, SMA-2 on 30/05, NPA on 29/06/2023', () => {
    spec.given(paidFirst).when(age('2023-03-31')).then([sma0]);
    spec.given([...paidFirst, sma0]).when(age('2023-04-29')).then([]);
    spec.given([...paidFirst, sma0]).when(age('2023-04-30')).then([sma1]);
    spec.given([...paidFirst, sma0, sma1]).when(age('2023-05-29')).then([]);
    spec.given([...paidFirst, sma0, sma1]).when(age('2023-05-30')).then([sma2]);
    spec.given([...paidFirst, sma0, sma1, sma2]).when(age('2023-06-28')).then([]);
    spec.given([...paidFirst, sma0, sma1, sma2]).when(age('2023-06-29')).then([npa]);
  });

  it('is idempotent for the same business date', () => {
    spec.given([...paidFirst, sma0]).when(age('2023-03-31')).then([]);
    spec.given([...paidFirst, sma0, sma1, sma2, npa]).when(age('2023-06-29')).then([]);
  });

  it('catches up a missed day-end with the NPA dated to day 91', () => {
    spec.given([...paidFirst, sma0]).when(age('2023-07-03')).then([{ ...npa, data: { ...npa.data, classifiedOn: '2023-07-03', daysPastDue: 95 } }]);
  });

  it('an NPA is sub-standard for 12 months, then doubtful', () => {
    const history = [...paidFirst, sma0, sma1, sma2, npa];
    spec.given(history).when(age('2024-06-29')).then([]);
    spec.given(history).when(age('2024-06-30')).then([{ ...npa, data: { ...npa.data, classifiedOn: '2024-06-30', daysPastDue: 458, assetClass: 'DOUBTFUL' } }]);
  });

  it('is upgraded to standard once the entire arrears are paid (recovery)', () => {
    const recovered = repaid('2023-07-10', [
      { instalmentNumber: 2, principalPaise: 296_972, interestPaise: 18_177 },
      { instalmentNumber: 3, principalPaise: 302_911, interestPaise: 12_238 },
      { instalmentNumber: 4, principalPaise: 308_968, interestPaise: 6_179 },
    ]);
    spec
      .given([...paidFirst, sma0, sma1, sma2, npa, recovered])
      .when(age('2023-07-10'))
      .then([classified({ classifiedOn: '2023-07-10', daysPastDue: 0, overduePrincipalPaise: 0, overdueInterestPaise: 0, principalOutstandingPaise: 0, smaClass: null, assetClass: 'STANDARD', npaSince: null, ownNpaSince: null })]);
  });

  it('stays NPA while part of the arrears is unpaid', () => {
    const partly = repaid('2023-07-10', [{ instalmentNumber: 2, principalPaise: 296_972, interestPaise: 18_177 }]);
    spec.given([...paidFirst, sma0, sma1, sma2, npa, partly]).when(age('2023-07-10')).then([]);
  });

  it('classifies borrower-wise: another NPA loan of the member makes this one NPA from that date', () => {
    spec
      .given([...paidFirst, sma0])
      .when(age('2023-04-01', '2023-03-15'))
      .then([classified({ ...sma0.data, classifiedOn: '2023-04-01', daysPastDue: 2, smaClass: null, assetClass: 'SUB_STANDARD', npaSince: '2023-03-15', ownNpaSince: null })]);
    spec.given(paidFirst).when(age('2023-03-30', '2023-03-15')).then([
      classified({ classifiedOn: '2023-03-30', daysPastDue: 0, overduePrincipalPaise: 0, overdueInterestPaise: 0, principalOutstandingPaise: 908_851, smaClass: null, assetClass: 'SUB_STANDARD', npaSince: '2023-03-15', ownNpaSince: null }),
    ]);
  });

  it('charges the late penalty once, as a separate charge, after the grace days (1% of 3,151.49 = 31.51 on day 8)', () => {
    const history = disbursedHistory();
    spec
      .given(history)
      .when(age('2023-03-07'))
      .then([
        { type: 'LoanPenaltyCharged', data: { loanId: LOAN_ID, chargedOn: '2023-03-07', instalmentNumber: 1, daysPastDue: 8, overduePaise: 315_149, penaltyPaise: 3_151, penaltyDuePaise: 3_151 } },
        classified({ classifiedOn: '2023-03-07', daysPastDue: 8, overduePrincipalPaise: 291_149, overdueInterestPaise: 24_000, principalOutstandingPaise: 1_200_000, smaClass: 'SMA_0', assetClass: 'STANDARD', npaSince: null, ownNpaSince: null }),
      ]);
    const charged: LoanEvent[] = [
      { type: 'LoanPenaltyCharged', data: { loanId: LOAN_ID, chargedOn: '2023-03-07', instalmentNumber: 1, daysPastDue: 8, overduePaise: 315_149, penaltyPaise: 3_151, penaltyDuePaise: 3_151 } },
      classified({ classifiedOn: '2023-03-07', daysPastDue: 8, overduePrincipalPaise: 291_149, overdueInterestPaise: 24_000, principalOutstandingPaise: 1_200_000, smaClass: 'SMA_0', assetClass: 'STANDARD', npaSince: null, ownNpaSince: null }),
    ];
    spec.given([...history, ...charged]).when(age('2023-03-08')).then([]);
  });

  it('returns nothing for a loan not yet disbursed or closed, so the day-end may age every loan', () => {
    spec.given(disbursedHistory().slice(0, 3)).when(age('2023-03-31')).then([]);
    spec.given([...paidFirst, { type: 'LoanClosed', data: { loanId: LOAN_ID, memberNo: 'SNG-000123', closedOn: '2023-03-01', closedBy: TELLER.userId } }]).when(age('2023-03-31')).then([]);
  });

  it('rejects a date before the loan\'s latest transaction (missed day-ends run in date order)', () => {
    spec.given([...paidFirst, sma0]).when(age('2023-03-30')).thenThrows('BUSINESS_DATE_BEFORE_LAST_ACTIVITY', 'businessDate');
    spec.given(paidFirst).when(age('2023-03-31', '2023-02-30')).thenThrows('BAD_DATE', 'otherLoansNpaSince');
  });
});
