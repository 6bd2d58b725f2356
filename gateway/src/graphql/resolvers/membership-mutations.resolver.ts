import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Policies } from '../../auth/policies';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import { AdmitMemberPayloadType, CommandResultType } from '../types/command-result.type';
import { AdmitMemberInput, ChangeNomineeInput, ExitMemberInput, OpenBranchInput, PurchaseSharesInput } from '../types/inputs';

/**
 * Membership mutations: each turns its input into one membership command with the CommandContext of
 * the caller (actor from the token; idempotency key and business date from the input) and answers
 * with the CommandResult, whose `position` a client passes as `consistentWith` to read its write.
 * Rejections surface as GraphQL errors with extensions { code, field } (see formatGraphQLError).
 */
@Resolver()
export class MembershipMutationsResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => AdmitMemberPayloadType, { description: 'Admit a member: admission fee + shares at the face value in force on the business date.' })
  @Policy(Policies.admitMember)
  async admitMember(@Args('input') input: AdmitMemberInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<AdmitMemberPayloadType> {
    const accepted = await this.services.membership.commands.admitMember(
      { branchCode: input.branchCode, memberNo: input.memberNo ?? null, personal: input.personal, nominee: input.nominee ?? null, shares: input.shares },
      commandContext(actor, input, context.req.id),
    );
    return { memberNo: accepted.memberNo, result: toCommandResult(accepted) };
  }

  @Mutation(() => CommandResultType, { description: 'Buy more shares at the face value in force on the business date.' })
  @Policy(Policies.memberCommand)
  async purchaseShares(@Args('input') input: PurchaseSharesInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    const accepted = await this.services.membership.commands.purchaseShares({ memberNo: input.memberNo, shares: input.shares }, commandContext(actor, input, context.req.id));
    return toCommandResult(accepted);
  }

  @Mutation(() => CommandResultType, { description: "Replace the member's nominee." })
  @Policy(Policies.memberCommand)
  async changeNominee(@Args('input') input: ChangeNomineeInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    const accepted = await this.services.membership.commands.changeNominee({ memberNo: input.memberNo, nominee: input.nominee }, commandContext(actor, input, context.req.id));
    return toCommandResult(accepted);
  }

  @Mutation(() => CommandResultType, { description: 'The member exits; the share capital is refunded.' })
  @Policy(Policies.memberCommand)
  async exitMember(@Args('input') input: ExitMemberInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    const accepted = await this.services.membership.commands.exitMember({ memberNo: input.memberNo }, commandContext(actor, input, context.req.id));
    return toCommandResult(accepted);
  }

  @Mutation(() => CommandResultType, { description: 'Open a new branch.' })
  @Policy(Policies.openBranch)
  async openBranch(@Args('input') input: OpenBranchInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    const accepted = await this.services.membership.commands.openBranch({ branchCode: input.branchCode, name: input.name }, commandContext(actor, input, context.req.id));
    return toCommandResult(accepted);
  }
}
