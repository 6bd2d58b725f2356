import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { formatPosition } from '@samabay/event-store';
import type { ProceedsDestinationInput, TermDepositAccepted } from '@samabay/savings';
import { AUDIT_TRAIL, type GatewayAuditTrail } from '../../audit/audit-trail';
import { recordDomainRefusals } from '../../audit/record-domain-refusals';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { SavingsPolicies } from '../../auth/savings-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import { savingsCommand } from './savings-errors';
import {
  CloseTermDepositInput,
  MonthlyIncomePayoutsPayloadType,
  OpenFixedDepositInput,
  OpenMonthlyIncomeDepositInput,
  PayMonthlyIncomeDueInput,
  ProceedsDestinationEnum,
  TermDepositPayloadType,
} from './term-deposit.types';

/**
 * Fixed Deposits and Monthly Income Scheme deposits (issue 4 item 3): open, close (proceeds in cash or into
 * the member's savings account), and the MIS income payouts of a branch. The terms are placeholders in
 * config/savings-products.json until the co-operative confirms them. The payouts' refused months
 * (`failures`, answered as data) are recorded in the audit trail before the answer.
 */
@Resolver()
export class TermDepositResolver {
  constructor(
    @Inject(GATEWAY_SERVICES) private readonly services: GatewayServices,
    @Inject(AUDIT_TRAIL) private readonly audit: GatewayAuditTrail,
  ) {}

  @Mutation(() => TermDepositPayloadType, { description: 'Open a Fixed Deposit (quarterly compounding) with the terms in force on the business date.' })
  @Policy(SavingsPolicies.accountCommand)
  openFixedDeposit(@Args('input') input: OpenFixedDepositInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<TermDepositPayloadType> {
    return savingsCommand(async () =>
      toPayload(
        await this.services.savings.commands.openFixedDeposit(
          { memberNo: input.memberNo, principalPaise: input.principal, tenureMonths: input.tenureMonths, accountId: input.accountId ?? null },
          commandContext(actor, input, context.req.id),
        ),
      ),
    );
  }

  @Mutation(() => TermDepositPayloadType, { description: 'Close a Fixed Deposit at maturity (principal + interest) or prematurely (held period\'s rate minus the penalty).' })
  @Policy(SavingsPolicies.accountCommand)
  closeFixedDeposit(@Args('input') input: CloseTermDepositInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<TermDepositPayloadType> {
    return savingsCommand(async () =>
      toPayload(
        await this.services.savings.commands.closeFixedDeposit(
          { accountId: input.accountId, memberNo: input.memberNo, closure: input.closure, payout: destination(input) },
          commandContext(actor, input, context.req.id),
        ),
      ),
    );
  }

  @Mutation(() => TermDepositPayloadType, { description: "Open a Monthly Income Scheme deposit whose income goes every month to the member's savings account." })
  @Policy(SavingsPolicies.accountCommand)
  openMonthlyIncomeDeposit(@Args('input') input: OpenMonthlyIncomeDepositInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<TermDepositPayloadType> {
    return savingsCommand(async () =>
      toPayload(
        await this.services.savings.commands.openMonthlyIncomeDeposit(
          { memberNo: input.memberNo, principalPaise: input.principal, tenureMonths: input.tenureMonths, payoutAccountId: input.payoutAccountId, accountId: input.accountId ?? null },
          commandContext(actor, input, context.req.id),
        ),
      ),
    );
  }

  @Mutation(() => TermDepositPayloadType, { description: 'Close an MIS deposit at maturity (principal back, every month paid) or prematurely (income recomputed, excess recovered).' })
  @Policy(SavingsPolicies.accountCommand)
  closeMonthlyIncomeDeposit(@Args('input') input: CloseTermDepositInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<TermDepositPayloadType> {
    return savingsCommand(async () =>
      toPayload(
        await this.services.savings.commands.closeMonthlyIncomeDeposit(
          { accountId: input.accountId, memberNo: input.memberNo, closure: input.closure, payout: destination(input) },
          commandContext(actor, input, context.req.id),
        ),
      ),
    );
  }

  @Mutation(() => MonthlyIncomePayoutsPayloadType, { description: 'Pay and credit every MIS income month due in the branch through the date (idempotent per deposit and month).' })
  @Policy(SavingsPolicies.runDayEnd)
  payMonthlyIncomeDue(@Args('input') input: PayMonthlyIncomeDueInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<MonthlyIncomePayoutsPayloadType> {
    return savingsCommand(async () => {
      const outcome = await this.services.savings.commands.payMonthlyIncomeDue({ branchCode: input.branchCode, businessDate: input.businessDate }, commandContext(actor, input, context.req.id));
      const refused = outcome.failures.map((failure) => ({ code: failure.code, field: null, targetBranchCode: outcome.branchCode }));
      await recordDomainRefusals(this.audit.refusals, this.services.logger, { operation: 'payMonthlyIncomeDue', actor, requestId: context.req.id }, refused);
      return { ...outcome, failures: [...outcome.failures], position: outcome.position ? formatPosition(outcome.position) : null };
    });
  }
}

function destination(input: CloseTermDepositInput): ProceedsDestinationInput {
  return input.payout === ProceedsDestinationEnum.SAVINGS_ACCOUNT ? { kind: 'SAVINGS_ACCOUNT', savingsAccountId: input.payoutAccountId ?? '' } : { kind: 'CASH' };
}

function toPayload(accepted: TermDepositAccepted): TermDepositPayloadType {
  const credit = accepted.proceedsCredit;
  return {
    accountId: accepted.accountId,
    balance: accepted.balancePaise,
    result: toCommandResult(accepted),
    proceedsAccountId: credit?.accountId ?? null,
    proceedsAccountBalance: credit?.balancePaise ?? null,
    proceedsCredit: credit ? toCommandResult(credit) : null,
  };
}
