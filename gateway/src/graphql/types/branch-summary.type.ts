import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '../scalars/money.scalar';

/** Members by status and share capital of one branch (the branch-summary read model). */
@ObjectType('BranchSummary')
export class BranchSummaryType {
  @Field(() => String) branchCode!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Int) activeMembers!: number;
  @Field(() => Int) inactiveMembers!: number;
  @Field(() => Int) exitedMembers!: number;
  @Field(() => Int) totalMembers!: number;
  @Field(() => Int) sharesHeld!: number;
  @Field(() => MoneyScalar, { description: 'Share capital held by the branch members, in rupees.' }) shareCapital!: number;
}
