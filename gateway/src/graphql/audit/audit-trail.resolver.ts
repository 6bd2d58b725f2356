import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AUDIT_TRAIL, type GatewayAuditTrail } from '../../audit/audit-trail';
import { Policy } from '../../auth/access-policy';
import { AuditPolicies } from '../../auth/audit-policies';
import { AuditTrailFilterInput, AuditTrailPageType, type AuditEntryType } from './audit-trail.types';

/**
 * `auditTrail` (issue 6 item 7): every command's actor, role, branch, time, correlation id, type and
 * outcome — accepted commands and refused attempts — for auditors and head office, with keyset
 * paging (`first` 1–500, `after` = a page's endCursor) under the query cost limit (cost ≈ first ×
 * selected fields). Throws INVALID_AUDIT_PAGE for a bad `first` or `after`.
 */
@Resolver()
export class AuditTrailResolver {
  constructor(@Inject(AUDIT_TRAIL) private readonly audit: GatewayAuditTrail) {}

  @Query(() => AuditTrailPageType, { description: 'The audit trail, oldest first: accepted commands and refused attempts.' })
  @Policy(AuditPolicies.readAuditTrail)
  async auditTrail(
    @Args('filter', { type: () => AuditTrailFilterInput, nullable: true }) filter: AuditTrailFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditTrailPageType> {
    const page = await this.audit.reader.page(filter ?? {}, first, after);
    return { entries: page.entries as AuditEntryType[], endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }
}
