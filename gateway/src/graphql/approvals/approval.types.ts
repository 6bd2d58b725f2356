import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { StaffRoleEnum } from '../staff/staff-role.enum';

/** Where a maker–checker item stands. */
export enum ApprovalStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
  EXECUTED = 'EXECUTED',
  FAILED = 'FAILED',
}
registerEnumType(ApprovalStatusEnum, { name: 'ApprovalStatus' });

/** One entry of what an item does: ids, codes and amounts in paise, never personal data. */
@ObjectType('ApprovalSubjectEntry')
export class ApprovalSubjectEntryType {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

/** A maker–checker item (DESIGN §7): who made it, who may check it, what it does and where it stands. */
@ObjectType('PendingItem')
export class PendingItemType {
  @Field(() => String) approvalId!: string;
  @Field(() => String, { description: 'LARGE_WITHDRAWAL, STAFF_ROLE_CHANGE, …' }) kind!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => String) makerUserId!: string;
  @Field(() => StaffRoleEnum) makerRole!: StaffRoleEnum;
  @Field(() => [StaffRoleEnum]) checkerRoles!: StaffRoleEnum[];
  @Field(() => [ApprovalSubjectEntryType]) subject!: ApprovalSubjectEntryType[];
  @Field(() => DateScalar) requestedOn!: string;
  @Field(() => ApprovalStatusEnum) status!: ApprovalStatusEnum;
  @Field(() => String, { nullable: true }) checkerUserId!: string | null;
  @Field(() => String, { nullable: true, description: 'Refusal reason, or the code of the approved action that failed.' }) outcomeCode!: string | null;
}

/** The answer to a maker–checker step. `position`: pass as consistentWith. */
@ObjectType('ApprovalPayload')
export class ApprovalPayloadType {
  @Field(() => String) approvalId!: string;
  @Field(() => ApprovalStatusEnum) status!: ApprovalStatusEnum;
  @Field(() => String, { nullable: true }) outcomeCode!: string | null;
  @Field(() => Boolean) replayed!: boolean;
  @Field(() => String, { nullable: true }) position!: string | null;
}

/** Approve or withdraw a pending item. */
@InputType()
export class PendingItemInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) approvalId!: string;
}

/** Refuse a pending item with a reason code (capital letters, digits, underscores). */
@InputType()
export class RefusePendingItemInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) approvalId!: string;
  @Field(() => String) reasonCode!: string;
}

/** A withdrawal above the configured limit, put before a checker. */
@InputType()
export class RequestLargeWithdrawalInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => MoneyScalar, { description: 'Rupees.' }) amount!: number;
}
