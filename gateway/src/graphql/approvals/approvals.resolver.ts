import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { BRANCH_BOUND_ROLES } from '../../auth/access-policy';
import type { Actor } from '@samabay/domain-kit';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { StaffPolicies } from '../../auth/staff-policies';
import { requestLargeWithdrawal } from '../../approvals/large-withdrawal';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { awaitConsistency } from '../read-consistency';
import { savingsCommand } from '../savings/savings-errors';
import { toApprovalPayload, toPendingItem } from './approval-payload';
import { ApprovalPayloadType, ApprovalStatusEnum, PendingItemInput, PendingItemType, RefusePendingItemInput, RequestLargeWithdrawalInput } from './approval.types';

/**
 * The shared maker–checker queue over GraphQL (DESIGN §7): checkers of a branch list its pending
 * items and approve (the action then runs as the checker) or refuse them; the maker may withdraw.
 * Branch managers and tellers see only their branch's items (the approval id names the branch), and a
 * checker role only sees the items it may check; auditors and head office see all.
 */
@Resolver()
export class ApprovalsResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Query(() => [PendingItemType], { description: 'Maker–checker items of a branch (default: pending ones the caller may check).' })
  @Policy(StaffPolicies.readPendingItems)
  async pendingItems(
    @CurrentActor() actor: Actor,
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string | null,
    @Args('status', { type: () => ApprovalStatusEnum, nullable: true, defaultValue: ApprovalStatusEnum.PENDING }) status: ApprovalStatusEnum | null,
    @Args('kind', { type: () => String, nullable: true }) kind: string | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('consistentWith', { type: () => String, nullable: true }) consistentWith: string | null,
  ): Promise<PendingItemType[]> {
    await awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
    const checkerRole = BRANCH_BOUND_ROLES.includes(actor.role) ? actor.role : null;
    return (await this.services.approvals.reader.list({ branchCode, checkerRole, status, kind, first })).map(toPendingItem);
  }

  @Mutation(() => ApprovalPayloadType, { description: 'Approve a pending item as its checker (not its maker); the approved action runs at once.' })
  @Policy(StaffPolicies.checkPendingItem)
  async approvePendingItem(@Args('input') input: PendingItemInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<ApprovalPayloadType> {
    return toApprovalPayload(await this.services.approvals.queue.approve(input.approvalId, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => ApprovalPayloadType, { description: 'Refuse a pending item as its checker, with a reason code.' })
  @Policy(StaffPolicies.checkPendingItem)
  async refusePendingItem(@Args('input') input: RefusePendingItemInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<ApprovalPayloadType> {
    return toApprovalPayload(await this.services.approvals.queue.refuse(input.approvalId, input.reasonCode, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => ApprovalPayloadType, { description: 'Withdraw your own pending item.' })
  @Policy(StaffPolicies.withdrawPendingItem)
  async withdrawPendingItem(@Args('input') input: PendingItemInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<ApprovalPayloadType> {
    return toApprovalPayload(await this.services.approvals.queue.withdraw(input.approvalId, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => ApprovalPayloadType, { description: 'Put a withdrawal above the configured limit before a checker (withdraw refuses it with APPROVAL_REQUIRED).' })
  @Policy(StaffPolicies.requestLargeWithdrawal)
  async requestLargeWithdrawal(@Args('input') input: RequestLargeWithdrawalInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<ApprovalPayloadType> {
    const { approvals, savings } = this.services;
    return savingsCommand(async () =>
      toApprovalPayload(
        await requestLargeWithdrawal(approvals.queue, savings, { accountId: input.accountId, memberNo: input.memberNo, amountPaise: input.amount }, commandContext(actor, input, context.req.id)),
      ),
    );
  }
}
