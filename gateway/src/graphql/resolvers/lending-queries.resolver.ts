import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { todayInKolkata, ValidationError } from '@samabay/domain-kit';
import type { ForeclosureQuote } from '@samabay/lending';
import { Policy } from '../../auth/access-policy';
import { Policies } from '../../auth/policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { awaitConsistency } from '../read-consistency';
import { DateScalar } from '../scalars/date.scalar';
import { toBranchPortfolio, toCollectionSheet, toLoanStatement, toMemberLoanSummary } from '../types/lending/lending-mappers';
import {
  BranchPortfolioType,
  CollectionSheetType,
  ForeclosureQuoteType,
  LoanDayEndStatusType,
  MemberLoanSummaryType,
} from '../types/lending/lending-reports.type';
import { LoanStatementType } from '../types/lending/loan-statement.type';

const CONSISTENT_WITH = 'A CommandResult.position: wait (bounded) until the read models include that write.';
const AS_OF = 'The date arrears and days past due are computed for (YYYY-MM-DD); default today in Kolkata.';

/**
 * Lending queries (issue 5 item 5). They read the lending read models only; `consistentWith` first
 * waits for the projection runner to reach a mutation's position so a client reads its own write.
 */
@Resolver()
export class LendingQueriesResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Query(() => LoanStatementType, { nullable: true, description: 'The loan account statement: schedule vs actual, arrears, totals and history; null when unknown.' })
  @Policy(Policies.readLoan)
  async loan(
    @Args('loanId', { type: () => String }) loanId: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: AS_OF }) asOf: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<LoanStatementType | null> {
    await this.consistency(consistentWith);
    const statement = await this.services.lending.reader.loanStatement(loanId, asOf ?? this.today());
    return statement && toLoanStatement(statement);
  }

  @Query(() => MemberLoanSummaryType, { description: "A member's loans, what is outstanding and overdue, and the borrower-wise asset class." })
  @Policy(Policies.readMemberLoans)
  async memberLoans(
    @Args('memberNo', { type: () => String }) memberNo: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: AS_OF }) asOf: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<MemberLoanSummaryType> {
    await this.consistency(consistentWith);
    return toMemberLoanSummary(await this.services.lending.reader.memberLoans(memberNo, asOf ?? this.today()));
  }

  @Query(() => BranchPortfolioType, { description: "A branch's gross loan portfolio, PAR30/PAR90 (balance-weighted) and asset classes." })
  @Policy(Policies.readBranchLoans)
  async branchPortfolio(
    @Args('branchCode', { type: () => String, nullable: true, description: "Default: a branch-bound caller's own branch." }) branchCode: string | null,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: "Default: the branch's last lending day-end, else today." }) asOf: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<BranchPortfolioType> {
    await this.consistency(consistentWith);
    const branch = requireBranch(branchCode);
    const date = asOf ?? (await this.services.lending.reader.dayEndState(branch)).lastCompleted ?? this.today();
    return toBranchPortfolio(await this.services.lending.reader.branchPortfolio(branch, date));
  }

  @Query(() => CollectionSheetType, { description: 'What to collect at a branch on a business date: instalments due that day and overdue ones.' })
  @Policy(Policies.readBranchLoans)
  async collectionSheet(
    @Args('branchCode', { type: () => String, nullable: true, description: "Default: a branch-bound caller's own branch." }) branchCode: string | null,
    @Args('businessDate', { type: () => DateScalar }) businessDate: string,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<CollectionSheetType> {
    await this.consistency(consistentWith);
    return toCollectionSheet(await this.services.lending.reader.collectionSheet(requireBranch(branchCode), businessDate));
  }

  @Query(() => ForeclosureQuoteType, { description: 'What closes the loan on a business date; a repayment of `total` that day leaves nothing outstanding.' })
  @Policy(Policies.readLoan)
  async loanForeclosureQuote(
    @Args('loanId', { type: () => String }) loanId: string,
    @Args('businessDate', { type: () => DateScalar }) businessDate: string,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<ForeclosureQuoteType> {
    await this.consistency(consistentWith);
    return toQuote(loanId, await this.services.lending.reader.foreclosureQuote(loanId, businessDate));
  }

  @Query(() => LoanDayEndStatusType, { description: "The first and last business date of the branch's completed lending day-ends." })
  @Policy(Policies.readBranchLoans)
  async loanDayEndStatus(
    @Args('branchCode', { type: () => String, nullable: true, description: "Default: a branch-bound caller's own branch." }) branchCode: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH }) consistentWith: string | null,
  ): Promise<LoanDayEndStatusType> {
    await this.consistency(consistentWith);
    const branch = requireBranch(branchCode);
    return { branchCode: branch, ...(await this.services.lending.reader.dayEndState(branch)) };
  }

  private consistency(consistentWith: string | null): Promise<void> {
    return awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
  }

  private today(): string {
    return todayInKolkata(() => new Date());
  }
}

/** @throws ValidationError BRANCH_REQUIRED when a caller who is not branch-bound names no branch. */
function requireBranch(branchCode: string | null): string {
  if (branchCode === null || branchCode === undefined) throw new ValidationError('branchCode', 'name the branch', 'BRANCH_REQUIRED');
  return branchCode;
}

function toQuote(loanId: string, quote: ForeclosureQuote): ForeclosureQuoteType {
  return {
    loanId,
    businessDate: quote.businessDate,
    principal: quote.principalPaise,
    interest: quote.interestPaise,
    accruedInterest: quote.accruedInterestPaise,
    penalty: quote.penaltyPaise,
    total: quote.totalPaise,
  };
}
