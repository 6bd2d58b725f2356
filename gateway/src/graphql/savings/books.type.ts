import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { CollectionStatusEnum, DepositProductEnum } from './savings-enums';

/** Cash of one category on the branch's day. */
@ObjectType('SavingsCashBookLine')
export class SavingsCashBookLineType {
  @Field(() => String) category!: string;
  @Field(() => MoneyScalar) receipts!: number;
  @Field(() => MoneyScalar) payments!: number;
  @Field(() => Int) entries!: number;
}

/** The branch's savings cash book of one business day. */
@ObjectType('SavingsCashBook')
export class SavingsCashBookType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => [SavingsCashBookLineType]) lines!: SavingsCashBookLineType[];
  @Field(() => MoneyScalar) receipts!: number;
  @Field(() => MoneyScalar) payments!: number;
}

/** Interest credited to one account in one financial year (April–March, written 2025-26). */
@ObjectType('AccountInterestPaid')
export class AccountInterestPaidType {
  @Field(() => String) financialYear!: string;
  @Field(() => String) accountId!: string;
  @Field(() => DepositProductEnum) product!: DepositProductEnum;
  @Field(() => MoneyScalar) interest!: number;
}

/** Interest credited by a branch on one product in one financial year. */
@ObjectType('BranchInterestPaid')
export class BranchInterestPaidType {
  @Field(() => String) financialYear!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => DepositProductEnum) product!: DepositProductEnum;
  @Field(() => Int) accounts!: number;
  @Field(() => MoneyScalar) interest!: number;
}

/** One door-step collection on an agent's sheet. */
@ObjectType('DoorStepCollection')
export class DoorStepCollectionType {
  @Field(() => String) collectionId!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => CollectionStatusEnum) status!: CollectionStatusEnum;
  @Field(() => DateScalar, { nullable: true }) settledOn!: string | null;
  @Field(() => MoneyScalar, { nullable: true }) counted!: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Counted − recorded, for a disputed collection (negative when cash was short).' }) difference!: number | null;
}

/** An agent's collections of one day and their totals. */
@ObjectType('AgentDailySheet')
export class AgentDailySheetType {
  @Field(() => String) branchCode!: string;
  @Field(() => String) agentId!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => [DoorStepCollectionType]) collections!: DoorStepCollectionType[];
  @Field(() => MoneyScalar) recorded!: number;
  @Field(() => MoneyScalar) verified!: number;
  @Field(() => MoneyScalar) disputed!: number;
  @Field(() => MoneyScalar) pending!: number;
  @Field(() => MoneyScalar) difference!: number;
}
