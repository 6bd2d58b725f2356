import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../scalars/date.scalar';
import { MoneyScalar } from '../../scalars/money.scalar';
import { CommandResultType } from '../command-result.type';

/** The loan a command concerned, and the command result (pass `result.position` as consistentWith). */
@ObjectType('LoanCommandPayload')
export class LoanCommandPayloadType {
  @Field(() => String) loanId!: string;
  @Field(() => CommandResultType) result!: CommandResultType;
}

/** How a repayment was allocated, and the loan's balances on its date after it. */
@ObjectType('RepaymentPayload')
export class RepaymentPayloadType {
  @Field(() => String) loanId!: string;
  @Field(() => CommandResultType) result!: CommandResultType;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => MoneyScalar) principalPaid!: number;
  @Field(() => MoneyScalar) interestPaid!: number;
  @Field(() => MoneyScalar) penaltyPaid!: number;
  @Field(() => MoneyScalar) excessRefunded!: number;
  @Field(() => MoneyScalar) principalOutstanding!: number;
  @Field(() => MoneyScalar) principalDue!: number;
  @Field(() => MoneyScalar) interestDue!: number;
  @Field(() => MoneyScalar) penaltyDue!: number;
}

/** One business date a day-end run aged. */
@ObjectType('LoanDayEndDay')
export class LoanDayEndDayType {
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => Int) loansAged!: number;
  @Field(() => Int, { description: 'Loans whose own later transactions already carried them past the date.' }) loansSkipped!: number;
  @Field(() => Int) eventsAppended!: number;
  @Field(() => Boolean) replayed!: boolean;
}

/** The outcome of a day-end run (dates caught up in order); `position` is for consistentWith. */
@ObjectType('LoanDayEndPayload')
export class LoanDayEndPayloadType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => Boolean) alreadyCompleted!: boolean;
  @Field(() => [LoanDayEndDayType]) days!: LoanDayEndDayType[];
  @Field(() => String, { nullable: true }) position!: string | null;
}
