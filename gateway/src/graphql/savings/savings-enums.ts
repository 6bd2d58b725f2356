import { registerEnumType } from '@nestjs/graphql';

/** The demand savings products an account can be opened for at the counter. */
export enum SavingsProductEnum {
  SAVINGS_DEPOSIT = 'SAVINGS_DEPOSIT',
  THRIFT_FUND = 'THRIFT_FUND',
}

/** The product of any deposit account. */
export enum DepositProductEnum {
  SAVINGS_DEPOSIT = 'SAVINGS_DEPOSIT',
  THRIFT_FUND = 'THRIFT_FUND',
  RECURRING_DEPOSIT = 'RECURRING_DEPOSIT',
  FIXED_DEPOSIT = 'FIXED_DEPOSIT',
  MONTHLY_INCOME = 'MONTHLY_INCOME',
}

/** ACTIVE takes every transaction; DORMANT takes money in only until reactivated; CLOSED takes nothing. */
export enum SavingsAccountStatusEnum {
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
  CLOSED = 'CLOSED',
}

/** How an own-account transfer ended. */
export enum OwnAccountTransferStatusEnum {
  COMPLETED = 'COMPLETED',
  REVERSED = 'REVERSED',
}

/** How a Recurring Deposit is closed. */
export enum RecurringDepositClosureEnum {
  PREMATURE = 'PREMATURE',
  MATURITY = 'MATURITY',
}

/** Where a door-step collection stands. */
export enum CollectionStatusEnum {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
}

registerEnumType(SavingsProductEnum, { name: 'SavingsProduct', description: 'Savings Deposit (5% p.a.) or Thrift Fund (7% p.a.).' });
registerEnumType(DepositProductEnum, { name: 'DepositProduct', description: 'The product of a deposit account.' });
registerEnumType(SavingsAccountStatusEnum, { name: 'SavingsAccountStatus', description: 'The state of a deposit account.' });
registerEnumType(OwnAccountTransferStatusEnum, { name: 'OwnAccountTransferStatus', description: 'COMPLETED: debited and credited; REVERSED: the credit was rejected and the debit returned.' });
registerEnumType(RecurringDepositClosureEnum, { name: 'RecurringDepositClosure', description: 'PREMATURE: before maturity, at the penal rate; MATURITY: the table value.' });
registerEnumType(CollectionStatusEnum, { name: 'CollectionStatus', description: 'PENDING until the branch verifies (posted) or disputes (not posted) the cash.' });
