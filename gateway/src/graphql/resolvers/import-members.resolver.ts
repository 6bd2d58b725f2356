import { Inject, Logger } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, ValidationError, type Actor } from '@samabay/domain-kit';
import { EventStoreError, formatPosition } from '@samabay/event-store';
import { Policy } from '../../auth/access-policy';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Policies } from '../../auth/policies';
import type { GraphQLRequestContext } from '../../auth/request-actor';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { commandContext } from '../command-context';
import { mapWithConcurrency } from '../map-with-concurrency';
import { ImportMemberOutcomeType } from '../types/command-result.type';
import { ImportMemberInput } from '../types/inputs';

/** Most rows one importMembers call may carry (the GraphQL contract). */
export const MAX_IMPORT_ROWS = 500;
/** Rows in flight at once: enough to keep the command path busy, few enough not to starve queries. */
export const IMPORT_CONCURRENCY = 8;

/**
 * importMembers: migrates rows of the legacy member register. Each row is its own ImportMember
 * command (business date = admission date, the row's idempotency key), so a row's rejection never
 * affects another row and re-sending a file appends nothing new. Rows run with bounded concurrency
 * and the outcomes come back in input order.
 */
@Resolver()
export class ImportMembersResolver {
  private readonly logger = new Logger(ImportMembersResolver.name);

  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Mutation(() => [ImportMemberOutcomeType], { description: `Import up to ${MAX_IMPORT_ROWS} register rows; one command and one outcome per row.` })
  @Policy(Policies.importMembers)
  async importMembers(
    @Args('rows', { type: () => [ImportMemberInput] }) rows: ImportMemberInput[],
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLRequestContext,
  ): Promise<ImportMemberOutcomeType[]> {
    if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError('rows', `at most ${MAX_IMPORT_ROWS} rows per call; split the file into batches`, 'TOO_MANY_ROWS');
    return mapWithConcurrency(rows, IMPORT_CONCURRENCY, (row) => this.importRow(row, actor, context.req.id));
  }

  private async importRow(row: ImportMemberInput, actor: Actor, requestId: unknown): Promise<ImportMemberOutcomeType> {
    const outcome = { line: row.line ?? null, memberNo: row.memberNo };
    // PGlite runs in this thread and its queries resolve as microtasks: without a macrotask turn per
    // row a 500-row call would hold the event loop for seconds (no /health, no other request).
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const accepted = await this.services.membership.commands.importMember(
        {
          memberNo: row.memberNo,
          branchCode: row.branchCode,
          admissionDate: row.admissionDate,
          personal: row.personal,
          nominee: row.nominee ?? null,
          sharesHeld: row.sharesHeld,
          status: row.status,
        },
        commandContext(actor, { idempotencyKey: row.idempotencyKey, businessDate: row.admissionDate }, requestId),
      );
      return { ...outcome, accepted: true, replayed: accepted.replayed, errorCode: null, field: null, message: null, position: accepted.position ? formatPosition(accepted.position) : null };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ...outcome, accepted: false, replayed: false, errorCode: error.code, field: error.field ?? null, message: error.message, position: null };
      }
      if (error instanceof EventStoreError) {
        return { ...outcome, accepted: false, replayed: false, errorCode: error.code, field: null, message: 'the event store refused or could not take the row; retry it', position: null };
      }
      this.logger.error({ line: row.line ?? null, errorName: error instanceof Error ? error.name : typeof error }, 'import row failed unexpectedly');
      return { ...outcome, accepted: false, replayed: false, errorCode: 'INTERNAL', field: null, message: 'Internal error', position: null };
    }
  }
}
