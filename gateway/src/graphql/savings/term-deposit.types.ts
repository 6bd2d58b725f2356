import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { CommandResultType } from '../types/command-result.type';

/** How a Fixed Deposit or Monthly Income Scheme deposit is closed. */
export enum TermDepositClosureEnum {
  PREMATURE = 'PREMATURE',
  MATURITY = 'MATURITY',
}

/** Where a term deposit's proceeds go. */
export enum ProceedsDestinationEnum {
  CASH = 'CASH',
  SAVINGS_ACCOUNT = 'SAVINGS_ACCOUNT',
}

registerEnumType(TermDepositClosureEnum, { name: 'TermDepositClosure', description: 'PREMATURE: before maturity, at the held period\'s rate minus the penalty; MATURITY: on or after the maturity date.' });
registerEnumType(ProceedsDestinationEnum, { name: 'ProceedsDestination', description: "CASH at the counter, or into the member's own Savings Deposit / Thrift Fund account." });

/** A Fixed Deposit's or MIS deposit's contract and progress, on SavingsAccount. */
@ObjectType('TermDepositTerms')
export class TermDepositTermsType {
  @Field(() => Int) tenureMonths!: number;
  @Field(() => String, { description: '% p.a. of the tenure band in force at opening (placeholder terms until the co-operative confirms them).' }) annualRatePercent!: string;
  @Field(() => DateScalar) maturityDate!: string;
  @Field(() => MoneyScalar, { description: 'FD: principal + interest compounded quarterly; MIS: the principal returned.' }) maturityValue!: number;
  @Field(() => MoneyScalar, { nullable: true, description: 'MIS only: the income paid every month.' }) monthlyIncome!: number | null;
  @Field(() => Int, { nullable: true, description: 'MIS only: income months paid.' }) incomeMonthsPaid!: number | null;
  @Field(() => String, { nullable: true, description: 'MIS only: the savings account the income goes to.' }) payoutAccountId!: string | null;
}

/** Open a Fixed Deposit (principal paid in cash). */
@InputType('OpenFixedDepositInput')
export class OpenFixedDepositInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar) principal!: number;
  @Field(() => Int) tenureMonths!: number;
  @Field(() => String, { nullable: true, description: 'e.g. SNG-000123-FD-02 to keep a printed receipt number; otherwise the next free serial.' }) accountId?: string | null;
}

/** Open a Monthly Income Scheme deposit (principal paid in cash; income to `payoutAccountId` every month). */
@InputType('OpenMonthlyIncomeDepositInput')
export class OpenMonthlyIncomeDepositInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar) principal!: number;
  @Field(() => Int) tenureMonths!: number;
  @Field(() => String, { description: "The member's own Savings Deposit or Thrift Fund account, e.g. SNG-000123-SD-01." }) payoutAccountId!: string;
  @Field(() => String, { nullable: true }) accountId?: string | null;
}

/** Close a Fixed Deposit or MIS deposit. */
@InputType('CloseTermDepositInput')
export class CloseTermDepositInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => TermDepositClosureEnum) closure!: TermDepositClosureEnum;
  @Field(() => ProceedsDestinationEnum, { defaultValue: ProceedsDestinationEnum.CASH }) payout!: ProceedsDestinationEnum;
  @Field(() => String, { nullable: true, description: 'For SAVINGS_ACCOUNT: the member\'s SD/TF account.' }) payoutAccountId?: string | null;
}

/** Pay the MIS income due in a branch through a date (also run by runSavingsDayEnd before the accounts close the day). */
@InputType('PayMonthlyIncomeDueInput')
export class PayMonthlyIncomeDueInput {
  @Field(() => String, { description: 'Correlates the run; each income month has its own deterministic key.' }) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) branchCode!: string;
}

/** The answer to a term-deposit command: the deposit's result and, for proceeds paid into a savings account, that credit's result. */
@ObjectType('TermDepositPayload')
export class TermDepositPayloadType {
  @Field(() => String) accountId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'The deposit balance the command left (0 once closed).' }) balance!: number | null;
  @Field(() => CommandResultType) result!: CommandResultType;
  @Field(() => String, { nullable: true }) proceedsAccountId!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The savings account balance after the proceeds were credited.' }) proceedsAccountBalance!: number | null;
  @Field(() => CommandResultType, { nullable: true }) proceedsCredit!: CommandResultType | null;
}

/** One income month that could not be paid or credited (left for staff). */
@ObjectType('MonthlyIncomeFailure')
export class MonthlyIncomeFailureType {
  @Field(() => String) accountId!: string;
  @Field(() => Int) month!: number;
  @Field(() => String) code!: string;
}

/** What a run of the MIS payouts did. */
@ObjectType('MonthlyIncomePayoutsPayload')
export class MonthlyIncomePayoutsPayloadType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => Int, { description: 'Income months paid and credited (replays included).' }) monthsPaid!: number;
  @Field(() => Int) eventsAppended!: number;
  @Field(() => [MonthlyIncomeFailureType]) failures!: MonthlyIncomeFailureType[];
  @Field(() => String, { nullable: true, description: 'Read-model position to wait for; pass as consistentWith.' }) position!: string | null;
}
