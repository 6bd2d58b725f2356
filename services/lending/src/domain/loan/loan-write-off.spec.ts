import { fold, givenWhenThen } from '@samabay/domain-kit';
import { AUDITOR, HEAD_OFFICE, LOAN_ID, MANAGER, SECOND_MANAGER, TELLER, TEST_PRODUCTS, disbursedHistory } from '../../testing/loan-fixtures';
import type { MarkLoanAsLoss, RequestWriteOff, WriteOffLoan } from './loan-commands';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent } from './loan-events';

const spec = givenWhenThen(createLoanDecider(TEST_PRODUCTS));
const performing = disbursedHistory();
const npa: LoanEvent = {
  type: 'LoanArrearsClassified',
  data: {
    loanId: LOAN_ID,
    classifiedOn: '2023-05-29',
    daysPastDue: 91,
    overduePrincipalPaise: 891_032,
    overdueInterestPaise: 54_415,
    principalOutstandingPaise: 1_200_000,
    smaClass: null,
    assetClass: 'SUB_STANDARD',
    npaSince: '2023-05-29',
    ownNpaSince: '2023-05-29',
  },
};
const nonPerforming = [...performing, npa];
const request: RequestWriteOff = { type: 'RequestWriteOff', loanId: LOAN_ID, businessDate: '2023-06-15', actor: MANAGER };
const requested: LoanEvent = { type: 'LoanWriteOffRequested', data: { loanId: LOAN_ID, requestedOn: '2023-06-15', requestedBy: MANAGER.userId } };
const writeOff: WriteOffLoan = { type: 'WriteOffLoan', loanId: LOAN_ID, businessDate: '2023-06-15', actor: HEAD_OFFICE };
const markLoss: MarkLoanAsLoss = { type: 'MarkLoanAsLoss', loanId: LOAN_ID, businessDate: '2023-06-15', actor: HEAD_OFFICE };

describe('loan decider: write-off (maker–checker)', () => {
  it('a manager requests writing off an NPA loan', () => {
    spec.given(nonPerforming).when(request).then([requested]);
  });

  it('a different checker writes off everything unpaid (principal, interest due and accrued, penalties)', () => {
    // by 15 Jun 2023 all four instalments have fallen due: 12,000 principal and 605.94 interest unpaid
    spec
      .given([...nonPerforming, requested])
      .when(writeOff)
      .then([
        {
          type: 'LoanWrittenOff',
          data: {
            loanId: LOAN_ID,
            memberNo: 'SNG-000123',
            writtenOffOn: '2023-06-15',
            requestedBy: MANAGER.userId,
            approvedBy: HEAD_OFFICE.userId,
            principalWrittenOffPaise: 1_200_000,
            interestWrittenOffPaise: 60_594,
            penaltyWrittenOffPaise: 0,
            principalOutstandingPaise: 0,
          },
        },
      ]);
  });

  it('another branch manager may be the checker', () => {
    const events = createLoanDecider(TEST_PRODUCTS).decide({ ...writeOff, actor: SECOND_MANAGER }, fold(createLoanDecider(TEST_PRODUCTS), [...nonPerforming, requested]));
    expect(events).toEqual([expect.objectContaining({ type: 'LoanWrittenOff', data: expect.objectContaining({ approvedBy: SECOND_MANAGER.userId, requestedBy: MANAGER.userId }) })]);
  });

  it('rejects the write-off by the maker who requested it', () => {
    spec.given([...nonPerforming, requested]).when({ ...writeOff, actor: MANAGER }).thenThrows('MAKER_CANNOT_APPROVE', 'actor.userId');
  });

  it('rejects a write-off without a request, by a teller, or of a performing loan', () => {
    spec.given(nonPerforming).when(writeOff).thenThrows('WRITE_OFF_NOT_REQUESTED', 'loanId');
    spec.given([...nonPerforming, requested]).when({ ...writeOff, actor: TELLER }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
    spec.given(performing).when(request).thenThrows('LOAN_NOT_NPA', 'loanId');
    spec.given(nonPerforming).when({ ...request, actor: TELLER }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
    spec.given([...nonPerforming, requested]).when(request).thenThrows('WRITE_OFF_ALREADY_REQUESTED', 'loanId');
  });

  it('a written-off loan takes no more repayments', () => {
    const writtenOff: LoanEvent = {
      type: 'LoanWrittenOff',
      data: { loanId: LOAN_ID, memberNo: 'SNG-000123', writtenOffOn: '2023-06-15', requestedBy: MANAGER.userId, approvedBy: HEAD_OFFICE.userId, principalWrittenOffPaise: 1_200_000, interestWrittenOffPaise: 57_604, penaltyWrittenOffPaise: 0, principalOutstandingPaise: 0 },
    };
    spec.given([...nonPerforming, requested, writtenOff]).when({ type: 'RecordRepayment', loanId: LOAN_ID, businessDate: '2023-06-16', actor: TELLER, amountPaise: 100 }).thenThrows('LOAN_NOT_ACTIVE', 'loanId');
  });
});

describe('loan decider: MarkLoanAsLoss', () => {
  const marked: LoanEvent = { type: 'LoanMarkedAsLoss', data: { loanId: LOAN_ID, markedOn: '2023-06-15', markedBy: HEAD_OFFICE.userId } };

  it('head office marks an NPA loan as a loss asset; ageing keeps it LOSS', () => {
    spec.given(nonPerforming).when(markLoss).then([marked]);
    const decider = createLoanDecider(TEST_PRODUCTS);
    const events = decider.decide({ type: 'AgeLoan', loanId: LOAN_ID, businessDate: '2023-06-16', otherLoansNpaSince: null }, fold(decider, [...nonPerforming, marked]));
    expect(events.map((event) => event.type)).not.toContain('LoanArrearsClassified');
    expect(fold(decider, [...nonPerforming, marked, ...events])).toMatchObject({ arrears: { assetClass: 'LOSS', lossMarked: true } });
  });

  it('rejects marking a performing loan, marking twice, or a branch manager or an auditor marking', () => {
    spec.given(nonPerforming).when({ ...markLoss, actor: AUDITOR }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
    spec.given(performing).when(markLoss).thenThrows('LOAN_NOT_NPA', 'loanId');
    spec.given([...nonPerforming, marked]).when(markLoss).thenThrows('LOAN_ALREADY_LOSS', 'loanId');
    spec.given(nonPerforming).when({ ...markLoss, actor: MANAGER }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
  });
});
