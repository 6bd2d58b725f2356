import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../scalars/date.scalar';
import { MoneyScalar } from '../../scalars/money.scalar';
import { LoanPurposeEnum, RateBasisEnum } from './lending-enums';

/** From `fromAmount` upward a loan needs `guarantors` fellow members as guarantors. */
@ObjectType('LoanGuarantorRule')
export class LoanGuarantorRuleType {
  @Field(() => MoneyScalar) fromAmount!: number;
  @Field(() => Int) guarantors!: number;
}

/** Late-instalment penalty: a separate charge, never compounded. */
@ObjectType('LoanLatePenalty')
export class LoanLatePenaltyType {
  @Field(() => Int) graceDays!: number;
  @Field(() => MoneyScalar) flat!: number;
  @Field(() => String, { description: '% of the overdue instalment.' }) percentOfOverdue!: string;
}

/** A loan product as offered on a date, with the terms in force that day (effective-dated configuration). */
@ObjectType('LoanProduct')
export class LoanProductType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => [LoanPurposeEnum]) purposes!: LoanPurposeEnum[];
  @Field(() => DateScalar, { description: 'The date these terms took effect.' }) effectiveFrom!: string;
  @Field(() => String, { description: 'EMI_DECLINING, EQUAL_PRINCIPAL_DECLINING or FLAT.' }) amortization!: string;
  @Field(() => String, { description: 'MONTHLY, FORTNIGHTLY or WEEKLY.' }) frequency!: string;
  @Field(() => String, { description: 'ACTUAL_365 or THIRTY_360.' }) dayCount!: string;
  @Field(() => String, { description: 'The standard rate on `rateBasis`.' }) ratePercent!: string;
  @Field(() => String) minRatePercent!: string;
  @Field(() => String) maxRatePercent!: string;
  @Field(() => RateBasisEnum) rateBasis!: RateBasisEnum;
  @Field(() => MoneyScalar) minAmount!: number;
  @Field(() => MoneyScalar) maxAmount!: number;
  @Field(() => Int) minInstalments!: number;
  @Field(() => Int) maxInstalments!: number;
  @Field(() => Int, { description: 'Interest-only instalments at the start.' }) principalGraceInstalments!: number;
  @Field(() => Int, { description: 'Interest-free instalments at the start.' }) interestGraceInstalments!: number;
  @Field(() => String, { description: 'Rounding mode of the schedule (decimal.js name).' }) roundingMode!: string;
  @Field(() => String, { description: 'PAISA or RUPEE.' }) roundingUnit!: string;
  @Field(() => Int) minMembershipMonths!: number;
  @Field(() => String, { description: 'A loan may be at most this multiple of the savings balance.' }) maxSavingsMultiple!: string;
  @Field(() => Int) maxOpenLoans!: number;
  @Field(() => [LoanGuarantorRuleType]) guarantorRules!: LoanGuarantorRuleType[];
  @Field(() => LoanLatePenaltyType, { nullable: true }) latePenalty!: LoanLatePenaltyType | null;
}

/** A checker rejects an application. */
@InputType('RejectLoanInput')
export class RejectLoanInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
  @Field(() => String, { description: 'A reason code such as INSUFFICIENT_REPAYMENT_CAPACITY (capital letters, digits, underscores; never free text).' }) reason!: string;
}

/** The member withdraws her application. */
@InputType('WithdrawLoanApplicationInput')
export class WithdrawLoanApplicationInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) loanId!: string;
  @Field(() => String, { nullable: true, description: 'Optional reason code such as FUNDS_NOT_NEEDED.' }) reason?: string | null;
}
