import { registerEnumType } from '@nestjs/graphql';

/** What a member borrows for (mirrors the lending domain's LoanPurpose). */
export enum LoanPurposeEnum {
  EDUCATION = 'EDUCATION',
  MEDICAL = 'MEDICAL',
  HOUSING = 'HOUSING',
  LAND = 'LAND',
  MARRIAGE = 'MARRIAGE',
  BUSINESS = 'BUSINESS',
  OTHER = 'OTHER',
}

/** Where a loan is in its life (mirrors LoanStatus). */
export enum LoanStatusEnum {
  APPLIED = 'APPLIED',
  APPRAISED = 'APPRAISED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  WRITTEN_OFF = 'WRITTEN_OFF',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** RBI IRAC asset class. */
export enum AssetClassEnum {
  STANDARD = 'STANDARD',
  SUB_STANDARD = 'SUB_STANDARD',
  DOUBTFUL = 'DOUBTFUL',
  LOSS = 'LOSS',
}

/** Special Mention Account class of an overdue standard loan. */
export enum SmaClassEnum {
  SMA_0 = 'SMA_0',
  SMA_1 = 'SMA_1',
  SMA_2 = 'SMA_2',
}

/** Order in which a repayment pays what is due. */
export enum AllocationStrategyEnum {
  RBI = 'RBI',
  STANDARD = 'STANDARD',
}

/** What happens to a payment above the foreclosure amount. */
export enum OverpaymentRuleEnum {
  REJECT = 'REJECT',
  REFUND_EXCESS = 'REFUND_EXCESS',
}

/** How a loan is paid out. */
export enum DisbursementChannelEnum {
  CASH = 'CASH',
  SAVINGS_ACCOUNT = 'SAVINGS_ACCOUNT',
}

/** Basis of a published rate. */
export enum RateBasisEnum {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
}

/** Where an instalment stands on the statement's date. */
export enum InstalmentStatusEnum {
  PAID = 'PAID',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
  UPCOMING = 'UPCOMING',
  WRITTEN_OFF = 'WRITTEN_OFF',
}

/** Why part of a schedule was replaced. */
export enum ScheduleRevisionReasonEnum {
  PREPAYMENT = 'PREPAYMENT',
  FORECLOSURE = 'FORECLOSURE',
  RESCHEDULE = 'RESCHEDULE',
}

registerEnumType(LoanPurposeEnum, { name: 'LoanPurpose', description: 'What a member borrows for.' });
registerEnumType(LoanStatusEnum, { name: 'LoanStatus', description: 'APPLIED → APPRAISED → APPROVED → ACTIVE (disbursed) → CLOSED or WRITTEN_OFF; an application not disbursed may end REJECTED (checker) or WITHDRAWN (member).' });
registerEnumType(AssetClassEnum, { name: 'AssetClass', description: 'RBI IRAC asset class: NPA loans are SUB_STANDARD for 12 months, DOUBTFUL beyond, LOSS when marked.' });
registerEnumType(SmaClassEnum, { name: 'SmaClass', description: 'Special Mention Account: SMA_0 1–30, SMA_1 31–60, SMA_2 61–90 days past due.' });
registerEnumType(AllocationStrategyEnum, { name: 'AllocationStrategy', description: 'RBI: overdue interest before principal (default); STANDARD: instalment by instalment.' });
registerEnumType(OverpaymentRuleEnum, { name: 'OverpaymentRule', description: 'REJECT (default) a payment above the foreclosure amount, or REFUND_EXCESS.' });
registerEnumType(DisbursementChannelEnum, { name: 'DisbursementChannel', description: "CASH, or SAVINGS_ACCOUNT: requested, then credited to the borrower's savings account and confirmed by the disbursement process." });
registerEnumType(RateBasisEnum, { name: 'RateBasis', description: 'YEAR: % per annum; MONTH: % per month.' });
registerEnumType(InstalmentStatusEnum, { name: 'InstalmentStatus', description: 'PAID, DUE on the date, OVERDUE, UPCOMING, or WRITTEN_OFF unpaid.' });
registerEnumType(ScheduleRevisionReasonEnum, { name: 'ScheduleRevisionReason', description: 'A part-prepayment, a foreclosure or a reschedule replaced the rest of the schedule.' });
