import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { encodeMemberCursor, type BranchSummary, type MemberRecord } from '@samabay/membership';
import { Policy } from '../../auth/access-policy';
import { Policies } from '../../auth/policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { awaitConsistency } from '../read-consistency';
import { BranchSummaryType } from '../types/branch-summary.type';
import { MemberStatusEnum } from '../types/member-status.enum';
import { MemberConnectionType, MemberType } from '../types/member.type';

const CONSISTENT_WITH = 'A CommandResult.position: wait (bounded) until the read models include that write.';

/**
 * Membership queries. They read the read models only (never the event store); `consistentWith`
 * first waits for the projection runner to reach a mutation's position so a client reads its own write.
 */
@Resolver()
export class MembershipQueriesResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Query(() => MemberConnectionType, { description: 'Members in member-number order, filtered, one page at a time (cursor pagination).' })
  @Policy(Policies.listMembers)
  async members(
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string | null,
    @Args('status', { type: () => MemberStatusEnum, nullable: true }) status: MemberStatusEnum | null,
    @Args('search', { type: () => String, nullable: true, description: 'Part of the member number or name, any case.' }) search: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<MemberConnectionType> {
    await this.consistency(consistentWith);
    const page = await this.services.membership.reader.listMembers({ branchCode, status, search, first, after });
    const edges = page.nodes.map((node) => ({ cursor: encodeMemberCursor(node.memberNo), node: toMember(node) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor }, totalCount: page.totalCount };
  }

  @Query(() => MemberType, { nullable: true, description: 'One member by member number (e.g. SNG-000123); null when unknown.' })
  @Policy(Policies.readMember)
  async member(
    @Args('memberNo', { type: () => String }) memberNo: string,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<MemberType | null> {
    await this.consistency(consistentWith);
    const record = await this.services.membership.reader.findMember(memberNo);
    return record ? toMember(record) : null;
  }

  @Query(() => [BranchSummaryType], { description: 'Members by status and share capital of every branch.' })
  @Policy(Policies.readBranchSummaries)
  async branchSummaries(
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<BranchSummaryType[]> {
    await this.consistency(consistentWith);
    return (await this.services.membership.reader.branchSummaries()).map(toBranchSummary);
  }

  private consistency(consistentWith: string | null): Promise<void> {
    return awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
  }
}

function toMember(record: MemberRecord): MemberType {
  return {
    memberNo: record.memberNo,
    branchCode: record.branchCode,
    status: record.status as MemberStatusEnum,
    sharesHeld: record.sharesHeld,
    shareCapital: record.shareCapitalPaise,
    admissionDate: record.admissionDate,
    fullName: record.fullName,
    dateOfBirth: record.dateOfBirth,
    phone: record.phone,
    locality: record.locality,
    nomineeName: record.nomineeName,
    nomineeRelation: record.nomineeRelation,
    personalDataForgotten: record.personalDataForgotten,
  };
}

function toBranchSummary(summary: BranchSummary): BranchSummaryType {
  return { ...summary, shareCapital: summary.shareCapitalPaise };
}
