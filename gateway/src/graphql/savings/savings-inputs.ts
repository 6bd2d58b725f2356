import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { RecurringDepositClosureEnum, SavingsProductEnum } from './savings-enums';

/** Every savings mutation input carries the client's idempotency key (8–200 printable characters) and the business date. */
@InputType('OpenSavingsAccountInput')
export class OpenSavingsAccountInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => SavingsProductEnum) product!: SavingsProductEnum;
  @Field(() => String, { nullable: true, description: 'e.g. SNG-000123-SD-02 to keep a printed passbook number; otherwise the next free serial.' })
  accountId?: string | null;
}

/** Cash in or out of `accountId`, which `memberNo` must own. */
@InputType('SavingsCashInput')
export class SavingsCashInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar, { description: 'Rupees, more than zero, at most 2 decimals.' }) amount!: number;
}

/** A command on one of the member's accounts (close, reactivate). */
@InputType('SavingsAccountOfMemberInput')
export class SavingsAccountOfMemberInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
}

/** Move `amount` between two of the member's own Savings Deposit / Thrift Fund accounts. */
@InputType('OwnAccountTransferInput')
export class OwnAccountTransferInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => String) fromAccountId!: string;
  @Field(() => String) toAccountId!: string;
  @Field(() => MoneyScalar) amount!: number;
}

/** Open a Recurring Deposit: monthly `instalment` for `tenureYears` whole years; the first instalment is paid now. */
@InputType('OpenRecurringDepositInput')
export class OpenRecurringDepositInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar) instalment!: number;
  @Field(() => Int) tenureYears!: number;
  @Field(() => String, { nullable: true }) accountId?: string | null;
}

/** Close a Recurring Deposit prematurely or at maturity. */
@InputType('CloseRecurringDepositInput')
export class CloseRecurringDepositInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => RecurringDepositClosureEnum) closure!: RecurringDepositClosureEnum;
}

/** A field agent's door-step collection: pending until the branch verifies the cash. `collectionId`: the agent's receipt number. */
@InputType('RecordCollectionInput')
export class RecordCollectionInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => String) collectionId!: string;
  @Field(() => String) agentId!: string;
  @Field(() => MoneyScalar) amount!: number;
}

/** The branch's count of a pending collection's cash. */
@InputType('SettleCollectionInput')
export class SettleCollectionInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) collectionId!: string;
  @Field(() => MoneyScalar) counted!: number;
}

/** Run the savings day-end of `branchCode` through `businessDate` (days not closed yet are caught up in order). */
@InputType('RunSavingsDayEndInput')
export class RunSavingsDayEndInput {
  @Field(() => String, { description: 'Correlates the run; day-end itself is idempotent per branch and business date.' }) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) branchCode!: string;
}

/** One member register row's savings columns, carried over as opening balances at `businessDate` (the import's). */
@InputType('ImportOpeningBalanceInput')
export class ImportOpeningBalanceInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => Int, { nullable: true, description: 'Line of the source file, echoed in the outcome.' }) line?: number | null;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar) savingsDeposit!: number;
  @Field(() => MoneyScalar) thriftFund!: number;
}
