import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * The answer to an accepted command. `position` is the global position of the command's last event
 * (formatPosition, e.g. "C:812/P:3"): pass it as `consistentWith` to read your own write.
 * `replayed` is true when the idempotency key was seen before and this is the first answer again.
 */
@ObjectType('CommandResult')
export class CommandResultType {
  @Field(() => Boolean) replayed!: boolean;
  @Field(() => String) streamId!: string;
  @Field(() => Int, { description: 'The stream revision after the command (-1 if the stream is still empty).' }) revision!: number;
  @Field(() => [String]) eventIds!: string[];
  @Field(() => String, { nullable: true, description: 'Read-model position to wait for; pass as consistentWith.' }) position!: string | null;
}

/** The member number given to the new member, and the command result. */
@ObjectType('AdmitMemberPayload')
export class AdmitMemberPayloadType {
  @Field(() => String) memberNo!: string;
  @Field(() => CommandResultType) result!: CommandResultType;
}

/** The outcome of one register row of importMembers: accepted (maybe replayed) or rejected with a typed error. */
@ObjectType('ImportMemberOutcome')
export class ImportMemberOutcomeType {
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field(() => String) memberNo!: string;
  @Field(() => Boolean) accepted!: boolean;
  @Field(() => Boolean) replayed!: boolean;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true }) position!: string | null;
}
