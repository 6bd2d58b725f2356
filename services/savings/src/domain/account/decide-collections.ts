import { DomainError } from '@samabay/domain-kit';
import { addToBalance, requireNonNegativePaise, requirePositivePaise } from '../shared/amounts';
import { requireAccount, requireId, requireNotClosed, requireOwner, requireTransactionDate } from './account-guards';
import type { DisputeCollection, RecordCollection, VerifyCollection } from './savings-account-commands';
import type { SavingsAccountEvent } from './savings-account-events';
import type { PendingCollection, SavingsAccount, SavingsAccountState } from './savings-account-state';

/**
 * A field agent's door-step collection (issue 4 item 4): recorded as pending, nothing posted. Accepted on
 * a dormant account (money in). A collection id already recorded on this account is rejected.
 * @throws ValidationError NOT_PAISE, AMOUNT_NOT_POSITIVE, INVALID_COLLECTION_ID, INVALID_AGENT_ID, dates; DomainError
 *   ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_OF_ANOTHER_MEMBER, PERIOD_CLOSED, DUPLICATE_COLLECTION (field collectionId).
 */
export function decideRecordCollection(command: RecordCollection, state: SavingsAccountState): SavingsAccountEvent[] {
  const amountPaise = requirePositivePaise(command.amountPaise);
  const collectionId = requireId(command.collectionId, 'collectionId', 'INVALID_COLLECTION_ID');
  const agentId = requireId(command.agentId, 'agentId', 'INVALID_AGENT_ID');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  requireOwner(account, command.memberNo);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  if (collectionId in account.pendingCollections || collectionId in account.settledCollections) {
    throw new DomainError('DUPLICATE_COLLECTION', `collection ${collectionId} is already recorded on this account`, 'collectionId');
  }
  return [{ type: 'CollectionRecorded', data: { accountId: account.accountId, businessDate, collectionId, agentId, amountPaise } }];
}

/**
 * The branch counted the agent's cash and it agrees with the collection: the deposit is posted now
 * (dated the verification's business date). A collection posts at most once.
 * @throws ValidationError NOT_PAISE, dates; DomainError ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, PERIOD_CLOSED, COLLECTION_NOT_FOUND,
 *   COLLECTION_ALREADY_SETTLED, VERIFIED_BEFORE_COLLECTED (field collectionId / businessDate), COLLECTION_AMOUNT_MISMATCH
 *   (field countedPaise: dispute it instead).
 */
export function decideVerifyCollection(command: VerifyCollection, state: SavingsAccountState): SavingsAccountEvent[] {
  const countedPaise = requireNonNegativePaise(command.countedPaise, 'countedPaise');
  const { account, collection, collectionId, businessDate } = requirePending(command, state);
  if (countedPaise !== collection.amountPaise) {
    throw new DomainError('COLLECTION_AMOUNT_MISMATCH', 'the counted cash differs from the collection; dispute it instead', 'countedPaise');
  }
  return [
    {
      type: 'CollectionVerified',
      data: {
        accountId: account.accountId,
        businessDate,
        collectionId,
        agentId: collection.agentId,
        collectedOn: collection.collectedOn,
        amountPaise: collection.amountPaise,
        balancePaise: addToBalance(account.balancePaise, collection.amountPaise),
      },
    },
  ];
}

/**
 * The branch counted a different amount than the agent recorded: nothing is posted, the difference
 * (counted − recorded, paise) is flagged for the agent's daily sheet.
 * @throws as {@link decideVerifyCollection}, but COLLECTION_AMOUNTS_AGREE (field countedPaise: verify it instead).
 */
export function decideDisputeCollection(command: DisputeCollection, state: SavingsAccountState): SavingsAccountEvent[] {
  const countedPaise = requireNonNegativePaise(command.countedPaise, 'countedPaise');
  const { account, collection, collectionId, businessDate } = requirePending(command, state);
  if (countedPaise === collection.amountPaise) {
    throw new DomainError('COLLECTION_AMOUNTS_AGREE', 'the counted cash agrees with the collection; verify it instead', 'countedPaise');
  }
  return [
    {
      type: 'CollectionDisputed',
      data: {
        accountId: account.accountId,
        businessDate,
        collectionId,
        agentId: collection.agentId,
        collectedOn: collection.collectedOn,
        recordedPaise: collection.amountPaise,
        countedPaise,
        differencePaise: countedPaise - collection.amountPaise,
      },
    },
  ];
}

interface PendingContext {
  readonly account: SavingsAccount;
  readonly collection: PendingCollection;
  readonly collectionId: string;
  readonly businessDate: string;
}

function requirePending(command: VerifyCollection | DisputeCollection, state: SavingsAccountState): PendingContext {
  const collectionId = requireId(command.collectionId, 'collectionId', 'INVALID_COLLECTION_ID');
  const account = requireAccount(state, command.accountId);
  requireNotClosed(account);
  const businessDate = requireTransactionDate(account, command.businessDate, command.today);
  const collection = account.pendingCollections[collectionId];
  if (!collection) {
    if (collectionId in account.settledCollections) {
      throw new DomainError('COLLECTION_ALREADY_SETTLED', `collection ${collectionId} is already verified or disputed`, 'collectionId');
    }
    throw new DomainError('COLLECTION_NOT_FOUND', `no pending collection ${collectionId} on this account`, 'collectionId');
  }
  if (businessDate < collection.collectedOn) {
    throw new DomainError('VERIFIED_BEFORE_COLLECTED', 'a collection cannot be settled before the day it was collected', 'businessDate');
  }
  return { account, collection, collectionId, businessDate };
}
