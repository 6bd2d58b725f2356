import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '../../scalars/date.scalar';
import { MoneyScalar } from '../../scalars/money.scalar';
import { AllocationStrategyEnum, DisbursementChannelEnum, LoanPurposeEnum, OverpaymentRuleEnum } from './lending-enums';

/** A member applies for a loan; eligibility comes from lending's own records, never from the input. */
@InputType('ApplyForLoanInput')
export class ApplyForLoanInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => String, { description: 'Loan product code, e.g. EDU.' }) productCode!: string;
  @Field(() => LoanPurposeEnum) purpose!: LoanPurposeEnum;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => Int) numberOfInstalments!: number;
  @Field(() => String, { nullable: true, description: "Rate on the product's basis (e.g. \"9.5\"); default the product's rate." }) ratePercent?: string | null;
  @Field(() => [String], { nullable: true, description: "Member numbers of guarantors: active members of the borrower's branch, not the borrower, each once (a refusal names guarantors[i])." }) guarantors?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Keep a number from a paper loan register (SNG-L-000123); otherwise derived from the idempotency key.' })
  loanId?: string | null;
}

/** The maker's appraisal; fields left out keep the application's values. */
@InputType('AppraiseLoanInput')
export class AppraiseLoanInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
  @Field(() => MoneyScalar, { nullable: true }) amount?: number | null;
  @Field(() => Int, { nullable: true }) numberOfInstalments?: number | null;
  @Field(() => String, { nullable: true }) ratePercent?: string | null;
  @Field(() => [String], { nullable: true }) guarantors?: string[] | null;
}

/** A loan command that names only the loan (approve, write-off request and approval, loss marking, closure). */
@InputType('LoanCommandInput')
export class LoanCommandInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
}

/** Pay an approved loan out. */
@InputType('DisburseLoanInput')
export class DisburseLoanInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
  @Field(() => DisbursementChannelEnum, { defaultValue: DisbursementChannelEnum.CASH }) channel!: DisbursementChannelEnum;
  @Field(() => String, { nullable: true, description: 'The account for SAVINGS_ACCOUNT, e.g. SNG-000123-SD-01.' }) savingsAccountId?: string | null;
}

/** A repayment of `amount` (> 0). */
@InputType('RecordRepaymentInput')
export class RecordRepaymentInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => AllocationStrategyEnum, { nullable: true }) strategy?: AllocationStrategyEnum | null;
  @Field(() => OverpaymentRuleEnum, { nullable: true }) overpayment?: OverpaymentRuleEnum | null;
}

/** A new schedule of the unpaid principal from the business date. */
@InputType('RescheduleLoanInput')
export class RescheduleLoanInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
  @Field(() => Int) numberOfInstalments!: number;
  @Field(() => String, { nullable: true }) ratePercent?: string | null;
}

/** Close of business for a branch's loans through `businessDate` (missed dates are caught up first). */
@InputType('RunLoanDayEndInput')
export class RunLoanDayEndInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) branchCode!: string;
}
