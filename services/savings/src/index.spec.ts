import { fold, formatPaiseAsRupees, givenWhenThen } from '@samabay/domain-kit';
import {
  createRecurringDepositDecider,
  createSavingsAccountDecider,
  defaultSavingsProducts,
  formatAccountId,
  planSavingsAccountDayEnd,
  savingsAccountStreamId,
  type SavingsAccountCommand,
} from './index';

describe('the public API (src/index.ts)', () => {
  const products = defaultSavingsProducts();
  const accountId = formatAccountId('KLG-000001', 'TF', 1);
  const dated = { businessDate: '2026-04-01', today: '2026-04-01' };

  it('names streams in the savingsAccount category', () => {
    expect(savingsAccountStreamId(accountId)).toBe('savingsAccount-KLG-000001-TF-01');
  });

  it('carries a register balance over and accrues it at the shipped Thrift Fund rate (7% daily product)', () => {
    const decider = createSavingsAccountDecider(products);
    const commands: SavingsAccountCommand[] = [
      { type: 'OpenAccount', accountId, memberNo: 'KLG-000001', product: 'THRIFT_FUND', memberStatus: 'ACTIVE', origin: 'REGISTER_IMPORT', ...dated },
      { type: 'RecordOpeningBalance', accountId, memberNo: 'KLG-000001', amountPaise: 695_008, ...dated },
    ];
    const state = commands.reduce((current, command) => fold(decider, decider.decide(command, current), current), decider.initialState);
    const [accrue] = planSavingsAccountDayEnd(state, '2026-04-30', '2026-05-01', products);
    const [accrued] = decider.decide(accrue, state);
    // Rs 6,950.08 × 30 days × 7% / 365 = Rs 39.99 (the register's first Thrift Fund balance).
    expect(accrued.type === 'InterestAccrued' && formatPaiseAsRupees(accrued.data.amountPaise)).toBe('39.99');
  });

  it('opens a Recurring Deposit from the shipped table: Rs 200 × 2 years → Rs 5,168', () => {
    const [opened] = createRecurringDepositDecider(products).decide(
      { type: 'OpenRecurringDeposit', accountId: formatAccountId('KLG-000001', 'RD', 1), memberNo: 'KLG-000001', memberStatus: 'ACTIVE', instalmentPaise: 20_000, tenureYears: 2, ...dated },
      null,
    );
    expect(opened.type === 'RecurringDepositOpened' && formatPaiseAsRupees(opened.data.contract.maturityValuePaise)).toBe('5168.00');
    givenWhenThen(createRecurringDepositDecider(products)).when({ type: 'PayInstalment', accountId: 'KLG-000001-RD-01', memberNo: 'KLG-000001', amountPaise: 20_000, ...dated }).thenThrows('ACCOUNT_NOT_FOUND', 'accountId');
  });
});
