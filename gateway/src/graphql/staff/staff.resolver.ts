import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import type { StaffRecord } from '@samabay/staff';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { StaffPolicies } from '../../auth/staff-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { toApprovalPayload } from '../approvals/approval-payload';
import { ApprovalPayloadType } from '../approvals/approval.types';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import { awaitConsistency } from '../read-consistency';
import { CommandResultType } from '../types/command-result.type';
import type { StaffRoleEnum } from './staff-role.enum';
import { DisableStaffInput, EnableStaffInput, RegisterStaffInput, RequestStaffRoleChangeInput, StaffMemberType } from './staff.types';

const CONSISTENT_WITH = 'A CommandResult.position: wait (bounded) until the read models include that write.';

/**
 * The staff registry over GraphQL (DESIGN §7): list and read staff, register, disable (the user's
 * tokens are refused from the next request on), enable, and ask for a role change or for the
 * registration of an admin, head_office or auditor (maker–checker: approved through
 * approvePendingItem by another administrator; registerStaff refuses those roles with APPROVAL_REQUIRED).
 * The branch must be one membership opened (UNKNOWN_BRANCH otherwise).
 */
@Resolver()
export class StaffResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Query(() => [StaffMemberType], { description: 'Staff of a branch (a branch manager: their own), or of every branch.' })
  @Policy(StaffPolicies.readStaff)
  async staffMembers(
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<StaffMemberType[]> {
    await awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
    return (await this.services.staff.reader.list(branchCode)).map(toStaffMember);
  }

  @Query(() => StaffMemberType, { nullable: true, description: 'One staff user, or null.' })
  @Policy(StaffPolicies.readStaffMember)
  async staffMember(
    @Args('userId', { type: () => String }) userId: string,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<StaffMemberType | null> {
    await awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
    const record = await this.services.staff.reader.find(userId);
    return record ? toStaffMember(record) : null;
  }

  @Mutation(() => CommandResultType, {
    description: 'Register a teller, branch manager or partner at an open branch. Admin, head office and auditor need a second administrator: requestStaffRegistration.',
  })
  @Policy(StaffPolicies.registryCommand)
  async registerStaff(@Args('input') input: RegisterStaffInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    return toCommandResult(await this.services.staff.commands.register({ userId: input.userId, role: input.role, branchCode: input.branchCode }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => CommandResultType, { description: "Disable a staff user: their tokens are refused at once." })
  @Policy(StaffPolicies.registryCommand)
  async disableStaff(@Args('input') input: DisableStaffInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    return toCommandResult(await this.services.staff.commands.disable(input.userId, input.reasonCode, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => CommandResultType, { description: 'Enable a disabled staff user.' })
  @Policy(StaffPolicies.registryCommand)
  async enableStaff(@Args('input') input: EnableStaffInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<CommandResultType> {
    return toCommandResult(await this.services.staff.commands.enable(input.userId, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => ApprovalPayloadType, {
    description: 'Ask to register a staff user (required for admin, head office and auditor); another administrator approves it (maker–checker), which registers the user.',
  })
  @Policy(StaffPolicies.registryCommand)
  async requestStaffRegistration(@Args('input') input: RegisterStaffInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<ApprovalPayloadType> {
    return toApprovalPayload(
      await this.services.staff.commands.requestRegistration({ userId: input.userId, role: input.role, branchCode: input.branchCode }, commandContext(actor, input, context.req.id)),
    );
  }

  @Mutation(() => ApprovalPayloadType, { description: 'Ask for a change of role and/or branch; another administrator approves it (maker–checker).' })
  @Policy(StaffPolicies.registryCommand)
  async requestStaffRoleChange(@Args('input') input: RequestStaffRoleChangeInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<ApprovalPayloadType> {
    return toApprovalPayload(
      await this.services.staff.commands.requestRoleChange({ userId: input.userId, role: input.role, branchCode: input.branchCode }, commandContext(actor, input, context.req.id)),
    );
  }
}

function toStaffMember(record: StaffRecord): StaffMemberType {
  return { userId: record.userId, role: record.role as StaffRoleEnum, branchCode: record.branchCode, active: record.active };
}
