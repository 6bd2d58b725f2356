import { DomainError, fold, givenWhenThen } from '@samabay/domain-kit';
import { depositEvent, MEMBER, openedEvent, SD, TF } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import { ownAccountTransferSteps } from './own-account-transfer';
import { createSavingsAccountDecider } from './savings-account-decider';
import type { SavingsAccountEvent } from './savings-account-events';
import type { SavingsAccount } from './savings-account-state';

const decider = createSavingsAccountDecider(TEST_PRODUCTS);
const spec = givenWhenThen(decider);
const source: SavingsAccountEvent[] = [openedEvent(SD), depositEvent('2025-04-01', 200_000, 200_000, SD)];
const destination: SavingsAccountEvent[] = [openedEvent(TF), depositEvent('2025-04-01', 10_000, 10_000, TF)];
const steps = ownAccountTransferSteps({ transferId: 'T-1', memberNo: MEMBER, fromAccountId: SD, toAccountId: TF, amountPaise: 100_000, businessDate: '2025-04-02', today: '2025-04-02' });
const debited: SavingsAccountEvent = {
  type: 'OwnAccountTransferDebited',
  data: { accountId: SD, businessDate: '2025-04-02', transferId: 'T-1', toAccountId: TF, amountPaise: 100_000, balancePaise: 100_000 },
};

describe('transfer between a member\'s own accounts', () => {
  it('debits the source and credits the destination, each with its resulting balance', () => {
    spec.given(source).when(steps.debit).then([debited]);
    spec.given(destination).when(steps.credit).then([
      { type: 'OwnAccountTransferCredited', data: { accountId: TF, businessDate: '2025-04-02', transferId: 'T-1', fromAccountId: SD, amountPaise: 100_000, balancePaise: 110_000 } },
    ]);
  });

  it('returns the money once when the credit side is rejected (destination closed)', () => {
    const closedDestination: SavingsAccountEvent[] = [...destination, { type: 'SavingsAccountClosed', data: { accountId: TF, businessDate: '2025-04-01', payoutPaise: 10_000, balancePaise: 0 } }];
    expect(() => decider.decide(steps.credit, fold(decider, closedDestination))).toThrow(DomainError);
    const reversed: SavingsAccountEvent = {
      type: 'OwnAccountTransferReversed',
      data: { accountId: SD, businessDate: '2025-04-02', transferId: 'T-1', toAccountId: TF, amountPaise: 100_000, balancePaise: 200_000 },
    };
    spec.given([...source, debited]).when(steps.reversal).then([reversed]);
    spec.given([...source, debited, reversed]).when(steps.reversal).thenThrows('TRANSFER_ALREADY_REVERSED', 'transferId');
    expect((fold(decider, [...source, debited, reversed]) as SavingsAccount).balancePaise).toBe(200_000);
  });

  it('rejects a reversal of a transfer that was never debited', () => {
    spec.given(source).when(steps.reversal).thenThrows('TRANSFER_NOT_FOUND', 'transferId');
  });

  it('goes only between two different Savings Deposit / Thrift Fund accounts of the same member', () => {
    spec.given(source).when({ ...steps.debit, toAccountId: 'SNG-000124-TF-01' }).thenThrows('NOT_OWN_ACCOUNT', 'toAccountId');
    spec.given(source).when({ ...steps.debit, toAccountId: SD }).thenThrows('SAME_ACCOUNT', 'toAccountId');
    spec.given(source).when({ ...steps.debit, toAccountId: 'SNG-000123-RD-01' }).thenThrows('TRANSFER_TARGET_NOT_SUPPORTED', 'toAccountId');
    spec.given(destination).when({ ...steps.credit, fromAccountId: 'KLG-000123-SD-01' }).thenThrows('NOT_OWN_ACCOUNT', 'fromAccountId');
  });

  it('applies the withdrawal rules to the debit and refuses a repeated transfer id', () => {
    spec.given(source).when({ ...steps.debit, amountPaise: 150_001 }).thenThrows('INSUFFICIENT_BALANCE', 'amountPaise');
    spec.given(source).when({ ...steps.debit, amountPaise: -5 }).thenThrows('AMOUNT_NOT_POSITIVE', 'amountPaise');
    spec.given([...source, debited]).when(steps.debit).thenThrows('DUPLICATE_TRANSFER', 'transferId');
    const credited: SavingsAccountEvent = {
      type: 'OwnAccountTransferCredited',
      data: { accountId: TF, businessDate: '2025-04-02', transferId: 'T-1', fromAccountId: SD, amountPaise: 100_000, balancePaise: 110_000 },
    };
    spec.given([...destination, credited]).when(steps.credit).thenThrows('DUPLICATE_TRANSFER', 'transferId');
  });
});
