import { givenWhenThen } from '@samabay/domain-kit';
import { depositEvent, MEMBER, openedEvent, SD, TF, withdrawalEvent } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import type { Deposit, OpenAccount, RecordOpeningBalance, Withdraw } from './savings-account-commands';
import { createSavingsAccountDecider } from './savings-account-decider';
import type { SavingsAccountEvent } from './savings-account-events';

const spec = givenWhenThen(createSavingsAccountDecider(TEST_PRODUCTS));
const dated = { businessDate: '2025-04-10', today: '2025-04-10' };
const open: OpenAccount = { type: 'OpenAccount', accountId: SD, memberNo: MEMBER, product: 'SAVINGS_DEPOSIT', memberStatus: 'ACTIVE', origin: 'COUNTER', businessDate: '2025-04-01', today: '2025-04-01' };
const deposit: Deposit = { type: 'Deposit', accountId: SD, memberNo: MEMBER, amountPaise: 150_000, ...dated };
const withdraw: Withdraw = { type: 'Withdraw', accountId: SD, memberNo: MEMBER, amountPaise: 50_000, ...dated };
const funded: SavingsAccountEvent[] = [openedEvent(), depositEvent('2025-04-01', 200_000, 200_000)];
const closed: SavingsAccountEvent = { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-05', payoutPaise: 200_000, balancePaise: 0 } };
const dormant: SavingsAccountEvent = { type: 'AccountMarkedDormant', data: { accountId: SD, businessDate: '2025-04-05', lastCustomerActivityOn: '2023-04-01' } };

describe('savings account: OpenAccount', () => {
  it('opens a Savings Deposit account for an active member, branch from the member number', () => {
    spec.when(open).then([openedEvent()]);
  });

  it('opens a Thrift Fund account', () => {
    spec.when({ ...open, accountId: TF, product: 'THRIFT_FUND' }).then([openedEvent(TF)]);
  });

  it('opens an INACTIVE member\'s account only from the register import', () => {
    spec.when({ ...open, memberStatus: 'INACTIVE' }).thenThrows('MEMBER_NOT_ACTIVE', 'memberStatus');
    spec.when({ ...open, memberStatus: 'INACTIVE', origin: 'REGISTER_IMPORT' }).then([openedEvent(SD, '2025-04-01', 'REGISTER_IMPORT')]);
  });

  it('never opens an account for an exited member', () => {
    spec.when({ ...open, memberStatus: 'EXITED', origin: 'REGISTER_IMPORT' }).thenThrows('MEMBER_NOT_ACTIVE', 'memberStatus');
  });

  it.each([
    ['another member', 'SNG-000124-SD-01', 'ACCOUNT_ID_MISMATCH'],
    ['another product', 'SNG-000123-TF-01', 'ACCOUNT_ID_MISMATCH'],
    ['a malformed id', 'SNG-123-SD-1', 'INVALID_ACCOUNT_ID'],
    ['serial 00', 'SNG-000123-SD-00', 'INVALID_ACCOUNT_ID'],
  ])('rejects an account id naming %s', (_label, accountId, code) => {
    spec.when({ ...open, accountId }).thenThrows(code, 'accountId');
  });

  it('rejects an unknown status, product or origin', () => {
    spec.when({ ...open, memberStatus: 'active' as never }).thenThrows('INVALID_MEMBER_STATUS', 'memberStatus');
    spec.when({ ...open, product: 'CURRENT' as never }).thenThrows('INVALID_PRODUCT', 'product');
    spec.when({ ...open, origin: 'WEB' as never }).thenThrows('INVALID_ORIGIN', 'origin');
  });

  it('rejects opening twice', () => {
    spec.given([openedEvent()]).when(open).thenThrows('ACCOUNT_ALREADY_OPEN', 'accountId');
  });

  it('rejects a business date after today, an impossible date, and a date before any terms', () => {
    spec.when({ ...open, businessDate: '2025-04-02' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    spec.when({ ...open, businessDate: '2025-02-29' }).thenThrows('BAD_DATE', 'businessDate');
    spec.when({ ...open, businessDate: '2019-12-31' }).thenThrows('NO_TERMS_IN_FORCE', 'businessDate');
  });
});

describe('savings account: RecordOpeningBalance (register import)', () => {
  const imported = openedEvent(SD, '2025-04-01', 'REGISTER_IMPORT');
  const record: RecordOpeningBalance = { type: 'RecordOpeningBalance', accountId: SD, memberNo: MEMBER, amountPaise: 2_272_825, businessDate: '2025-04-01', today: '2025-04-01' };
  const recorded: SavingsAccountEvent = { type: 'OpeningBalanceRecorded', data: { accountId: SD, businessDate: '2025-04-01', amountPaise: 2_272_825, balancePaise: 2_272_825 } };

  it('records the register balance as one credit at the import date', () => {
    spec.given([imported]).when(record).then([recorded]);
  });

  it('records a zero balance as the register shows it', () => {
    spec.given([imported]).when({ ...record, amountPaise: 0 }).then([{ type: 'OpeningBalanceRecorded', data: { ...recorded.data, amountPaise: 0, balancePaise: 0 } } as SavingsAccountEvent]);
  });

  it('records it once, before any other transaction, only on an imported account', () => {
    spec.given([imported, recorded]).when(record).thenThrows('OPENING_BALANCE_ALREADY_RECORDED', 'accountId');
    spec.given([imported, depositEvent('2025-04-01', 100, 100)]).when(record).thenThrows('ACCOUNT_HAS_TRANSACTIONS', 'accountId');
    spec.given([openedEvent()]).when(record).thenThrows('OPENING_BALANCE_NOT_FROM_REGISTER', 'accountId');
  });

  it('rejects a negative or fractional balance', () => {
    spec.given([imported]).when({ ...record, amountPaise: -1 }).thenThrows('NEGATIVE_AMOUNT', 'amountPaise');
    spec.given([imported]).when({ ...record, amountPaise: 10.5 }).thenThrows('NOT_PAISE', 'amountPaise');
  });
});

describe('savings account: Deposit', () => {
  it('credits the amount and carries the resulting balance', () => {
    spec.given(funded).when(deposit).then([depositEvent('2025-04-10', 150_000, 350_000)]);
  });

  it.each([
    [0, 'AMOUNT_NOT_POSITIVE'],
    [-100, 'AMOUNT_NOT_POSITIVE'],
    [100.5, 'NOT_PAISE'],
    [Number.NaN, 'NOT_PAISE'],
    ['100' as unknown as number, 'NOT_PAISE'],
    [Number.MAX_SAFE_INTEGER + 2, 'NOT_PAISE'],
  ])('rejects the amount %p', (amountPaise, code) => {
    spec.given(funded).when({ ...deposit, amountPaise }).thenThrows(code, 'amountPaise');
  });

  it('rejects a deposit that would take the balance beyond a safe integer', () => {
    spec.given(funded).when({ ...deposit, amountPaise: Number.MAX_SAFE_INTEGER - 100 }).thenThrows('AMOUNT_TOO_LARGE', 'amountPaise');
  });

  it('rejects a deposit to a closed account, another member\'s account, or no account', () => {
    spec.given([...funded, closed]).when(deposit).thenThrows('ACCOUNT_CLOSED', 'accountId');
    spec.given(funded).when({ ...deposit, memberNo: 'SNG-000124' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
    spec.given([]).when(deposit).thenThrows('ACCOUNT_NOT_FOUND', 'accountId');
  });

  it('rejects a business date in the future, before opening, or in an accrued period', () => {
    spec.given(funded).when({ ...deposit, businessDate: '2025-04-11' }).thenThrows('BUSINESS_DATE_IN_FUTURE', 'businessDate');
    spec.given(funded).when({ ...deposit, businessDate: '2025-03-31' }).thenThrows('BUSINESS_DATE_BEFORE_OPENING', 'businessDate');
    const accrued: SavingsAccountEvent = {
      type: 'InterestAccrued',
      data: { accountId: SD, businessDate: '2025-04-30', periodFrom: '2025-04-01', periodTo: '2025-04-30', balanceMethod: 'MINIMUM_BALANCE', ratesPercent: ['4'], exactInterestPaise: '0', amountPaise: 0, unpostedPaise: 0 },
    };
    spec.given([...funded, accrued]).when({ ...deposit, businessDate: '2025-04-30', today: '2025-05-02' }).thenThrows('PERIOD_CLOSED', 'businessDate');
  });

  it('takes money into a dormant account', () => {
    spec.given([...funded, dormant]).when(deposit).then([depositEvent('2025-04-10', 150_000, 350_000)]);
  });
});

describe('savings account: Withdraw', () => {
  it('pays out and carries the resulting balance', () => {
    spec.given(funded).when(withdraw).then([withdrawalEvent('2025-04-10', 50_000, 150_000)]);
  });

  it('may leave exactly the minimum balance (Rs 500 in the test products)', () => {
    spec.given(funded).when({ ...withdraw, amountPaise: 150_000 }).then([withdrawalEvent('2025-04-10', 150_000, 50_000)]);
  });

  it('rejects a withdrawal below the minimum balance or beyond the balance, naming what is available', () => {
    const error = spec.given(funded).when({ ...withdraw, amountPaise: 150_001 }).thenThrows('INSUFFICIENT_BALANCE', 'amountPaise');
    expect(error.details).toEqual({ availablePaise: 150_000 });
    spec.given(funded).when({ ...withdraw, amountPaise: 200_001 }).thenThrows('INSUFFICIENT_BALANCE', 'amountPaise');
  });

  it('lets a Thrift Fund account (no minimum) be emptied but not overdrawn', () => {
    const thrift = [openedEvent(TF), depositEvent('2025-04-01', 200_000, 200_000, TF)];
    spec.given(thrift).when({ ...withdraw, accountId: TF, amountPaise: 200_000 }).then([withdrawalEvent('2025-04-10', 200_000, 0, TF)]);
    spec.given(thrift).when({ ...withdraw, accountId: TF, amountPaise: 200_001 }).thenThrows('INSUFFICIENT_BALANCE', 'amountPaise');
  });

  it('pays nothing out of a dormant account', () => {
    spec.given([...funded, dormant]).when(withdraw).thenThrows('ACCOUNT_DORMANT', 'accountId');
  });

  it('rejects zero, fractional paise, a closed account and another member', () => {
    spec.given(funded).when({ ...withdraw, amountPaise: 0 }).thenThrows('AMOUNT_NOT_POSITIVE', 'amountPaise');
    spec.given(funded).when({ ...withdraw, amountPaise: 0.5 }).thenThrows('NOT_PAISE', 'amountPaise');
    spec.given([...funded, closed]).when(withdraw).thenThrows('ACCOUNT_CLOSED', 'accountId');
    spec.given(funded).when({ ...withdraw, memberNo: 'KLG-000123' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
  });
});

describe('savings account: Withdraw above the maker–checker limit (a day\'s total, tester defect 3)', () => {
  const rich: SavingsAccountEvent[] = [openedEvent(), depositEvent('2025-04-01', 10_000_000, 10_000_000)];
  const limited: Withdraw = { ...withdraw, amountPaise: 2_500_000, approvalAbovePaise: 2_500_000 };

  it('pays up to the limit in one withdrawal without approval, and refuses one above it', () => {
    spec.given(rich).when(limited).then([withdrawalEvent('2025-04-10', 2_500_000, 7_500_000)]);
    const error = spec.given(rich).when({ ...limited, amountPaise: 2_500_001 }).thenThrows('APPROVAL_REQUIRED', 'amountPaise');
    expect(error.details).toEqual({ withdrawnTodayPaise: 0, approvalAbovePaise: 2_500_000 });
  });

  it("counts the day's earlier withdrawals: a split withdrawal needs the approval the whole would", () => {
    const first = withdrawalEvent('2025-04-10', 2_500_000, 7_500_000);
    const error = spec.given([...rich, first]).when(limited).thenThrows('APPROVAL_REQUIRED', 'amountPaise');
    expect(error.details).toEqual({ withdrawnTodayPaise: 2_500_000, approvalAbovePaise: 2_500_000 });
    spec.given([...rich, withdrawalEvent('2025-04-10', 1_000_000, 9_000_000)]).when({ ...limited, amountPaise: 1_500_001 }).thenThrows('APPROVAL_REQUIRED', 'amountPaise');
    spec.given([...rich, withdrawalEvent('2025-04-10', 1_000_000, 9_000_000)]).when({ ...limited, amountPaise: 1_500_000 }).then([withdrawalEvent('2025-04-10', 1_500_000, 7_500_000)]);
  });

  it("does not count another day's withdrawals", () => {
    spec.given([...rich, withdrawalEvent('2025-04-09', 2_500_000, 7_500_000)]).when(limited).then([withdrawalEvent('2025-04-10', 2_500_000, 5_000_000)]);
  });

  it('pays an approved withdrawal whatever the day\'s total', () => {
    spec.given([...rich, withdrawalEvent('2025-04-10', 2_500_000, 7_500_000)]).when({ ...limited, amountPaise: 3_000_000, approvalId: 'SNG-AP-1' }).then([withdrawalEvent('2025-04-10', 3_000_000, 4_500_000)]);
  });

  it('refuses a withdrawal beyond the balance as such, even above the limit (so a request is refused before a checker sees it)', () => {
    spec.given(funded).when({ ...limited, amountPaise: 5_000_000 }).thenThrows('INSUFFICIENT_BALANCE', 'amountPaise');
  });
});
