import { Inject } from '@nestjs/common';
import { Args, Context, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { PrivacyPolicies } from '../../auth/privacy-policies';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import { DateScalar } from '../scalars/date.scalar';
import { CommandResultType } from '../types/command-result.type';

/** Ask for, or approve, forgetting the former member `memberNo` on the business date. */
@InputType('ForgetMemberInput')
export class ForgetMemberInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => DateScalar) businessDate!: string;
  @Field(() => String) memberNo!: string;
}

/**
 * Crypto-shredding by maker–checker (issue 6 item 4, DESIGN §7): one head-office user requests,
 * a different one approves; on approval the member's data key is deleted and every personal field
 * reads as the forgotten marker from then on. Refusals come back with { code, field }, e.g.
 * RETENTION_NOT_ELAPSED (businessDate), MEMBER_NOT_EXITED (memberNo), MAKER_CANNOT_APPROVE (actor.userId).
 */
@Resolver()
export class ForgetMemberResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => CommandResultType, { description: 'Head office asks to forget a former member once the retention period after her exit has passed.' })
  @Policy(PrivacyPolicies.forgetMember)
  async requestForgetMember(@Args('input') input: ForgetMemberInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    const accepted = await this.services.membership.commands.requestForgetMember({ memberNo: input.memberNo }, commandContext(actor, input, context.req.id));
    return toCommandResult(accepted);
  }

  @Mutation(() => CommandResultType, { description: "A second head-office user approves: the member's data key is deleted for good." })
  @Policy(PrivacyPolicies.forgetMember)
  async approveForgetMember(@Args('input') input: ForgetMemberInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    const accepted = await this.services.membership.commands.approveForgetMember({ memberNo: input.memberNo }, commandContext(actor, input, context.req.id));
    return toCommandResult(accepted);
  }
}
