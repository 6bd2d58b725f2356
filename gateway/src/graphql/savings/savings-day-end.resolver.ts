import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { formatPosition } from '@samabay/event-store';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { SavingsPolicies } from '../../auth/savings-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { RunSavingsDayEndInput } from './savings-inputs';
import { SavingsDayEndPayloadType } from './savings-payloads';

/**
 * runSavingsDayEnd: close of business for a branch's deposit accounts through a business date
 * (interest accrual and posting, dormancy, RD missed-instalment fines), catching up missed days in
 * order. Idempotent per branch and date: running a closed date again changes nothing; an interrupted
 * run is finished by running it again.
 */
@Resolver()
export class SavingsDayEndResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => SavingsDayEndPayloadType, { description: 'Run the savings day-end of a branch through a business date.' })
  @Policy(SavingsPolicies.runDayEnd)
  async runSavingsDayEnd(@Args('input') input: RunSavingsDayEndInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<SavingsDayEndPayloadType> {
    const outcome = await this.services.savings.commands.runDayEnd({ branchCode: input.branchCode, businessDate: input.businessDate }, commandContext(actor, input, context.req.id));
    return { ...outcome, position: outcome.position ? formatPosition(outcome.position) : null };
  }
}
