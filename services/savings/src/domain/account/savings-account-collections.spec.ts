import { givenWhenThen } from '@samabay/domain-kit';
import { depositEvent, MEMBER, openedEvent, SD } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import type { DisputeCollection, RecordCollection, VerifyCollection } from './savings-account-commands';
import { createSavingsAccountDecider } from './savings-account-decider';
import type { SavingsAccountEvent } from './savings-account-events';

const spec = givenWhenThen(createSavingsAccountDecider(TEST_PRODUCTS));
const funded: SavingsAccountEvent[] = [openedEvent(), depositEvent('2025-04-01', 200_000, 200_000)];
const on = { businessDate: '2025-04-02', today: '2025-04-02' };
const record: RecordCollection = { type: 'RecordCollection', accountId: SD, memberNo: MEMBER, collectionId: 'AGENT-7/2025-04-02/1', agentId: 'AGENT-7', amountPaise: 5_000, ...on };
const recorded: SavingsAccountEvent = { type: 'CollectionRecorded', data: { accountId: SD, businessDate: '2025-04-02', collectionId: 'AGENT-7/2025-04-02/1', agentId: 'AGENT-7', amountPaise: 5_000 } };
const verify: VerifyCollection = { type: 'VerifyCollection', accountId: SD, collectionId: 'AGENT-7/2025-04-02/1', countedPaise: 5_000, businessDate: '2025-04-03', today: '2025-04-03' };
const verified: SavingsAccountEvent = {
  type: 'CollectionVerified',
  data: { accountId: SD, businessDate: '2025-04-03', collectionId: 'AGENT-7/2025-04-02/1', agentId: 'AGENT-7', collectedOn: '2025-04-02', amountPaise: 5_000, balancePaise: 205_000 },
};
const dispute: DisputeCollection = { ...verify, type: 'DisputeCollection', countedPaise: 4_000 };
const disputed: SavingsAccountEvent = {
  type: 'CollectionDisputed',
  data: { accountId: SD, businessDate: '2025-04-03', collectionId: 'AGENT-7/2025-04-02/1', agentId: 'AGENT-7', collectedOn: '2025-04-02', recordedPaise: 5_000, countedPaise: 4_000, differencePaise: -1_000 },
};

describe('savings account: door-step collections', () => {
  it('records a collection as pending without touching the balance', () => {
    spec.given(funded).when(record).then([recorded]);
  });

  it('posts the deposit when the branch verifies the cash', () => {
    spec.given([...funded, recorded]).when(verify).then([verified]);
  });

  it('posts nothing on a dispute and flags the difference (counted − recorded)', () => {
    spec.given([...funded, recorded]).when(dispute).then([disputed]);
  });

  it('never posts a collection twice', () => {
    spec.given([...funded, recorded, verified]).when(verify).thenThrows('COLLECTION_ALREADY_SETTLED', 'collectionId');
    spec.given([...funded, recorded, disputed]).when(verify).thenThrows('COLLECTION_ALREADY_SETTLED', 'collectionId');
    spec.given([...funded, recorded]).when(record).thenThrows('DUPLICATE_COLLECTION', 'collectionId');
    spec.given([...funded, recorded, verified]).when({ ...record, businessDate: '2025-04-03', today: '2025-04-03' }).thenThrows('DUPLICATE_COLLECTION', 'collectionId');
  });

  it('rejects verifying an unknown collection or a different amount, and disputing an agreeing count', () => {
    spec.given(funded).when(verify).thenThrows('COLLECTION_NOT_FOUND', 'collectionId');
    spec.given([...funded, recorded]).when({ ...verify, countedPaise: 4_999 }).thenThrows('COLLECTION_AMOUNT_MISMATCH', 'countedPaise');
    spec.given([...funded, recorded]).when({ ...dispute, countedPaise: 5_000 }).thenThrows('COLLECTION_AMOUNTS_AGREE', 'countedPaise');
  });

  it('rejects settling a collection before the day it was collected', () => {
    spec.given([...funded, recorded]).when({ ...verify, businessDate: '2025-04-01', today: '2025-04-03' }).thenThrows('VERIFIED_BEFORE_COLLECTED', 'businessDate');
  });

  it('rejects bad collections: amount, ids, closed or another member\'s account', () => {
    spec.given(funded).when({ ...record, amountPaise: 0 }).thenThrows('AMOUNT_NOT_POSITIVE', 'amountPaise');
    spec.given(funded).when({ ...record, amountPaise: 12.5 }).thenThrows('NOT_PAISE', 'amountPaise');
    spec.given(funded).when({ ...record, collectionId: ' ' }).thenThrows('INVALID_COLLECTION_ID', 'collectionId');
    spec.given(funded).when({ ...record, agentId: '' }).thenThrows('INVALID_AGENT_ID', 'agentId');
    spec.given(funded).when({ ...record, memberNo: 'SNG-000124' }).thenThrows('ACCOUNT_OF_ANOTHER_MEMBER', 'memberNo');
    const closed: SavingsAccountEvent = { type: 'SavingsAccountClosed', data: { accountId: SD, businessDate: '2025-04-01', payoutPaise: 200_000, balancePaise: 0 } };
    spec.given([...funded, closed]).when(record).thenThrows('ACCOUNT_CLOSED', 'accountId');
  });
});
