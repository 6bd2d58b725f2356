import { Field, GraphQLISODateTime, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Outcome of an audited attempt (mirrors @samabay/audit-trail's AuditOutcome). */
export enum AuditOutcomeEnum {
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}
registerEnumType(AuditOutcomeEnum, { name: 'AuditOutcome', description: 'ACCEPTED: the command recorded events. REFUSED: the access policy or the domain refused it.' });

/** Who refused an attempt (mirrors RefusedBy). */
export enum RefusedByEnum {
  ACCESS_POLICY = 'ACCESS_POLICY',
  DOMAIN = 'DOMAIN',
}
registerEnumType(RefusedByEnum, { name: 'RefusedBy', description: "ACCESS_POLICY: role or branch refused at the gateway. DOMAIN: the service's rules rejected the command." });

/** Filter of `auditTrail`: from inclusive, to exclusive; branchCode matches the actor's branch or a refused attempt's target branch. */
@InputType('AuditTrailFilter')
export class AuditTrailFilterInput {
  @Field(() => GraphQLISODateTime, { nullable: true }) from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) to?: Date | null;
  @Field(() => String, { nullable: true, description: 'A staff user id.' }) actor?: string | null;
  @Field(() => String, { nullable: true }) branchCode?: string | null;
  @Field(() => AuditOutcomeEnum, { nullable: true }) outcome?: AuditOutcomeEnum | null;
}

/** One attempt: ids, roles, branch codes, type names and codes only — no payload, no personal data. */
@ObjectType('AuditEntry')
export class AuditEntryType {
  @Field(() => String) id!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => AuditOutcomeEnum) outcome!: AuditOutcomeEnum;
  @Field(() => RefusedByEnum, { nullable: true }) refusedBy!: RefusedByEnum | null;
  @Field(() => String, { description: 'Accepted: the type of the first event the command recorded. Refused: the GraphQL operation field.' }) operation!: string;
  @Field(() => String, { description: 'The staff user id.' }) actor!: string;
  @Field(() => String) actorRole!: string;
  @Field(() => String, { description: "The actor's branch (for an accepted command: the branch it was recorded for)." }) branchCode!: string;
  @Field(() => String, { nullable: true, description: 'The branch the attempt touched, when known.' }) targetBranchCode!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => String, { nullable: true }) businessDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Accepted: the stream of its first event.' }) streamId!: string | null;
  @Field(() => String, { nullable: true, description: 'Refused: FORBIDDEN or the domain error code.' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'Refused by the domain: the input field the error named (e.g. memberNo), never its value.' }) field!: string | null;
}

/** A page of the audit trail, oldest first; pass endCursor as `after` for the next one. */
@ObjectType('AuditTrailPage')
export class AuditTrailPageType {
  @Field(() => [AuditEntryType]) entries!: AuditEntryType[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}
