import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { SavingsPolicies } from '../../auth/savings-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toAccountPayload } from './savings-account.resolver';
import { savingsCommand } from './savings-errors';
import { CloseRecurringDepositInput, OpenRecurringDepositInput, SavingsCashInput } from './savings-inputs';
import { SavingsAccountPayloadType } from './savings-payloads';

/** Recurring Deposits (issue 4 item 3): open, pay instalments and fines, close. One savings command per mutation. */
@Resolver()
export class RecurringDepositResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => SavingsAccountPayloadType, { description: 'Open a Recurring Deposit from the published table; the first instalment is paid now.' })
  @Policy(SavingsPolicies.accountCommand)
  openRecurringDeposit(@Args('input') input: OpenRecurringDepositInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.openRecurringDeposit(
          { memberNo: input.memberNo, instalmentPaise: input.instalment, tenureYears: input.tenureYears, accountId: input.accountId ?? null },
          commandContext(actor, input, context.req.id),
        ),
      ),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Pay the next instalment (exactly the instalment amount; arrears first).' })
  @Policy(SavingsPolicies.accountCommand)
  payRecurringDepositInstalment(@Args('input') input: SavingsCashInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.payInstalment({ accountId: input.accountId, memberNo: input.memberNo, amountPaise: input.amount }, commandContext(actor, input, context.req.id)),
      ),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Pay missed-instalment fines (at most what is owed).' })
  @Policy(SavingsPolicies.accountCommand)
  payRecurringDepositFine(@Args('input') input: SavingsCashInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.payRecurringDepositFine({ accountId: input.accountId, memberNo: input.memberNo, amountPaise: input.amount }, commandContext(actor, input, context.req.id)),
      ),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'Close a Recurring Deposit prematurely (penal rate) or at maturity (table value).' })
  @Policy(SavingsPolicies.accountCommand)
  closeRecurringDeposit(@Args('input') input: CloseRecurringDepositInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.closeRecurringDeposit({ accountId: input.accountId, memberNo: input.memberNo, closure: input.closure }, commandContext(actor, input, context.req.id)),
      ),
    );
  }
}
