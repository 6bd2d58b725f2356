import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PersonalData } from '../../auth/personal-data-policies';
import { DateScalar } from '../scalars/date.scalar';
import { MoneyScalar } from '../scalars/money.scalar';
import { MemberStatusEnum } from './member-status.enum';

/**
 * A member as the member-directory read model shows it to staff. Personal fields are null when never
 * recorded; once the member is forgotten (crypto-shredded) every personal text field reads "[forgotten]"
 * and dateOfBirth null, with personalDataForgotten true. Each personal field is checked by the
 * personal-data field policy (`@PersonalData`) for the caller's role and branch. `shareCapital` is
 * paise inside, rupees on the wire.
 */
@ObjectType('Member')
export class MemberType {
  @Field(() => String) memberNo!: string;
  @Field(() => String) branchCode!: string;
  @Field(() => MemberStatusEnum) status!: MemberStatusEnum;
  @Field(() => Int) sharesHeld!: number;
  @Field(() => MoneyScalar, { description: 'Share capital held, in rupees.' }) shareCapital!: number;
  @Field(() => DateScalar) admissionDate!: string;
  @PersonalData('member')
  @Field(() => String, { nullable: true }) fullName!: string | null;
  @PersonalData('member')
  @Field(() => DateScalar, { nullable: true }) dateOfBirth!: string | null;
  @PersonalData('member')
  @Field(() => String, { nullable: true }) phone!: string | null;
  @PersonalData('member')
  @Field(() => String, { nullable: true }) locality!: string | null;
  @PersonalData('member')
  @Field(() => String, { nullable: true }) nomineeName!: string | null;
  @PersonalData('member')
  @Field(() => String, { nullable: true }) nomineeRelation!: string | null;
  @Field(() => Boolean, { description: 'True once the member was forgotten: her personal data is unrecoverable.' }) personalDataForgotten!: boolean;
}

/** One member of a page and the cursor that resumes right after it. */
@ObjectType('MemberEdge')
export class MemberEdgeType {
  @Field(() => String) cursor!: string;
  @Field(() => MemberType) node!: MemberType;
}

/** Whether another page follows, and the cursor to ask for it (`after`). */
@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** One page of members (cursor pagination) and how many match the filter in all. */
@ObjectType('MemberConnection')
export class MemberConnectionType {
  @Field(() => [MemberEdgeType]) edges!: MemberEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
