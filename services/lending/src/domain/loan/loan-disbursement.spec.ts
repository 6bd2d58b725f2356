import { givenWhenThen } from '@samabay/domain-kit';
import { APPRAISED, APPROVED_HISTORY, ELIGIBLE, LOAN_ID, TELLER, TEST_PRODUCTS, appliedEvent, disbursedEvent } from '../../testing/loan-fixtures';
import type { DisburseLoan } from './loan-commands';
import { createLoanDecider } from './loan-decider';

const spec = givenWhenThen(createLoanDecider(TEST_PRODUCTS));
const disburse: DisburseLoan = { type: 'DisburseLoan', loanId: LOAN_ID, businessDate: '2023-01-31', actor: TELLER, channel: { kind: 'CASH' }, eligibility: ELIGIBLE };

describe('loan decider: DisburseLoan', () => {
  it.each<[string, Partial<typeof ELIGIBLE>, string, string]>([
    ['two other loans applied for or open since approval', { openLoans: 2, exposurePaise: 200_000 }, 'TOO_MANY_OPEN_LOANS', 'memberNo'],
    ['other loans that leave less than the amount under 3 × savings', { openLoans: 1, exposurePaise: 300_001 }, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount'],
    ['savings withdrawn below a third of the loan', { savingsBalancePaise: 399_999 }, 'EXCEEDS_SAVINGS_MULTIPLE', 'amount'],
    ['a borrower who has exited', { memberStatus: 'EXITED' }, 'MEMBER_NOT_ACTIVE', 'memberNo'],
  ])('re-checks eligibility before paying out: refuses %s', (_label, facts, code, field) => {
    spec.given(APPROVED_HISTORY).when({ ...disburse, eligibility: { ...ELIGIBLE, ...facts } }).thenThrows(code, field);
    spec.given(APPROVED_HISTORY).when({ ...disburse, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-SD-01' }, disbursementId: 'request-1', eligibility: { ...ELIGIBLE, ...facts } }).thenThrows(code, field);
  });

  it('pays out the approved amount once, with the schedule from the business date (12,000 at 2% per month over 4 months)', () => {
    spec
      .given(APPROVED_HISTORY)
      .when(disburse)
      .then([
        {
          type: 'LoanDisbursed',
          data: {
            loanId: LOAN_ID,
            memberNo: 'SNG-000123',
            amountPaise: 1_200_000,
            channel: { kind: 'CASH' },
            disbursedOn: '2023-01-31',
            disbursedBy: TELLER.userId,
            instalments: [
              { number: 1, dueDate: '2023-02-28', periodStartDate: '2023-01-31', accrualStartDate: '2023-01-31', principalPaise: 291_149, interestPaise: 24_000, carriedInterestPaise: 0, balanceAfterPaise: 908_851 },
              { number: 2, dueDate: '2023-03-31', periodStartDate: '2023-02-28', accrualStartDate: '2023-02-28', principalPaise: 296_972, interestPaise: 18_177, carriedInterestPaise: 0, balanceAfterPaise: 611_879 },
              { number: 3, dueDate: '2023-04-30', periodStartDate: '2023-03-31', accrualStartDate: '2023-03-31', principalPaise: 302_911, interestPaise: 12_238, carriedInterestPaise: 0, balanceAfterPaise: 308_968 },
              { number: 4, dueDate: '2023-05-31', periodStartDate: '2023-04-30', accrualStartDate: '2023-04-30', principalPaise: 308_968, interestPaise: 6_179, carriedInterestPaise: 0, balanceAfterPaise: 0 },
            ],
            totalInterestPaise: 60_594,
            principalOutstandingPaise: 1_200_000,
          },
        },
      ]);
  });

  it('requests a disbursement into the member\'s savings account instead of paying at once (the disbursement process completes it)', () => {
    spec
      .given(APPROVED_HISTORY)
      .when({ ...disburse, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-SD-01' }, disbursementId: 'request-1' })
      .then([
        {
          type: 'LoanDisbursementRequested',
          data: { loanId: LOAN_ID, disbursementId: 'request-1', memberNo: 'SNG-000123', amountPaise: 1_200_000, savingsAccountId: 'SNG-000123-SD-01', requestedOn: '2023-01-31', requestedBy: TELLER.userId },
        },
      ]);
    spec.given(APPROVED_HISTORY).when({ ...disburse, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-SD-01' } }).thenThrows('INVALID_DISBURSEMENT_ID', 'disbursementId');
  });

  it('rejects disbursement before approval', () => {
    spec.given([appliedEvent(), APPRAISED]).when(disburse).thenThrows('LOAN_NOT_APPROVED', 'loanId');
    spec.given([appliedEvent()]).when(disburse).thenThrows('LOAN_NOT_APPROVED', 'loanId');
  });

  it('rejects a second disbursement', () => {
    spec.given([...APPROVED_HISTORY, disbursedEvent()]).when(disburse).thenThrows('LOAN_ALREADY_DISBURSED', 'loanId');
  });

  it('rejects a business date before the approval', () => {
    spec.given(APPROVED_HISTORY).when({ ...disburse, businessDate: '2022-12-21' }).thenThrows('BUSINESS_DATE_BEFORE_APPROVAL', 'businessDate');
  });

  it('rejects an unknown loan, a bad channel or a missing actor', () => {
    spec.given([]).when(disburse).thenThrows('LOAN_NOT_FOUND', 'loanId');
    spec.given(APPROVED_HISTORY).when({ ...disburse, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: '' } }).thenThrows('INVALID_CHANNEL', 'channel');
    spec.given(APPROVED_HISTORY).when({ ...disburse, actor: { userId: ' ', role: 'teller' } }).thenThrows('INVALID_ACTOR', 'actor.userId');
  });
});
