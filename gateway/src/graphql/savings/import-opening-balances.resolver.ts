import { Inject, Logger } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, ValidationError, type Actor } from '@samabay/domain-kit';
import { comparePositions, EventStoreError, formatPosition, type Position } from '@samabay/event-store';
import { AUDIT_TRAIL, type GatewayAuditTrail } from '../../audit/audit-trail';
import { domainRefusalOf, recordDomainRefusals, type DomainRefusal } from '../../audit/record-domain-refusals';
import { branchOfMemberNo, Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { SavingsPolicies } from '../../auth/savings-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { mapWithConcurrency } from '../map-with-concurrency';
import { awaitConsistency } from '../read-consistency';
import { withInputFieldName } from './savings-errors';
import { ImportOpeningBalanceInput } from './savings-inputs';
import { ImportOpeningBalanceOutcomeType } from './savings-payloads';

/** Most rows one importOpeningBalances call may carry. */
export const MAX_OPENING_BALANCE_ROWS = 500;
const CONCURRENCY = 8;

/**
 * importOpeningBalances (issue 4 item 7): the savings columns of member register rows become opening
 * balances — accounts SD-01 and TF-01 with one OpeningBalanceRecorded each, dated at the row's
 * business date (the import's). One row's rejection never affects another; re-sending replays.
 * `consistentWith` (the position of the importMembers call that brought the members in) makes sure
 * the savings service has seen those members before it opens their accounts. Every row the domain
 * refused is recorded in the audit trail (code, field, the member number's branch — never the row)
 * before the answer is returned.
 */
@Resolver()
export class ImportOpeningBalancesResolver {
  private readonly logger = new Logger(ImportOpeningBalancesResolver.name);

  constructor(
    @Inject(GATEWAY_SERVICES) private readonly services: GatewayServices,
    @Inject(AUDIT_TRAIL) private readonly audit: GatewayAuditTrail,
  ) {}

  @Mutation(() => [ImportOpeningBalanceOutcomeType], { description: `Carry up to ${MAX_OPENING_BALANCE_ROWS} register rows' savings and thrift balances over as opening balances.` })
  @Policy(SavingsPolicies.importOpeningBalances)
  async importOpeningBalances(
    @Args('rows', { type: () => [ImportOpeningBalanceInput] }) rows: ImportOpeningBalanceInput[],
    @Args('consistentWith', { type: () => String, nullable: true, description: 'Wait (bounded) until the savings service has seen the members of this position.' })
    consistentWith: string | null,
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLRequestContext,
  ): Promise<ImportOpeningBalanceOutcomeType[]> {
    if (rows.length > MAX_OPENING_BALANCE_ROWS) throw new ValidationError('rows', `at most ${MAX_OPENING_BALANCE_ROWS} rows per call; split the file into batches`, 'TOO_MANY_ROWS');
    await awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
    const results = await mapWithConcurrency(rows, CONCURRENCY, (row) => this.importRow(row, actor, context.req.id));
    const refused = results.flatMap((result) => (result.refusal ? [result.refusal] : []));
    await recordDomainRefusals(this.audit.refusals, this.services.logger, { operation: 'importOpeningBalances', actor, requestId: context.req.id }, refused);
    return results.map((result) => result.outcome);
  }

  /** One row's outcome, and the refusal to record when the domain refused it (a store failure or a bug is not a refusal). */
  private async importRow(row: ImportOpeningBalanceInput, actor: Actor, requestId: unknown): Promise<{ outcome: ImportOpeningBalanceOutcomeType; refusal: DomainRefusal | null }> {
    const outcome = { line: row.line ?? null, memberNo: row.memberNo };
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const accepted = await this.services.savings.commands.importRegisterBalances(
        { memberNo: row.memberNo, savingsDepositPaise: row.savingsDeposit, thriftFundPaise: row.thriftFund },
        commandContext(actor, row, requestId),
      );
      let position: Position | null = null;
      for (const account of accepted.accounts) {
        const next = account.accepted.position;
        if (next && (position === null || comparePositions(next, position) > 0)) position = next;
      }
      return {
        outcome: {
          ...outcome,
          accepted: true,
          replayed: accepted.replayed,
          accountIds: accepted.accounts.map((account) => account.accountId),
          errorCode: null,
          field: null,
          message: null,
          position: position ? formatPosition(position) : null,
        },
        refusal: null,
      };
    } catch (raw) {
      const error = withInputFieldName(raw);
      const rejected = { ...outcome, accepted: false, replayed: false, accountIds: [], position: null };
      if (error instanceof DomainError) {
        return { outcome: { ...rejected, errorCode: error.code, field: error.field ?? null, message: error.message }, refusal: domainRefusalOf(error, branchOfMemberNo(row.memberNo)) };
      }
      if (error instanceof EventStoreError) return { outcome: { ...rejected, errorCode: error.code, field: null, message: 'the event store refused or could not take the row; retry it' }, refusal: null };
      this.logger.error({ line: row.line ?? null, errorName: error instanceof Error ? error.name : typeof error }, 'opening balance row failed unexpectedly');
      return { outcome: { ...rejected, errorCode: 'INTERNAL', field: null, message: 'Internal error' }, refusal: null };
    }
  }
}
