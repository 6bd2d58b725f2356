import { Inject, Logger } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, ValidationError, type Actor } from '@samabay/domain-kit';
import { EventStoreError, formatPosition } from '@samabay/event-store';
import { AUDIT_TRAIL, type GatewayAuditTrail } from '../../audit/audit-trail';
import { domainRefusalOf, recordDomainRefusals, type DomainRefusal } from '../../audit/record-domain-refusals';
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
 * and the outcomes come back in input order. Every row the domain refused is recorded in the audit
 * trail (code, field, the row's branch — never the row) before the answer is returned.
 */
@Resolver()
export class ImportMembersResolver {
  private readonly logger = new Logger(ImportMembersResolver.name);

  constructor(
    @Inject(GATEWAY_SERVICES) private readonly services: GatewayServices,
    @Inject(AUDIT_TRAIL) private readonly audit: GatewayAuditTrail,
  ) {}

  @Mutation(() => [ImportMemberOutcomeType], { description: `Import up to ${MAX_IMPORT_ROWS} register rows; one command and one outcome per row.` })
  @Policy(Policies.importMembers)
  async importMembers(
    @Args('rows', { type: () => [ImportMemberInput] }) rows: ImportMemberInput[],
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLRequestContext,
  ): Promise<ImportMemberOutcomeType[]> {
    if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError('rows', `at most ${MAX_IMPORT_ROWS} rows per call; split the file into batches`, 'TOO_MANY_ROWS');
    const results = await mapWithConcurrency(rows, IMPORT_CONCURRENCY, (row) => this.importRow(row, actor, context.req.id));
    const refused = results.flatMap((result) => (result.refusal ? [result.refusal] : []));
    await recordDomainRefusals(this.audit.refusals, this.services.logger, { operation: 'importMembers', actor, requestId: context.req.id }, refused);
    return results.map((result) => result.outcome);
  }

  /** One row's outcome, and the refusal to record when the domain refused it (a store failure or a bug is not a refusal). */
  private async importRow(row: ImportMemberInput, actor: Actor, requestId: unknown): Promise<{ outcome: ImportMemberOutcomeType; refusal: DomainRefusal | null }> {
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
      const position = accepted.position ? formatPosition(accepted.position) : null;
      return { outcome: { ...outcome, accepted: true, replayed: accepted.replayed, errorCode: null, field: null, message: null, position }, refusal: null };
    } catch (error) {
      const rejected = { ...outcome, accepted: false, replayed: false, position: null };
      if (error instanceof DomainError) {
        return { outcome: { ...rejected, errorCode: error.code, field: error.field ?? null, message: error.message }, refusal: domainRefusalOf(error, row.branchCode) };
      }
      if (error instanceof EventStoreError) {
        return { outcome: { ...rejected, errorCode: error.code, field: null, message: 'the event store refused or could not take the row; retry it' }, refusal: null };
      }
      this.logger.error({ line: row.line ?? null, errorName: error instanceof Error ? error.name : typeof error }, 'import row failed unexpectedly');
      return { outcome: { ...rejected, errorCode: 'INTERNAL', field: null, message: 'Internal error' }, refusal: null };
    }
  }
}
