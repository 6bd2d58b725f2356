import { fold, givenWhenThen } from '@samabay/domain-kit';
import { depositEvent, MEMBER, openedEvent, SD } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import type { CreditDepositProceeds, CreditLoanDisbursement } from './savings-account-commands';
import { createSavingsAccountDecider } from './savings-account-decider';
import type { SavingsAccountEvent } from './savings-account-events';

const decider = createSavingsAccountDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const funded: SavingsAccountEvent[] = [openedEvent(SD), depositEvent('2025-04-01', 100_000, 100_000, SD)];
const loanCredit: CreditLoanDisbursement = {
  type: 'CreditLoanDisbursement',
  accountId: SD,
  memberNo: MEMBER,
  loanId: 'SNG-L-000123',
  disbursementId: '2f1c7a2e-6b1d-5c7e-9a11-0c0ffee00001',
  amountPaise: 1_200_000,
  businessDate: '2025-04-10',
  today: '2025-04-10',
};
const loanCredited: SavingsAccountEvent = {
  type: 'LoanDisbursementCredited',
  data: { accountId: SD, businessDate: '2025-04-10', loanId: 'SNG-L-000123', disbursementId: loanCredit.disbursementId, amountPaise: 1_200_000, balancePaise: 1_300_000 },
};
const income: CreditDepositProceeds = {
  type: 'CreditDepositProceeds',
  accountId: SD,
  memberNo: MEMBER,
  sourceAccountId: `${MEMBER}-MI-01`,
  kind: 'MONTHLY_INCOME',
  reference: 'income-3',
  amountPaise: 62_500,
  businessDate: '2025-04-30',
  today: '2025-04-30',
};

describe('savings account: loan disbursement credit', () => {
  it('credits the disbursed loan (its passbook line: infrastructure/passbook-lines.spec.ts)', () => {
    spec.given(funded).when(loanCredit).then([loanCredited]);
  });

  it('credits a disbursement once: a second credit of the same disbursement is DUPLICATE_CREDIT', () => {
    spec.given([...funded, loanCredited]).when({ ...loanCredit, businessDate: '2025-04-11', today: '2025-04-11' }).thenThrows('DUPLICATE_CREDIT', 'disbursementId');
    spec.given([...funded, loanCredited]).when({ ...loanCredit, disbursementId: 'another-request' }).then([
      { ...loanCredited, data: { ...loanCredited.data, disbursementId: 'another-request', balancePaise: 2_500_000 } } as SavingsAccountEvent,
    ]);
  });

  it('takes money in on a dormant account but rejects a closed account, another member\'s account and bad input', () => {
    spec.given([...funded, { type: 'AccountMarkedDormant', data: { accountId: SD, businessDate: '2025-04-05', lastCustomerActivityOn: '2023-04-01' } }]).when(loanCredit).then([loanCredited]);
    spec.given([...funded, { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-05', payoutPaise: 100_000, balancePaise: 0 } }]).when(loanCredit).thenThrows('ACCOUNT_CLOSED', 'accountId');
    spec.given(funded).when({ ...loanCredit, memberNo: 'SNG-000124' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
    spec.given(funded).when({ ...loanCredit, amountPaise: 0 }).thenThrows('AMOUNT_NOT_POSITIVE', 'amountPaise');
    spec.given(funded).when({ ...loanCredit, loanId: '' }).thenThrows('INVALID_LOAN_ID', 'loanId');
    spec.given(funded).when({ ...loanCredit, disbursementId: ' ' }).thenThrows('INVALID_DISBURSEMENT_ID', 'disbursementId');
    spec.given(funded).when({ ...loanCredit, businessDate: '2025-04-11' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    spec.when(loanCredit).thenThrows('ACCOUNT_NOT_FOUND', 'accountId');
  });

  it('counts as the member\'s own activity (the dormancy clock restarts)', () => {
    const state = fold(decider, [...funded, loanCredited]);
    expect(state).toMatchObject({ balancePaise: 1_300_000, lastCustomerActivityOn: '2025-04-10' });
  });
});

describe('savings account: term-deposit proceeds', () => {
  it('credits an MIS month\'s income once per (source, reference)', () => {
    const credited: SavingsAccountEvent = {
      type: 'DepositProceedsCredited',
      data: { accountId: SD, businessDate: '2025-04-30', sourceAccountId: `${MEMBER}-MI-01`, kind: 'MONTHLY_INCOME', reference: 'income-3', amountPaise: 62_500, balancePaise: 162_500 },
    };
    spec.given(funded).when(income).then([credited]);
    spec.given([...funded, credited]).when(income).thenThrows('DUPLICATE_CREDIT', 'reference');
    // Income is not the member's own activity: the dormancy clock stays where it was.
    expect(fold(decider, [...funded, credited])).toMatchObject({ lastCustomerActivityOn: '2025-04-01' });
  });

  it('takes proceeds only from the member\'s own term deposits', () => {
    spec.given(funded).when({ ...income, sourceAccountId: 'SNG-000124-MI-01' }).thenThrows('NOT_OWN_ACCOUNT', 'sourceAccountId');
    spec.given(funded).when({ ...income, sourceAccountId: `${MEMBER}-TF-01` }).thenThrows('NOT_A_TERM_DEPOSIT', 'sourceAccountId');
    spec.given(funded).when({ ...income, kind: 'GIFT' as never }).thenThrows('INVALID_PROCEEDS_KIND', 'kind');
  });
});
