import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { PageInfoType } from '../types/member.type';

/** One printed passbook line: balance = previous balance + credit − debit. */
@ObjectType('PassbookEntry')
export class PassbookEntryType {
  @Field(() => Int) entryNo!: number;
  @Field(() => DateScalar) date!: string;
  @Field(() => String, { description: 'DEPOSIT, WITHDRAWAL, COLLECTION, INTEREST, INSTALMENT, FINE_CHARGED, …' }) category!: string;
  @Field(() => String) narration!: string;
  @Field(() => MoneyScalar) debit!: number;
  @Field(() => MoneyScalar) credit!: number;
  @Field(() => MoneyScalar) balance!: number;
}

/** A page of an account's passbook, in print order (cursor pagination). */
@ObjectType('Passbook')
export class PassbookType {
  @Field(() => String) accountId!: string;
  @Field(() => [PassbookEntryType]) entries!: PassbookEntryType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
