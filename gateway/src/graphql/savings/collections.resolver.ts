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
import { RecordCollectionInput, SettleCollectionInput } from './savings-inputs';
import { SavingsAccountPayloadType } from './savings-payloads';

/** Door-step collection (issue 4 item 4): record (pending), then verify (posted) or dispute (not posted). */
@Resolver()
export class CollectionsResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => SavingsAccountPayloadType, { description: "A field agent's collection at the member's door; pending until verified." })
  @Policy(SavingsPolicies.accountCommand)
  recordCollection(@Args('input') input: RecordCollectionInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.recordCollection(
          { accountId: input.accountId, memberNo: input.memberNo, collectionId: input.collectionId, agentId: input.agentId, amountPaise: input.amount },
          commandContext(actor, input, context.req.id),
        ),
      ),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: 'The counted cash agrees with the collection: the deposit is posted.' })
  @Policy(SavingsPolicies.accountCommand)
  verifyCollection(@Args('input') input: SettleCollectionInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.verifyCollection({ accountId: input.accountId, collectionId: input.collectionId, countedPaise: input.counted }, commandContext(actor, input, context.req.id)),
      ),
    );
  }

  @Mutation(() => SavingsAccountPayloadType, { description: "The counted cash differs: nothing is posted, the difference goes on the agent's sheet." })
  @Policy(SavingsPolicies.accountCommand)
  disputeCollection(@Args('input') input: SettleCollectionInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsAccountPayloadType> {
    return savingsCommand(async () =>
      toAccountPayload(
        await this.services.savings.commands.disputeCollection({ accountId: input.accountId, collectionId: input.collectionId, countedPaise: input.counted }, commandContext(actor, input, context.req.id)),
      ),
    );
  }
}
