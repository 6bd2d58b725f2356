import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '../scalars/date.scalar';
import { MemberStatusEnum } from './member-status.enum';

/** A member's personal data as staff enter it; sealed before it reaches any event. */
@InputType('PersonalInput')
export class PersonalInput {
  @Field(() => String) fullName!: string;
  @Field(() => DateScalar) dateOfBirth!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) locality?: string | null;
}

/** Who receives the member's share capital and savings on death, and their relation to the member. */
@InputType('NomineeInput')
export class NomineeInput {
  @Field(() => String) name!: string;
  @Field(() => String) relation!: string;
}

/** Every mutation input carries the client's idempotency key (8–200 printable characters) and the business date. */
@InputType('AdmitMemberInput')
export class AdmitMemberInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => String, { nullable: true, description: 'Keep a number already printed on a paper passbook; otherwise the next one is allocated.' })
  memberNo?: string | null;
  @Field(() => PersonalInput) personal!: PersonalInput;
  @Field(() => NomineeInput, { nullable: true }) nominee?: NomineeInput | null;
  @Field(() => Int) shares!: number;
}

/** Buy `shares` more whole shares for `memberNo`. */
@InputType('PurchaseSharesInput')
export class PurchaseSharesInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => Int) shares!: number;
}

/** Replace the nominee of `memberNo`. */
@InputType('ChangeNomineeInput')
export class ChangeNomineeInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
  @Field(() => NomineeInput) nominee!: NomineeInput;
}

/** `memberNo` leaves the co-operative; the share capital is refunded. */
@InputType('ExitMemberInput')
export class ExitMemberInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
}

/** Open a branch: `branchCode` three capital letters, `name` its public name. */
@InputType('OpenBranchInput')
export class OpenBranchInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => String) name!: string;
}

/** One row of the legacy member register; its business date is the historical admission date. */
@InputType('ImportMemberInput')
export class ImportMemberInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => Int, { nullable: true, description: 'Line of the source file, echoed in the outcome.' }) line?: number | null;
  @Field(() => String) memberNo!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => DateScalar) admissionDate!: string;
  @Field(() => PersonalInput) personal!: PersonalInput;
  @Field(() => NomineeInput, { nullable: true }) nominee?: NomineeInput | null;
  @Field(() => Int) sharesHeld!: number;
  @Field(() => MemberStatusEnum) status!: MemberStatusEnum;
}
