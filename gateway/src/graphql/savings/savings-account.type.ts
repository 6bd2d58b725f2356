import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TermDepositTermsType } from './term-deposit.types';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { DepositProductEnum, SavingsAccountStatusEnum } from './savings-enums';

/** A Recurring Deposit's contract (fixed at opening) and progress. */
@ObjectType('RecurringDepositTerms')
export class RecurringDepositTermsType {
  @Field(() => MoneyScalar) instalment!: number;
  @Field(() => Int) tenureYears!: number;
  @Field(() => Int) instalmentCount!: number;
  @Field(() => Int) instalmentsPaid!: number;
  @Field(() => DateScalar) maturityDate!: string;
  @Field(() => MoneyScalar, { description: 'From the published maturity table.' }) maturityValue!: number;
  @Field(() => MoneyScalar, { description: 'Missed-instalment fines charged and not yet paid (never part of the deposit).' }) finesOutstanding!: number;
}

/** A deposit account as the account read model shows it. */
@ObjectType('SavingsAccount')
export class SavingsAccountType {
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => DepositProductEnum) product!: DepositProductEnum;
  @Field(() => SavingsAccountStatusEnum) status!: SavingsAccountStatusEnum;
  @Field(() => DateScalar) openedOn!: string;
  @Field(() => DateScalar, { nullable: true }) closedOn!: string | null;
  @Field(() => MoneyScalar) balance!: number;
  @Field(() => MoneyScalar, { description: 'Interest accrued and not yet credited.' }) unpostedInterest!: number;
  @Field(() => MoneyScalar, { description: 'Door-step collections recorded and not yet verified or disputed.' }) pendingCollections!: number;
  @Field(() => DateScalar) lastCustomerActivityOn!: string;
  @Field(() => RecurringDepositTermsType, { nullable: true }) recurringDeposit!: RecurringDepositTermsType | null;
  @Field(() => TermDepositTermsType, { nullable: true, description: 'Fixed Deposit and Monthly Income Scheme only.' }) termDeposit?: TermDepositTermsType | null;
}

/** A member's deposit accounts and totals by product. */
@ObjectType('MemberSavings')
export class MemberSavingsType {
  @Field(() => String) memberNo!: string;
  @Field(() => [SavingsAccountType]) accounts!: SavingsAccountType[];
  @Field(() => MoneyScalar) savingsDeposit!: number;
  @Field(() => MoneyScalar) thriftFund!: number;
  @Field(() => MoneyScalar) recurringDeposit!: number;
  @Field(() => MoneyScalar, { nullable: true }) fixedDeposit?: number;
  @Field(() => MoneyScalar, { nullable: true }) monthlyIncome?: number;
  @Field(() => MoneyScalar) total!: number;
  @Field(() => MoneyScalar) finesOutstanding!: number;
}

/** A branch's open accounts of one product and their balances (no personal data). */
@ObjectType('BranchSavingsTotal')
export class BranchSavingsTotalType {
  @Field(() => String) branchCode!: string;
  @Field(() => DepositProductEnum) product!: DepositProductEnum;
  @Field(() => Int) openAccounts!: number;
  @Field(() => MoneyScalar) balance!: number;
}

/** The savings day-end checkpoint of a branch. */
@ObjectType('SavingsDayEndStatus')
export class SavingsDayEndStatusType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The last business date closed; null before the first day-end.' }) closedThrough!: string | null;
}
