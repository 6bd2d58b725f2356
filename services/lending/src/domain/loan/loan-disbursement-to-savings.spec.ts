import { fold, givenWhenThen } from '@samabay/domain-kit';
import { APPRAISED, APPROVED, APPROVED_HISTORY, ELIGIBLE, HEAD_OFFICE, LOAN_ID, MANAGER, SECOND_MANAGER, TELLER, TEST_PRODUCTS, appliedEvent, disbursedEvent } from '../../testing/loan-fixtures';
import type { ConfirmDisbursement, DisburseLoan, FailDisbursement, RejectLoan, WithdrawLoanApplication } from './loan-commands';
import { createLoanDecider } from './loan-decider';
import type { LoanEvent } from './loan-events';

const decider = createLoanDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const SD = 'SNG-000123-SD-01';
const toSavings: DisburseLoan = { type: 'DisburseLoan', loanId: LOAN_ID, businessDate: '2023-01-31', actor: TELLER, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: SD }, disbursementId: 'request-1', eligibility: ELIGIBLE };
const requested: LoanEvent = {
  type: 'LoanDisbursementRequested',
  data: { loanId: LOAN_ID, disbursementId: 'request-1', memberNo: 'SNG-000123', amountPaise: 1_200_000, savingsAccountId: SD, requestedOn: '2023-01-31', requestedBy: TELLER.userId },
};
const confirm: ConfirmDisbursement = { type: 'ConfirmDisbursement', loanId: LOAN_ID, businessDate: '2023-01-31', disbursementId: 'request-1', creditEventId: 'credit-event-1' };
const fail: FailDisbursement = { type: 'FailDisbursement', loanId: LOAN_ID, businessDate: '2023-01-31', disbursementId: 'request-1', reasonCode: 'ACCOUNT_CLOSED' };
const confirmed: LoanEvent = (() => {
  const cash = disbursedEvent();
  return { ...cash, data: { ...cash.data, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: SD }, disbursementId: 'request-1', creditEventId: 'credit-event-1' } } as LoanEvent;
})();
const failed: LoanEvent = { type: 'LoanDisbursementFailed', data: { loanId: LOAN_ID, disbursementId: 'request-1', savingsAccountId: SD, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2023-01-31' } };

describe('loan decider: disbursement into a savings account', () => {
  it('is confirmed as requested: dated the request, by the requester, with the schedule from that date', () => {
    spec.given([...APPROVED_HISTORY, requested]).when(confirm).then([confirmed]);
    expect(fold(decider, [...APPROVED_HISTORY, requested, confirmed])).toMatchObject({ status: 'ACTIVE', disbursedOn: '2023-01-31', pendingDisbursement: null });
  });

  it('is idempotent for a redelivered confirmation, and refuses one for another or no request', () => {
    spec.given([...APPROVED_HISTORY, requested, confirmed]).when(confirm).then([]);
    spec.given([...APPROVED_HISTORY, requested]).when({ ...confirm, disbursementId: 'request-2' }).thenThrows('NO_DISBURSEMENT_REQUESTED', 'disbursementId');
    spec.given(APPROVED_HISTORY).when(confirm).thenThrows('NO_DISBURSEMENT_REQUESTED', 'disbursementId');
  });

  it('goes only into the borrower\'s own SD or TF account', () => {
    spec.given(APPROVED_HISTORY).when({ ...toSavings, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000124-SD-01' } }).thenThrows('NOT_BORROWERS_SAVINGS_ACCOUNT', 'channel.savingsAccountId');
    spec.given(APPROVED_HISTORY).when({ ...toSavings, channel: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-RD-01' } }).thenThrows('NOT_BORROWERS_SAVINGS_ACCOUNT', 'channel.savingsAccountId');
  });

  it('blocks another disbursement, a rejection or a withdrawal while the request is in progress', () => {
    spec.given([...APPROVED_HISTORY, requested]).when({ ...toSavings, disbursementId: 'request-2' }).thenThrows('DISBURSEMENT_IN_PROGRESS', 'loanId');
    spec.given([...APPROVED_HISTORY, requested]).when({ ...toSavings, channel: { kind: 'CASH' } }).thenThrows('DISBURSEMENT_IN_PROGRESS', 'loanId');
    spec.given([...APPROVED_HISTORY, requested]).when({ type: 'RejectLoan', loanId: LOAN_ID, businessDate: '2023-02-01', actor: SECOND_MANAGER, reason: 'LATE' }).thenThrows('DISBURSEMENT_IN_PROGRESS', 'loanId');
    spec.given([...APPROVED_HISTORY, requested, confirmed]).when(toSavings).thenThrows('LOAN_ALREADY_DISBURSED', 'loanId');
  });

  it('returns the loan to APPROVED when savings refused the credit, once; it may then be paid in cash', () => {
    spec.given([...APPROVED_HISTORY, requested]).when(fail).then([failed]);
    spec.given([...APPROVED_HISTORY, requested, failed]).when(fail).then([]);
    spec.given([...APPROVED_HISTORY, requested, failed]).when(confirm).thenThrows('NO_DISBURSEMENT_REQUESTED', 'disbursementId');
    const [cash] = decider.decide({ ...toSavings, channel: { kind: 'CASH' }, businessDate: '2023-02-01' }, fold(decider, [...APPROVED_HISTORY, requested, failed]));
    expect(cash).toMatchObject({ type: 'LoanDisbursed', data: { channel: { kind: 'CASH' }, disbursedOn: '2023-02-01' } });
  });
});

describe('loan decider: rejection (maker–checker) and withdrawal', () => {
  const reject: RejectLoan = { type: 'RejectLoan', loanId: LOAN_ID, businessDate: '2022-12-22', actor: MANAGER, reason: 'INSUFFICIENT_REPAYMENT_CAPACITY' };
  const withdraw: WithdrawLoanApplication = { type: 'WithdrawLoanApplication', loanId: LOAN_ID, businessDate: '2022-12-22', actor: TELLER };

  it('lets a checker other than the maker reject an application applied, appraised or approved', () => {
    const rejected: LoanEvent = {
      type: 'LoanRejected',
      data: { loanId: LOAN_ID, memberNo: 'SNG-000123', rejectedOn: '2022-12-22', rejectedBy: MANAGER.userId, rejectorRole: 'branch_manager', reason: 'INSUFFICIENT_REPAYMENT_CAPACITY' },
    };
    spec.given([appliedEvent(), APPRAISED]).when(reject).then([rejected]);
    spec.given([appliedEvent()]).when({ ...reject, actor: HEAD_OFFICE }).then([{ ...rejected, data: { ...rejected.data, rejectedBy: HEAD_OFFICE.userId, rejectorRole: 'head_office' } } as LoanEvent]);
    spec.given(APPROVED_HISTORY).when({ ...reject, actor: SECOND_MANAGER }).then([{ ...rejected, data: { ...rejected.data, rejectedBy: SECOND_MANAGER.userId } } as LoanEvent]);
    expect(fold(decider, [appliedEvent(), APPRAISED, rejected])).toMatchObject({ status: 'REJECTED' });
  });

  it('refuses a rejection by the maker, by a teller, without a reason code, after disbursement or twice', () => {
    spec.given([appliedEvent(), APPRAISED]).when({ ...reject, actor: { ...MANAGER, userId: TELLER.userId } }).thenThrows('MAKER_CANNOT_APPROVE', 'actor.userId');
    spec.given([appliedEvent(), APPRAISED]).when({ ...reject, actor: TELLER }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
    spec.given([appliedEvent(), APPRAISED]).when({ ...reject, reason: 'she is unreliable' }).thenThrows('INVALID_REASON', 'reason');
    spec.given([appliedEvent(), APPRAISED]).when({ ...reject, reason: undefined as never }).thenThrows('INVALID_REASON', 'reason');
    spec.given([...APPROVED_HISTORY, disbursedEvent()]).when({ ...reject, actor: SECOND_MANAGER, businessDate: '2023-02-01' }).thenThrows('LOAN_NOT_AWAITING_DECISION', 'loanId');
    const rejectedHistory = [appliedEvent(), APPRAISED, ...decider.decide(reject, fold(decider, [appliedEvent(), APPRAISED]))];
    spec.given(rejectedHistory).when({ ...reject, actor: HEAD_OFFICE }).thenThrows('LOAN_NOT_AWAITING_DECISION', 'loanId');
    spec.given(rejectedHistory).when({ type: 'ApproveLoan', loanId: LOAN_ID, businessDate: '2022-12-23', actor: HEAD_OFFICE, eligibility: ELIGIBLE }).thenThrows('LOAN_NOT_APPRAISED', 'loanId');
    spec.given([appliedEvent()]).when({ ...reject, businessDate: '2022-12-19' }).thenThrows('BUSINESS_DATE_BEFORE_APPLICATION', 'businessDate');
  });

  it('records the member\'s withdrawal before disbursement, with an optional reason code', () => {
    spec.given([appliedEvent(), APPRAISED, APPROVED]).when(withdraw).then([
      { type: 'LoanApplicationWithdrawn', data: { loanId: LOAN_ID, memberNo: 'SNG-000123', withdrawnOn: '2022-12-22', recordedBy: TELLER.userId, reason: null } },
    ]);
    spec.given([appliedEvent()]).when({ ...withdraw, reason: 'FUNDS_NOT_NEEDED' }).then([
      { type: 'LoanApplicationWithdrawn', data: { loanId: LOAN_ID, memberNo: 'SNG-000123', withdrawnOn: '2022-12-22', recordedBy: TELLER.userId, reason: 'FUNDS_NOT_NEEDED' } },
    ]);
  });

  it('refuses a withdrawal after disbursement, after a rejection, or by an auditor', () => {
    spec.given([...APPROVED_HISTORY, disbursedEvent()]).when({ ...withdraw, businessDate: '2023-02-01' }).thenThrows('LOAN_NOT_WITHDRAWABLE', 'loanId');
    spec.given([appliedEvent(), APPRAISED, ...decider.decide(reject, fold(decider, [appliedEvent(), APPRAISED]))]).when(withdraw).thenThrows('LOAN_NOT_WITHDRAWABLE', 'loanId');
    spec.given([appliedEvent()]).when({ ...withdraw, actor: { userId: 'staff-auditor-01', role: 'auditor' } }).thenThrows('ROLE_NOT_ALLOWED', 'actor.role');
    spec.given([]).when(withdraw).thenThrows('LOAN_NOT_FOUND', 'loanId');
  });
});
