import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { CommandResultType } from '../types/command-result.type';
import { OwnAccountTransferStatusEnum } from './savings-enums';

/** The answer to a command on one deposit account. */
@ObjectType('SavingsAccountPayload')
export class SavingsAccountPayloadType {
  @Field(() => String) accountId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'The balance the command left; null when it moved no money.' }) balance!: number | null;
  @Field(() => CommandResultType) result!: CommandResultType;
}

/** Why the credit side of a transfer was rejected (the debit was reversed). */
@ObjectType('TransferFailure')
export class TransferFailureType {
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String) message!: string;
}

/** The answer to an own-account transfer: each step's command result. `position` is the last step's. */
@ObjectType('OwnAccountTransferPayload')
export class OwnAccountTransferPayloadType {
  @Field(() => String) transferId!: string;
  @Field(() => OwnAccountTransferStatusEnum) status!: OwnAccountTransferStatusEnum;
  @Field(() => Boolean) replayed!: boolean;
  @Field(() => CommandResultType) debit!: CommandResultType;
  @Field(() => CommandResultType, { nullable: true }) credit!: CommandResultType | null;
  @Field(() => CommandResultType, { nullable: true }) reversal!: CommandResultType | null;
  @Field(() => TransferFailureType, { nullable: true, description: 'Why it was reversed (null on a re-run that found it reversed already).' }) failure!: TransferFailureType | null;
  @Field(() => String, { nullable: true }) position!: string | null;
}

/** What a day-end run did. */
@ObjectType('SavingsDayEndPayload')
export class SavingsDayEndPayloadType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => [DateScalar], { description: 'Days this run closed, oldest first; empty when the date was closed already.' }) datesClosed!: string[];
  @Field(() => DateScalar, { nullable: true }) closedThrough!: string | null;
  @Field(() => Int) accountsClosed!: number;
  @Field(() => Int) eventsAppended!: number;
  @Field(() => String, { nullable: true, description: 'Read-model position to wait for; pass as consistentWith.' }) position!: string | null;
}

/** The outcome of one register row's opening balances. */
@ObjectType('ImportOpeningBalanceOutcome')
export class ImportOpeningBalanceOutcomeType {
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field(() => String) memberNo!: string;
  @Field(() => Boolean) accepted!: boolean;
  @Field(() => Boolean) replayed!: boolean;
  @Field(() => [String], { description: 'Accounts carried over (none for an exited member).' }) accountIds!: string[];
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true }) position!: string | null;
}
