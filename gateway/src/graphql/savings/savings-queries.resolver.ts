import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { AccountInterestPaid, AgentDailySheet, BranchInterestPaid, CashBookDay, MemberSavingsSummary, PassbookPage, SavingsAccountRecord } from '@samabay/savings';
import { Policy } from '../../auth/access-policy';
import { SavingsPolicies } from '../../auth/savings-policies';
import { GATEWAY_SERVICES, type GatewayServices } from '../../gateway-services';
import { awaitConsistency } from '../read-consistency';
import { DateScalar } from '../scalars/date.scalar';
import { AccountInterestPaidType, AgentDailySheetType, BranchInterestPaidType, SavingsCashBookType } from './books.type';
import { PassbookType } from './passbook.type';
import { BranchSavingsTotalType, MemberSavingsType, SavingsAccountType, SavingsDayEndStatusType } from './savings-account.type';
import { CollectionStatusEnum, DepositProductEnum, SavingsAccountStatusEnum } from './savings-enums';

const CONSISTENT_WITH = 'A mutation result position: wait (bounded) until the read models include that write.';
const consistentWithArg = { type: () => String, nullable: true, description: CONSISTENT_WITH } as const;

/**
 * Savings queries (issue 4 item 6). They read the savings read models only (never the event store);
 * `consistentWith` first waits for the projection runner to reach a mutation's position.
 */
@Resolver()
export class SavingsQueriesResolver {
  constructor(@Inject(GATEWAY_SERVICES) private readonly services: GatewayServices) {}

  @Query(() => SavingsAccountType, { nullable: true, description: 'One deposit account (e.g. SNG-000123-SD-01); null when unknown.' })
  @Policy(SavingsPolicies.readAccount)
  async savingsAccount(@Args('accountId', { type: () => String }) accountId: string, @Args('consistentWith', consistentWithArg) consistentWith: string | null): Promise<SavingsAccountType | null> {
    await this.consistency(consistentWith);
    const record = await this.services.savings.reader.findAccount(accountId);
    return record ? toAccount(record) : null;
  }

  @Query(() => MemberSavingsType, { description: "A member's deposit accounts and totals by product." })
  @Policy(SavingsPolicies.readMemberSavings)
  async memberSavings(@Args('memberNo', { type: () => String }) memberNo: string, @Args('consistentWith', consistentWithArg) consistentWith: string | null): Promise<MemberSavingsType> {
    await this.consistency(consistentWith);
    return toMemberSavings(await this.services.savings.reader.memberSummary(memberNo));
  }

  @Query(() => PassbookType, { description: "An account's passbook: date, narration, debit, credit, running balance, in print order." })
  @Policy(SavingsPolicies.readAccount)
  async passbook(
    @Args('accountId', { type: () => String }) accountId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('consistentWith', consistentWithArg) consistentWith: string | null,
  ): Promise<PassbookType> {
    await this.consistency(consistentWith);
    return toPassbook(await this.services.savings.reader.passbook({ accountId, first, after }));
  }

  @Query(() => SavingsCashBookType, { description: "A branch's savings cash received and paid on a business day, by category." })
  @Policy(SavingsPolicies.readBranchBooks)
  async savingsCashBook(
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string,
    @Args('businessDate', { type: () => DateScalar }) businessDate: string,
    @Args('consistentWith', consistentWithArg) consistentWith: string | null,
  ): Promise<SavingsCashBookType> {
    await this.consistency(consistentWith);
    return toCashBook(await this.services.savings.reader.cashBook(branchCode, businessDate));
  }

  @Query(() => [AccountInterestPaidType], { description: "Interest credited to a member's accounts per financial year (April–March, e.g. 2025-26)." })
  @Policy(SavingsPolicies.readMemberSavings)
  async memberInterestPaid(
    @Args('memberNo', { type: () => String }) memberNo: string,
    @Args('financialYear', { type: () => String, nullable: true }) financialYear: string | null,
    @Args('consistentWith', consistentWithArg) consistentWith: string | null,
  ): Promise<AccountInterestPaidType[]> {
    await this.consistency(consistentWith);
    return (await this.services.savings.reader.memberInterestPaid(memberNo, financialYear)).map(toAccountInterest);
  }

  @Query(() => [BranchInterestPaidType], { description: 'Interest credited by a branch per financial year and product.' })
  @Policy(SavingsPolicies.readBranchBooks)
  async branchInterestPaid(
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string,
    @Args('financialYear', { type: () => String, nullable: true }) financialYear: string | null,
    @Args('consistentWith', consistentWithArg) consistentWith: string | null,
  ): Promise<BranchInterestPaidType[]> {
    await this.consistency(consistentWith);
    return (await this.services.savings.reader.branchInterestPaid(branchCode, financialYear)).map(toBranchInterest);
  }

  @Query(() => AgentDailySheetType, { description: "A field agent's door-step collections of one day and their totals." })
  @Policy(SavingsPolicies.readBranchBooks)
  async agentDailySheet(
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string,
    @Args('agentId', { type: () => String }) agentId: string,
    @Args('businessDate', { type: () => DateScalar }) businessDate: string,
    @Args('consistentWith', consistentWithArg) consistentWith: string | null,
  ): Promise<AgentDailySheetType> {
    await this.consistency(consistentWith);
    return toAgentSheet(await this.services.savings.reader.agentDailySheet(branchCode, agentId, businessDate));
  }

  @Query(() => [BranchSavingsTotalType], { description: 'Open accounts and balances per branch and product.' })
  @Policy(SavingsPolicies.readBranchTotals)
  async savingsBranchTotals(@Args('consistentWith', consistentWithArg) consistentWith: string | null): Promise<BranchSavingsTotalType[]> {
    await this.consistency(consistentWith);
    return (await this.services.savings.reader.branchTotals()).map((total) => ({ ...total, product: total.product as DepositProductEnum, balance: total.balancePaise }));
  }

  @Query(() => SavingsDayEndStatusType, { description: "The branch's savings day-end checkpoint." })
  @Policy(SavingsPolicies.readBranchBooks)
  async savingsDayEndStatus(
    @Args('branchCode', { type: () => String, nullable: true }) branchCode: string,
    @Args('consistentWith', consistentWithArg) consistentWith: string | null,
  ): Promise<SavingsDayEndStatusType> {
    await this.consistency(consistentWith);
    return { branchCode, closedThrough: await this.services.savings.reader.lastClosedDay(branchCode) };
  }

  private consistency(consistentWith: string | null): Promise<void> {
    return awaitConsistency(this.services.runner, consistentWith, this.services.config.consistencyTimeoutMs);
  }
}

function toAccount(record: SavingsAccountRecord): SavingsAccountType {
  const { recurring } = record;
  return {
    accountId: record.accountId,
    memberNo: record.memberNo,
    branchCode: record.branchCode,
    product: record.product as DepositProductEnum,
    status: record.status as SavingsAccountStatusEnum,
    openedOn: record.openedOn,
    closedOn: record.closedOn,
    balance: record.balancePaise,
    unpostedInterest: record.unpostedInterestPaise,
    pendingCollections: record.pendingCollectionsPaise,
    lastCustomerActivityOn: record.lastCustomerActivityOn,
    recurringDeposit: recurring && {
      instalment: recurring.instalmentPaise,
      tenureYears: recurring.tenureYears,
      instalmentCount: recurring.instalmentCount,
      instalmentsPaid: recurring.instalmentsPaid,
      maturityDate: recurring.maturityDate,
      maturityValue: recurring.maturityValuePaise,
      finesOutstanding: recurring.finesOutstandingPaise,
    },
    termDeposit: record.termDeposit && {
      tenureMonths: record.termDeposit.tenureMonths,
      annualRatePercent: record.termDeposit.annualRatePercent,
      maturityDate: record.termDeposit.maturityDate,
      maturityValue: record.termDeposit.maturityValuePaise,
      monthlyIncome: record.termDeposit.monthlyIncomePaise,
      incomeMonthsPaid: record.termDeposit.incomeMonthsPaid,
      payoutAccountId: record.termDeposit.payoutAccountId,
    },
  };
}

function toMemberSavings(summary: MemberSavingsSummary): MemberSavingsType {
  return {
    memberNo: summary.memberNo,
    accounts: summary.accounts.map(toAccount),
    savingsDeposit: summary.savingsDepositPaise,
    thriftFund: summary.thriftFundPaise,
    recurringDeposit: summary.recurringDepositPaise,
    fixedDeposit: summary.fixedDepositPaise,
    monthlyIncome: summary.monthlyIncomePaise,
    total: summary.totalPaise,
    finesOutstanding: summary.finesOutstandingPaise,
  };
}

function toPassbook(page: PassbookPage): PassbookType {
  return {
    accountId: page.accountId,
    entries: page.entries.map((entry) => ({
      entryNo: entry.entryNo,
      date: entry.businessDate,
      category: entry.category,
      narration: entry.narration,
      debit: entry.debitPaise,
      credit: entry.creditPaise,
      balance: entry.balancePaise,
    })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

function toCashBook(day: CashBookDay): SavingsCashBookType {
  return {
    branchCode: day.branchCode,
    businessDate: day.businessDate,
    lines: day.lines.map((line) => ({ category: line.category, receipts: line.receiptsPaise, payments: line.paymentsPaise, entries: line.entries })),
    receipts: day.receiptsPaise,
    payments: day.paymentsPaise,
  };
}

function toAccountInterest(row: AccountInterestPaid): AccountInterestPaidType {
  return { financialYear: row.financialYear, accountId: row.accountId, product: row.product as DepositProductEnum, interest: row.interestPaise };
}

function toBranchInterest(row: BranchInterestPaid): BranchInterestPaidType {
  return { financialYear: row.financialYear, branchCode: row.branchCode, product: row.product as DepositProductEnum, accounts: row.accounts, interest: row.interestPaise };
}

function toAgentSheet(sheet: AgentDailySheet): AgentDailySheetType {
  return {
    branchCode: sheet.branchCode,
    agentId: sheet.agentId,
    businessDate: sheet.businessDate,
    collections: sheet.collections.map((collection) => ({
      collectionId: collection.collectionId,
      accountId: collection.accountId,
      memberNo: collection.memberNo,
      amount: collection.amountPaise,
      status: collection.status as CollectionStatusEnum,
      settledOn: collection.settledOn,
      counted: collection.countedPaise,
      difference: collection.differencePaise,
    })),
    recorded: sheet.recordedPaise,
    verified: sheet.verifiedPaise,
    disputed: sheet.disputedPaise,
    pending: sheet.pendingPaise,
    difference: sheet.differencePaise,
  };
}
