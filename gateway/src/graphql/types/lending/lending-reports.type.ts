import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../scalars/date.scalar';
import { MoneyScalar } from '../../scalars/money.scalar';
import { AssetClassEnum, LoanPurposeEnum, LoanStatusEnum } from './lending-enums';

/** One loan in a member's summary. */
@ObjectType('MemberLoan')
export class MemberLoanType {
  @Field(() => String) loanId!: string;
  @Field(() => String) productCode!: string;
  @Field(() => LoanPurposeEnum) purpose!: LoanPurposeEnum;
  @Field(() => LoanStatusEnum) status!: LoanStatusEnum;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => DateScalar, { nullable: true }) disbursedOn!: string | null;
  @Field(() => MoneyScalar) principalOutstanding!: number;
  @Field(() => Int) daysPastDue!: number;
  @Field(() => AssetClassEnum) assetClass!: AssetClassEnum;
  @Field(() => DateScalar, { nullable: true }) npaSince!: string | null;
}

/** A member's loans on `asOf`, with the borrower-wise class. */
@ObjectType('MemberLoanSummary')
export class MemberLoanSummaryType {
  @Field(() => String) memberNo!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) openLoans!: number;
  @Field(() => MoneyScalar) principalOutstanding!: number;
  @Field(() => MoneyScalar, { description: 'Principal and interest overdue on asOf.' }) overdue!: number;
  @Field(() => AssetClassEnum, { description: 'The worst class among her open loans.' }) assetClass!: AssetClassEnum;
  @Field(() => DateScalar, { nullable: true }) npaSince!: string | null;
  @Field(() => [MemberLoanType]) loans!: MemberLoanType[];
}

/** Portfolio at risk over a threshold, balance-weighted. */
@ObjectType('PortfolioAtRisk')
export class PortfolioAtRiskType {
  @Field(() => Int) thresholdDays!: number;
  @Field(() => MoneyScalar, { description: 'Whole outstanding principal of the loans more than thresholdDays past due.' }) atRisk!: number;
  @Field(() => MoneyScalar) gross!: number;
  @Field(() => String, { description: 'atRisk / gross in %, 2 decimals half up ("41.18").' }) percent!: string;
}

/** Outstanding principal and loans of one asset class. */
@ObjectType('AssetClassLine')
export class AssetClassLineType {
  @Field(() => AssetClassEnum) assetClass!: AssetClassEnum;
  @Field(() => Int) loans!: number;
  @Field(() => MoneyScalar) principalOutstanding!: number;
}

/** A branch's loan portfolio on `asOf`: gross portfolio, PAR30/PAR90 balance-weighted, classes. */
@ObjectType('BranchPortfolio')
export class BranchPortfolioType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) activeLoans!: number;
  @Field(() => MoneyScalar) grossPortfolio!: number;
  @Field(() => Int) overdueLoans!: number;
  @Field(() => PortfolioAtRiskType) par30!: PortfolioAtRiskType;
  @Field(() => PortfolioAtRiskType) par90!: PortfolioAtRiskType;
  @Field(() => Int) npaLoans!: number;
  @Field(() => MoneyScalar) npaOutstanding!: number;
  @Field(() => [AssetClassLineType]) byAssetClass!: AssetClassLineType[];
}

/** One loan to collect from on the sheet's day. */
@ObjectType('CollectionSheetEntry')
export class CollectionSheetEntryType {
  @Field(() => String) loanId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar) dueToday!: number;
  @Field(() => MoneyScalar) overdue!: number;
  @Field(() => MoneyScalar) penaltyDue!: number;
  @Field(() => MoneyScalar) total!: number;
  @Field(() => DateScalar, { nullable: true }) oldestOverdueDueDate!: string | null;
  @Field(() => Int) daysPastDue!: number;
}

/** The collection sheet of a branch for one business date. */
@ObjectType('CollectionSheet')
export class CollectionSheetType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => [CollectionSheetEntryType]) entries!: CollectionSheetEntryType[];
  @Field(() => MoneyScalar) dueToday!: number;
  @Field(() => MoneyScalar) overdue!: number;
  @Field(() => MoneyScalar) penaltyDue!: number;
  @Field(() => MoneyScalar) total!: number;
}

/** What closes the loan on `businessDate` (a repayment of `total` that day leaves nothing outstanding). */
@ObjectType('ForeclosureQuote')
export class ForeclosureQuoteType {
  @Field(() => String) loanId!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => MoneyScalar) principal!: number;
  @Field(() => MoneyScalar, { description: 'Interest due plus the running period accrued to the date.' }) interest!: number;
  @Field(() => MoneyScalar) accruedInterest!: number;
  @Field(() => MoneyScalar) penalty!: number;
  @Field(() => MoneyScalar) total!: number;
}

/** A branch's lending day-end progress. */
@ObjectType('LoanDayEndStatus')
export class LoanDayEndStatusType {
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar, { nullable: true }) firstCompleted!: string | null;
  @Field(() => DateScalar, { nullable: true }) lastCompleted!: string | null;
}
