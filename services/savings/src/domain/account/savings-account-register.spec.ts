import { givenWhenThen } from '@samabay/domain-kit';
import { depositEvent, MEMBER, openedEvent, SD, TF } from '../testing/savings-account-fixtures';
import { TEST_PRODUCTS } from '../testing/savings-test-products';
import type { ImportRegisterBalance } from './savings-account-commands';
import { createSavingsAccountDecider } from './savings-account-decider';

const spec = givenWhenThen(createSavingsAccountDecider(TEST_PRODUCTS));
const carryOver = (overrides: Partial<ImportRegisterBalance> = {}): ImportRegisterBalance => ({
  type: 'ImportRegisterBalance',
  accountId: TF,
  memberNo: MEMBER,
  product: 'THRIFT_FUND',
  memberStatus: 'ACTIVE',
  amountPaise: 695_008,
  businessDate: '2026-04-01',
  today: '2026-04-01',
  ...overrides,
});

describe('savings account: ImportRegisterBalance (register migration, issue 4 item 7)', () => {
  it('opens the account from the register and records its balance in one decision', () => {
    spec.when(carryOver()).then([
      { ...openedEvent(TF, '2026-04-01', 'REGISTER_IMPORT') },
      { type: 'OpeningBalanceRecorded', data: { accountId: TF, businessDate: '2026-04-01', amountPaise: 695_008, balancePaise: 695_008 } },
    ]);
  });

  it('carries a zero balance and an INACTIVE member’s balance over as they stand', () => {
    spec.when(carryOver({ amountPaise: 0, memberStatus: 'INACTIVE' })).then([
      openedEvent(TF, '2026-04-01', 'REGISTER_IMPORT'),
      { type: 'OpeningBalanceRecorded', data: { accountId: TF, businessDate: '2026-04-01', amountPaise: 0, balancePaise: 0 } },
    ]);
  });

  it('rejects an exited member, a negative or fractional balance, a mismatched id and an account already open', () => {
    spec.when(carryOver({ memberStatus: 'EXITED' })).thenThrows('MEMBER_NOT_ACTIVE', 'memberStatus');
    spec.when(carryOver({ amountPaise: -1 })).thenThrows('NEGATIVE_AMOUNT', 'amountPaise');
    spec.when(carryOver({ amountPaise: 10.5 })).thenThrows('NOT_PAISE', 'amountPaise');
    spec.when(carryOver({ product: 'SAVINGS_DEPOSIT' })).thenThrows('ACCOUNT_ID_MISMATCH', 'accountId');
    spec.given([openedEvent(SD), depositEvent('2025-04-01', 100, 100)]).when(carryOver({ accountId: SD, product: 'SAVINGS_DEPOSIT' })).thenThrows('ACCOUNT_ALREADY_OPEN', 'accountId');
  });
});
