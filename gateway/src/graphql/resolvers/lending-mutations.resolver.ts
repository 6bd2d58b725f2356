import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@samabay/domain-kit';
import { formatPosition } from '@samabay/event-store';
import type { LoanCommandAccepted, LoanDayEndOutcome } from '@samabay/lending';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Policies } from '../../auth/policies';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { toCommandResult } from '../command-result';
import {
  AppraiseLoanInput,
  ApplyForLoanInput,
  DisburseLoanInput,
  LoanCommandInput,
  RecordRepaymentInput,
  RescheduleLoanInput,
  RunLoanDayEndInput,
} from '../types/lending/lending-inputs';
import { LoanCommandPayloadType, LoanDayEndPayloadType, RepaymentPayloadType } from '../types/lending/lending-payloads.type';

/**
 * Lending mutations (issue 5): each turns its input into one lending command with the caller's
 * CommandContext (actor from the token — so maker–checker compares real staff ids — idempotency key and
 * business date from the input) and answers with the command result, whose `position` a client passes
 * as `consistentWith` to read its write. Rejections surface as GraphQL errors with extensions { code, field }.
 */
@Resolver()
export class LendingMutationsResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => LoanCommandPayloadType, { description: "Apply for a loan; eligibility comes from lending's own records of the member." })
  @Policy(Policies.applyForLoan)
  async applyForLoan(@Args('input') input: ApplyForLoanInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    const accepted = await this.services.lending.commands.applyForLoan(
      {
        memberNo: input.memberNo,
        productCode: input.productCode,
        purpose: input.purpose,
        amountPaise: input.amount,
        numberOfInstalments: input.numberOfInstalments,
        ratePercent: input.ratePercent ?? null,
        guarantors: input.guarantors ?? null,
        loanId: input.loanId ?? null,
      },
      commandContext(actor, input, context.req.id),
    );
    return toPayload(accepted);
  }

  @Mutation(() => LoanCommandPayloadType, { description: "The maker's appraisal, optionally revising amount, term, rate and guarantors within the product." })
  @Policy(Policies.loanCommand)
  async appraiseLoan(@Args('input') input: AppraiseLoanInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    const accepted = await this.services.lending.commands.appraiseLoan(
      { loanId: input.loanId, amountPaise: input.amount ?? null, numberOfInstalments: input.numberOfInstalments ?? null, ratePercent: input.ratePercent ?? null, guarantors: input.guarantors ?? null },
      commandContext(actor, input, context.req.id),
    );
    return toPayload(accepted);
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'Approve an appraised loan: a branch manager or head office, never the maker.' })
  @Policy(Policies.loanCheckerCommand)
  async approveLoan(@Args('input') input: LoanCommandInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.approveLoan({ loanId: input.loanId }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => LoanCommandPayloadType, { description: "Pay an approved loan out once: CASH at once, or SAVINGS_ACCOUNT (requested; the disbursement process credits the borrower's account and confirms the loan)." })
  @Policy(Policies.loanCommand)
  async disburseLoan(@Args('input') input: DisburseLoanInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    const channel = input.channel === 'SAVINGS_ACCOUNT' ? { kind: 'SAVINGS_ACCOUNT' as const, savingsAccountId: input.savingsAccountId ?? '' } : { kind: 'CASH' as const };
    return toPayload(await this.services.lending.commands.disburseLoan({ loanId: input.loanId, channel }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => RepaymentPayloadType, { description: 'Record a repayment (RBI order by default; above the foreclosure amount only with REFUND_EXCESS).' })
  @Policy(Policies.loanCommand)
  async recordRepayment(@Args('input') input: RecordRepaymentInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<RepaymentPayloadType> {
    const accepted = await this.services.lending.commands.recordRepayment(
      { loanId: input.loanId, amountPaise: input.amount, strategy: input.strategy ?? null, overpayment: input.overpayment ?? null },
      commandContext(actor, input, context.req.id),
    );
    const { repayment } = accepted;
    return {
      ...toPayload(accepted),
      amount: repayment.amountPaise,
      principalPaid: repayment.principalPaidPaise,
      interestPaid: repayment.interestPaidPaise,
      penaltyPaid: repayment.penaltyPaidPaise,
      excessRefunded: repayment.excessRefundedPaise,
      principalOutstanding: repayment.balances.principalOutstandingPaise,
      principalDue: repayment.balances.principalDuePaise,
      interestDue: repayment.balances.interestDuePaise,
      penaltyDue: repayment.balances.penaltyDuePaise,
    };
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'A new schedule of the unpaid principal from the business date (branch manager or head office).' })
  @Policy(Policies.loanCheckerCommand)
  async rescheduleLoan(@Args('input') input: RescheduleLoanInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(
      await this.services.lending.commands.rescheduleLoan(
        { loanId: input.loanId, numberOfInstalments: input.numberOfInstalments, ratePercent: input.ratePercent ?? null },
        commandContext(actor, input, context.req.id),
      ),
    );
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'The maker proposes writing off an NPA loan.' })
  @Policy(Policies.loanCheckerCommand)
  async requestLoanWriteOff(@Args('input') input: LoanCommandInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.requestWriteOff({ loanId: input.loanId }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'A checker other than the maker writes the loan off.' })
  @Policy(Policies.loanCheckerCommand)
  async writeOffLoan(@Args('input') input: LoanCommandInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.writeOffLoan({ loanId: input.loanId }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'Head office marks an NPA loan a loss asset (as identified by the auditors or the inspector).' })
  @Policy(Policies.markLoanAsLoss)
  async markLoanAsLoss(@Args('input') input: LoanCommandInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.markLoanAsLoss({ loanId: input.loanId }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => LoanCommandPayloadType, { description: 'Close a fully repaid loan.' })
  @Policy(Policies.loanCommand)
  async closeLoan(@Args('input') input: LoanCommandInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanCommandPayloadType> {
    return toPayload(await this.services.lending.commands.closeLoan({ loanId: input.loanId }, commandContext(actor, input, context.req.id)));
  }

  @Mutation(() => LoanDayEndPayloadType, {
    description:
      "Close of business for a branch's loans through the business date: ageing, penalties, SMA/NPA (missed dates first). Idempotent per date whatever the key: a repeat answers alreadyCompleted.",
  })
  @Policy(Policies.runLoanDayEnd)
  async runLoanDayEnd(@Args('input') input: RunLoanDayEndInput, @CurrentActor() actor: Actor, @Context() context: GraphQLRequestContext): Promise<LoanDayEndPayloadType> {
    const outcome: LoanDayEndOutcome = await this.services.lending.runDayEnd({ branchCode: input.branchCode }, commandContext(actor, input, context.req.id));
    return { ...outcome, days: [...outcome.days], position: outcome.position ? formatPosition(outcome.position) : null };
  }
}

function toPayload(accepted: LoanCommandAccepted): LoanCommandPayloadType {
  return { loanId: accepted.loanId, result: toCommandResult(accepted) };
}
