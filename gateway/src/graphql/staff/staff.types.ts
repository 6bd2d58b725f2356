import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { StaffRoleEnum } from './staff-role.enum';

/** A staff user of the registry (staff ids are work identifiers, not members' personal data). */
@ObjectType('StaffMember')
export class StaffMemberType {
  @Field(() => String) userId!: string;
  @Field(() => StaffRoleEnum) role!: StaffRoleEnum;
  @Field(() => String) branchCode!: string;
  @Field(() => Boolean) active!: boolean;
}

/** Register a staff user with a role at a branch. */
@InputType()
export class RegisterStaffInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) userId!: string;
  @Field(() => StaffRoleEnum) role!: StaffRoleEnum;
  @Field(() => String) branchCode!: string;
}

/** Disable a staff user; `reasonCode` is a code such as LEFT_SERVICE, never free text. */
@InputType()
export class DisableStaffInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) userId!: string;
  @Field(() => String) reasonCode!: string;
}

/** Enable a disabled staff user. */
@InputType()
export class EnableStaffInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) userId!: string;
}

/** Ask for a change of role and/or branch (maker–checker: another administrator approves). */
@InputType()
export class RequestStaffRoleChangeInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) userId!: string;
  @Field(() => StaffRoleEnum) role!: StaffRoleEnum;
  @Field(() => String) branchCode!: string;
}
