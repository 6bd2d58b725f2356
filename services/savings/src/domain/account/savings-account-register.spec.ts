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
  memberOrigin: 'REGISTER',
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

  it('refuses a member admitted at a counter: no balance "brought forward from the register" for them (tester defect 1)', () => {
    spec.when(carryOver({ memberOrigin: 'ADMITTED', amountPaise: 100_000_000 })).thenThrows('MEMBER_NOT_FROM_REGISTER', 'memberNo');
  });

  it('carries a product over at most once per member: a second import of the same product is refused', () => {
    const first = [openedEvent(TF, '2026-04-01', 'REGISTER_IMPORT'), { type: 'OpeningBalanceRecorded' as const, data: { accountId: TF, businessDate: '2026-04-01', amountPaise: 695_008, balancePaise: 695_008 } }];
    spec.given(first).when(carryOver({ amountPaise: 100_000_000 })).thenThrows('ACCOUNT_ALREADY_OPEN', 'accountId');
  });
});
