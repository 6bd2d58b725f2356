import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { todayInKolkata, type Actor } from '@samabay/domain-kit';
import type { LoanCommandAccepted, LoanProductOffer } from '@samabay/lending';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Policies } from '../../auth/policies';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import { DateScalar } from '../scalars/date.scalar';
import type { LoanPurposeEnum, RateBasisEnum } from '../types/lending/lending-enums';
import { LoanCommandPayloadType } from '../types/lending/lending-payloads.type';
import { LoanProductType, RejectLoanInput, WithdrawLoanApplicationInput } from '../types/lending/loan-product.type';

/**
 * Lending decisions on an application that will not be disbursed — maker–checker rejection and the member's
 * withdrawal — and the loan products offered on a date (issue 5 items 1, 2).
 */
@Resolver()
export class LendingDecisionsResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => LoanCommandPayloadType, { description: 'Reject an application not yet disbursed: a branch manager or head office, never the maker or appraiser.' })
  @Policy(Policies.loanCheckerCommand)
  async rejectLoan(@Args('input') input: RejectLoanInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.rejectLoan({ loanId: input.loanId, reason: input.reason }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'Record that the member withdrew her application (before disbursement).' })
  @Policy(Policies.loanCommand)
  async withdrawLoanApplication(@Args('input') input: WithdrawLoanApplicationInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.withdrawLoanApplication({ loanId: input.loanId, reason: input.reason ?? null }, commandContext(actor, input, context.req.id)));
  }

  @Query(() => [LoanProductType], { description: 'The loan products offered on a date (default today in Kolkata), each with the terms in force that day.' })
  @Policy(Policies.readLoanProducts)
  loanProducts(@Args('onDate', { type: () => DateScalar, nullable: true }) onDate: string | null): LoanProductType[] {
    return this.services.lending.productsOn(onDate ?? todayInKolkata(() => new Date())).map(toProduct);
  }
}

function toPayload(accepted: LoanCommandAccepted): LoanCommandPayloadType {
  return { loanId: accepted.loanId, result: toCommandResult(accepted) };
}

function toProduct(offer: LoanProductOffer): LoanProductType {
  const { terms } = offer;
  return {
    code: offer.code,
    name: offer.name,
    purposes: offer.purposes.map((purpose) => purpose as LoanPurposeEnum),
    effectiveFrom: offer.effectiveFrom,
    amortization: terms.amortization,
    frequency: terms.frequency,
    dayCount: terms.dayCount,
    ratePercent: terms.interest.ratePercent,
    minRatePercent: terms.interest.minRatePercent,
    maxRatePercent: terms.interest.maxRatePercent,
    rateBasis: terms.interest.per as RateBasisEnum,
    minAmount: terms.limits.minAmountPaise,
    maxAmount: terms.limits.maxAmountPaise,
    minInstalments: terms.limits.minInstalments,
    maxInstalments: terms.limits.maxInstalments,
    principalGraceInstalments: terms.grace.principalInstalments,
    interestGraceInstalments: terms.grace.interestInstalments,
    roundingMode: terms.rounding.mode,
    roundingUnit: terms.rounding.unit,
    minMembershipMonths: terms.eligibility.minMembershipMonths,
    maxSavingsMultiple: terms.eligibility.maxSavingsMultiple,
    maxOpenLoans: terms.eligibility.maxOpenLoans,
    guarantorRules: terms.guarantorRules.map((rule) => ({ fromAmount: rule.fromAmountPaise, guarantors: rule.guarantors })),
    latePenalty: terms.latePenalty && { graceDays: terms.latePenalty.graceDays, flat: terms.latePenalty.flatPaise, percentOfOverdue: terms.latePenalty.percentOfOverdue },
  };
}
