import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { formatPosition } from '@samabay/event-store';
import type { AccountCommandAccepted, OwnAccountTransferOutcome, RecurringDepositAccepted } from '@samabay/savings';
import { AUDIT_TRAIL, type GatewayAuditTrail } from '../../audit/audit-trail';
import { recordDomainRefusals } from '../../audit/record-domain-refusals';
import { branchOfMemberNo, Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { SavingsPolicies } from '../../auth/savings-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import { savingsCommand } from './savings-errors';
import { OwnAccountTransferInput, OpenSavingsAccountInput, SavingsAccountOfMemberInput, SavingsCashInput } from './savings-inputs';
import { OwnAccountTransferPayloadType, SavingsAccountPayloadType } from './savings-payloads';
import { OwnAccountTransferStatusEnum } from './savings-enums';

/**
 * Savings Deposit and Thrift Fund accounts at the counter (issue 4 item 2): each mutation is one
 * savings command (the transfer a process of up to three) with the caller's CommandContext, answered
 * with the CommandResult whose `position` a client passes as `consistentWith`. Rejections are GraphQL
 * errors with extensions { code, field } naming the input field. A transfer's refused credit is
 * answered as data (status REVERSED, `failure`) and recorded in the audit trail before the answer.
 */
@Resolver()
export class SavingsAccountResolver {
  constructor(
    @Inject(GATEWAY_SERVICES) private readonly services: GatewayServices,
    @Inject(AUDIT_TRAIL) private readonly audit: GatewayAuditTrail,
  ) {}

  @Mutation(() => SavingsAccountPayloadType, { description: 'Open a Savings Deposit or Thrift Fund account for an active member.' })
  @Policy(SavingsPolicies.accountCommand)
  openSavingsAccount(@Args('input') input: OpenSavingsAccountInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.openAccount({ memberNo: input.memberNo, product: input.product, accountId: input.accountId ?? null }, commandContext(actor, input, context.req.id)),
      ),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Cash paid in to a savings account.' })
  @Policy(SavingsPolicies.accountCommand)
  deposit(@Args('input') input: SavingsCashInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(await this.services.savings.commands.deposit({ accountId: input.accountId, memberNo: input.memberNo, amountPaise: input.amount }, commandContext(actor, input, context.req.id))),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Cash paid out of a savings account, never below the minimum balance.' })
  @Policy(SavingsPolicies.accountCommand)
  withdraw(@Args('input') input: SavingsCashInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(await this.services.savings.commands.withdraw({ accountId: input.accountId, memberNo: input.memberNo, amountPaise: input.amount }, commandContext(actor, input, context.req.id))),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Close a savings account: interest to date credited, the balance paid out.' })
  @Policy(SavingsPolicies.accountCommand)
  closeSavingsAccount(@Args('input') input: SavingsAccountOfMemberInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(await this.services.savings.commands.closeAccount({ accountId: input.accountId, memberNo: input.memberNo }, commandContext(actor, input, context.req.id))),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Reactivate a dormant savings account.' })
  @Policy(SavingsPolicies.accountCommand)
  reactivateSavingsAccount(@Args('input') input: SavingsAccountOfMemberInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(await this.services.savings.commands.reactivateAccount({ accountId: input.accountId, memberNo: input.memberNo }, commandContext(actor, input, context.req.id))),
    );
  }

  @Mutation(() => OwnAccountTransferPayloadType, { description: "Move money between two of the member's own savings accounts (reversed if the credit is refused)." })
  @Policy(SavingsPolicies.accountCommand)
  transferBetweenOwnAccounts(@Args('input') input: OwnAccountTransferInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<OwnAccountTransferPayloadType> {
    return savingsCommand(async () => {
      const outcome = await this.services.savings.commands.transferBetweenOwnAccounts(
        { memberNo: input.memberNo, fromAccountId: input.fromAccountId, toAccountId: input.toAccountId, amountPaise: input.amount },
        commandContext(actor, input, context.req.id),
      );
      // The credit refused in this run (a re-run that found the reversal done carries no failure).
      if (outcome.failure) {
        const refusal = { code: outcome.failure.code, field: outcome.failure.field, targetBranchCode: branchOfMemberNo(input.memberNo) ?? null };
        await recordDomainRefusals(this.audit.refusals, this.services.logger, { operation: 'transferBetweenOwnAccounts', actor, requestId: context.req.id }, [refusal]);
      }
      return toTransferPayload(outcome);
    });
  }
}

/** Maps an accepted account command to its GraphQL payload. */
export function toAccountPayload(accepted: AccountCommandAccepted | RecurringDepositAccepted): SavingsAccountPayloadType {
  return { accountId: accepted.accountId, balance: accepted.balancePaise, result: toCommandResult(accepted) };
}

function toTransferPayload(outcome: OwnAccountTransferOutcome): OwnAccountTransferPayloadType {
  const last = outcome.reversal ?? outcome.credit ?? outcome.debit;
  return {
    transferId: outcome.transferId,
    status: outcome.status as OwnAccountTransferStatusEnum,
    replayed: outcome.replayed,
    debit: toCommandResult(outcome.debit),
    credit: outcome.credit ? toCommandResult(outcome.credit) : null,
    reversal: outcome.reversal ? toCommandResult(outcome.reversal) : null,
    failure: outcome.failure,
    position: last.position ? formatPosition(last.position) : null,
  };
}
