import { givenWhenThen } from '@samabay/domain-kit';
import { accruedEvent, depositEvent, exampleMonth, MEMBER, openedEvent, SD, TF, withdrawalEvent } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import type { CloseAccount, MarkDormant, ReactivateAccount } from './savings-account-commands';
import { createSavingsAccountDecider } from './savings-account-decider';
import type { SavingsAccountEvent } from './savings-account-events';

const spec = givenWhenThen(createSavingsAccountDecider(TEST_PRODUCTS));
const funded: SavingsAccountEvent[] = [openedEvent(), depositEvent('2025-04-01', 200_000, 200_000)];
const markDormant = (businessDate: string): MarkDormant => ({ type: 'MarkDormant', accountId: SD, businessDate, today: businessDate });
const dormant: SavingsAccountEvent = { type: 'AccountMarkedDormant', data: { accountId: SD, businessDate: '2027-04-01', lastCustomerActivityOn: '2025-04-01' } };

describe('savings account: dormancy', () => {
  it('marks an account dormant 24 months after the last customer transaction', () => {
    spec.given(funded).when(markDormant('2027-04-01')).then([dormant]);
  });

  it('rejects marking it dormant a day early, and is idempotent once dormant', () => {
    spec.given(funded).when(markDormant('2027-03-31')).thenThrows('DORMANCY_NOT_DUE', 'businessDate');
    spec.given([...funded, dormant]).when(markDormant('2027-04-02')).then([]);
  });

  it('counts only customer transactions: a later deposit restarts the dormancy period', () => {
    spec.given([...funded, depositEvent('2025-06-01', 100, 200_100)]).when(markDormant('2027-04-01')).thenThrows('DORMANCY_NOT_DUE', 'businessDate');
  });

  it('reactivates a dormant account at the branch, after which it pays out again', () => {
    const reactivate: ReactivateAccount = { type: 'ReactivateAccount', accountId: SD, memberNo: MEMBER, businessDate: '2027-05-03', today: '2027-05-03' };
    const reactivated: SavingsAccountEvent = { type: 'AccountReactivated', data: { accountId: SD, businessDate: '2027-05-03' } };
    spec.given([...funded, dormant]).when(reactivate).then([reactivated]);
    spec
      .given([...funded, dormant, reactivated])
      .when({ type: 'Withdraw', accountId: SD, memberNo: MEMBER, amountPaise: 100_000, businessDate: '2027-05-03', today: '2027-05-03' })
      .then([withdrawalEvent('2027-05-03', 100_000, 100_000)]);
    spec.given(funded).when(reactivate).thenThrows('ACCOUNT_NOT_DORMANT', 'accountId');
  });
});

describe('savings account: CloseAccount', () => {
  const close = (accountId: string, businessDate: string): CloseAccount => ({ type: 'CloseAccount', accountId, memberNo: MEMBER, businessDate, today: businessDate });
  const aprilTf = accruedEvent(TF, '2025-04-01', '2025-04-30', 'DAILY_PRODUCT', '4361.6438356164383561', 4362, 4362);
  const aprilSd = accruedEvent(SD, '2025-04-01', '2025-04-30', 'MINIMUM_BALANCE', '2333.3333333333333333', 2333, 2333);

  it('daily product: accrues the broken period to the day before closure, posts everything, pays out the balance', () => {
    // 1–10 May at Rs 27,000: 2,700,000 × 10 × 4 / 36,500 = 2958.90 paise.
    spec
      .given([...exampleMonth(TF), aprilTf])
      .when(close(TF, '2025-05-11'))
      .then([
        accruedEvent(TF, '2025-05-01', '2025-05-10', 'DAILY_PRODUCT', '2958.9041095890410959', 2959, 7321),
        { type: 'InterestPosted', data: { accountId: TF, businessDate: '2025-05-11', periodFrom: '2025-04-01', periodTo: '2025-05-10', amountPaise: 7321, balancePaise: 2_707_321 } },
        { type: 'SavingsAccountClosed', data: { accountId: TF, businessDate: '2025-05-11', payoutPaise: 2_707_321, balancePaise: 0 } },
      ]);
  });

  it('minimum balance: the incomplete month earns nothing; interest already accrued is posted', () => {
    spec
      .given([...exampleMonth(SD), aprilSd])
      .when(close(SD, '2025-05-11'))
      .then([
        accruedEvent(SD, '2025-05-01', '2025-05-10', 'MINIMUM_BALANCE', '0', 0, 2333),
        { type: 'InterestPosted', data: { accountId: SD, businessDate: '2025-05-11', periodFrom: '2025-04-01', periodTo: '2025-04-30', amountPaise: 2333, balancePaise: 2_702_333 } },
        { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-05-11', payoutPaise: 2_702_333, balancePaise: 0 } },
      ]);
  });

  it('posts a quarter that day-end accrued but did not post, dated at the quarter end, before the broken period', () => {
    const may = accruedEvent(SD, '2025-05-01', '2025-05-31', 'MINIMUM_BALANCE', '9000', 9000, 11_333);
    const june = accruedEvent(SD, '2025-06-01', '2025-06-30', 'MINIMUM_BALANCE', '9000', 9000, 20_333);
    spec
      .given([...exampleMonth(SD), aprilSd, may, june])
      .when(close(SD, '2025-07-05'))
      .then([
        { type: 'InterestPosted', data: { accountId: SD, businessDate: '2025-06-30', periodFrom: '2025-04-01', periodTo: '2025-06-30', amountPaise: 20_333, balancePaise: 2_720_333 } },
        accruedEvent(SD, '2025-07-01', '2025-07-04', 'MINIMUM_BALANCE', '0', 0, 0),
        { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-07-05', payoutPaise: 2_720_333, balancePaise: 0 } },
      ]);
  });

  it('closes on the opening day without interest', () => {
    spec.given(funded).when(close(SD, '2025-04-01')).then([{ type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-01', payoutPaise: 200_000, balancePaise: 0 } }]);
  });

  it('rejects closing with pending door-step collections, twice, or for another member', () => {
    const pending: SavingsAccountEvent = { type: 'CollectionRecorded', data: { accountId: SD, businessDate: '2025-04-02', collectionId: 'C-1', agentId: 'AGENT-7', amountPaise: 5000 } };
    const error = spec.given([...funded, pending]).when(close(SD, '2025-04-03')).thenThrows('PENDING_COLLECTIONS', 'accountId');
    expect(error.details).toEqual({ pendingCollections: 1 });
    const closed: SavingsAccountEvent = { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-02', payoutPaise: 200_000, balancePaise: 0 } };
    spec.given([...funded, closed]).when(close(SD, '2025-04-03')).thenThrows('ACCOUNT_CLOSED', 'accountId');
    spec.given(funded).when({ ...close(SD, '2025-04-03'), memberNo: 'SNG-000999' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
  });
});
