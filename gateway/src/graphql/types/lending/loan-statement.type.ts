import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../scalars/date.scalar';
import { MoneyScalar } from '../../scalars/money.scalar';
import { AssetClassEnum, InstalmentStatusEnum, LoanPurposeEnum, LoanStatusEnum, RateBasisEnum, ScheduleRevisionReasonEnum, SmaClassEnum } from './lending-enums';

/** One instalment of the current schedule beside what was paid on it. */
@ObjectType('LoanInstalment')
export class LoanInstalmentType {
  @Field(() => Int) number!: number;
  @Field(() => DateScalar) dueDate!: string;
  @Field(() => MoneyScalar) principal!: number;
  @Field(() => MoneyScalar) interest!: number;
  @Field(() => MoneyScalar, { description: 'Principal + interest.' }) total!: number;
  @Field(() => MoneyScalar) paidPrincipal!: number;
  @Field(() => MoneyScalar) paidInterest!: number;
  @Field(() => MoneyScalar, { description: 'Late penalty charged on the instalment (a separate charge, never interest-bearing).' }) penalty!: number;
  @Field(() => MoneyScalar) paidPenalty!: number;
  @Field(() => MoneyScalar, { description: 'Scheduled principal outstanding once this instalment is paid.' }) balanceAfter!: number;
  @Field(() => InstalmentStatusEnum) status!: InstalmentStatusEnum;
}

/** An instalment of a superseded (or replacing) part of a schedule. */
@ObjectType('ScheduledInstalment')
export class ScheduledInstalmentType {
  @Field(() => Int) number!: number;
  @Field(() => DateScalar) dueDate!: string;
  @Field(() => MoneyScalar) principal!: number;
  @Field(() => MoneyScalar) interest!: number;
  @Field(() => MoneyScalar) balanceAfter!: number;
}

/** A part of the schedule replaced on `revisedOn`, kept whole for the history. */
@ObjectType('LoanScheduleRevision')
export class LoanScheduleRevisionType {
  @Field(() => Int) revision!: number;
  @Field(() => DateScalar) revisedOn!: string;
  @Field(() => ScheduleRevisionReasonEnum) reason!: ScheduleRevisionReasonEnum;
  @Field(() => Int) fromInstalmentNumber!: number;
  @Field(() => [ScheduledInstalmentType]) supersededInstalments!: ScheduledInstalmentType[];
  @Field(() => [ScheduledInstalmentType]) replacementInstalments!: ScheduledInstalmentType[];
}

/** One event of the loan as a statement line (the "actual" side). */
@ObjectType('LoanTransaction')
export class LoanTransactionType {
  @Field(() => Int, { description: "The event's revision in the loan stream." }) revision!: number;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String, { description: 'APPLIED, APPRAISED, APPROVED, REJECTED, WITHDRAWN, DISBURSEMENT_REQUESTED, DISBURSEMENT_FAILED, DISBURSED, SCHEDULE_REVISED, REPAYMENT, RESCHEDULED, PENALTY_CHARGED, ARREARS_CLASSIFIED, MARKED_AS_LOSS, WRITE_OFF_REQUESTED, WRITTEN_OFF, CLOSED.' })
  kind!: string;
  @Field(() => MoneyScalar, { nullable: true }) amount!: number | null;
  @Field(() => MoneyScalar, { nullable: true }) principal!: number | null;
  @Field(() => MoneyScalar, { nullable: true }) interest!: number | null;
  @Field(() => MoneyScalar, { nullable: true }) penalty!: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Owed back to the member (REFUND_EXCESS).' }) excess!: number | null;
  @Field(() => MoneyScalar, { nullable: true }) principalOutstanding!: number | null;
  @Field(() => String, { nullable: true, description: 'Staff user id.' }) actor!: string | null;
  @Field(() => String, { description: 'Class, reason or terms of the event as JSON text.' }) detail!: string;
}

/** What the loan moved in all. */
@ObjectType('LoanTotals')
export class LoanTotalsType {
  @Field(() => MoneyScalar) disbursed!: number;
  @Field(() => MoneyScalar) repaid!: number;
  @Field(() => MoneyScalar) principalPaid!: number;
  @Field(() => MoneyScalar) interestPaid!: number;
  @Field(() => MoneyScalar) penaltyPaid!: number;
  @Field(() => MoneyScalar) penaltyCharged!: number;
  @Field(() => MoneyScalar) excessRefunded!: number;
  @Field(() => MoneyScalar) writtenOff!: number;
  @Field(() => MoneyScalar, { description: 'Interest of the current schedule.' }) scheduledInterest!: number;
}

/** Arrears on the statement's date, and the class the last day-end recorded (borrower-wise). */
@ObjectType('LoanArrears')
export class LoanArrearsType {
  @Field(() => Int) daysPastDue!: number;
  @Field(() => DateScalar, { nullable: true }) oldestOverdueDueDate!: string | null;
  @Field(() => MoneyScalar) overduePrincipal!: number;
  @Field(() => MoneyScalar) overdueInterest!: number;
  @Field(() => MoneyScalar) penaltyDue!: number;
  @Field(() => SmaClassEnum, { nullable: true }) smaClass!: SmaClassEnum | null;
  @Field(() => AssetClassEnum) assetClass!: AssetClassEnum;
  @Field(() => DateScalar, { nullable: true }) npaSince!: string | null;
  @Field(() => DateScalar, { nullable: true }) ownNpaSince!: string | null;
  @Field(() => Boolean) lossMarked!: boolean;
}

/** The loan account statement: schedule vs actual, arrears on `asOf`, totals and history. */
@ObjectType('LoanStatement')
export class LoanStatementType {
  @Field(() => String) loanId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => String) productCode!: string;
  @Field(() => LoanPurposeEnum) purpose!: LoanPurposeEnum;
  @Field(() => LoanStatusEnum) status!: LoanStatusEnum;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => Int) numberOfInstalments!: number;
  @Field(() => String) ratePercent!: string;
  @Field(() => RateBasisEnum) rateBasis!: RateBasisEnum;
  @Field(() => String) annualRatePercent!: string;
  @Field(() => DateScalar) appliedOn!: string;
  @Field(() => DateScalar, { nullable: true }) approvedOn!: string | null;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => DateScalar, { nullable: true }) disbursedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Closure or write-off date.' }) endedOn!: string | null;
  @Field(() => String, { nullable: true }) writeOffRequestedBy!: string | null;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => MoneyScalar) principalOutstanding!: number;
  @Field(() => LoanTotalsType) totals!: LoanTotalsType;
  @Field(() => LoanArrearsType) arrears!: LoanArrearsType;
  @Field(() => [LoanInstalmentType]) instalments!: LoanInstalmentType[];
  @Field(() => [LoanTransactionType]) transactions!: LoanTransactionType[];
  @Field(() => [LoanScheduleRevisionType]) scheduleRevisions!: LoanScheduleRevisionType[];
}
