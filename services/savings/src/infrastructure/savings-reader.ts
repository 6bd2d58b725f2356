import { ValidationError, type IsoDate } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import { isFinancialYear } from '../domain/calendar/financial-year';
import { requireBranchCode } from '../domain/day-end/branch-day-end';
import { parseAccountId } from '../domain/shared/account-ids';
import { requireIsoDate } from '../domain/shared/business-dates';
import { requireMemberNo } from '../domain/shared/member-number';
import type { MemberStandingRecord } from '../domain/shared/member-standing';
import {
  branchSavingsTotals,
  dayEndCandidates,
  findAccount,
  lastClosedDay,
  memberSavingsSummary,
  memberStanding,
  type BranchSavingsTotal,
  type DayEndCandidateScope,
  type DayEndCandidate,
  type MemberSavingsSummary,
  type SavingsAccountRecord,
} from './account-reader';
import { agentDailySheet, type AgentDailySheet } from './collection-reader';
import {
  branchInterestPaid,
  cashBookDay,
  DEFAULT_PASSBOOK_PAGE,
  memberInterestPaid,
  passbookPage,
  type AccountInterestPaid,
  type BranchInterestPaid,
  type CashBookDay,
  type PassbookPage,
} from './passbook-reader';
import { openMonthlyIncomeDeposits, type MonthlyIncomeDepositRow } from './monthly-income-reader';
import { savingsTables, type SavingsTables } from './read-model-schema';

/**
 * Queries over the savings read models (eventually consistent with the events: a caller that must see
 * its own write waits for the projection runner first). Arguments are checked and rejected with a
 * ValidationError naming the field: INVALID_ACCOUNT_ID (accountId), INVALID_MEMBER_NO (memberNo),
 * INVALID_BRANCH_CODE (branchCode), BAD_DATE (businessDate), INVALID_FINANCIAL_YEAR (financialYear),
 * INVALID_AGENT_ID (agentId), INVALID_PAGE_SIZE (first), INVALID_CURSOR (after).
 */
export interface SavingsReader {
  /** One account, or null when the read model has none (yet). */
  findAccount(accountId: string): Promise<SavingsAccountRecord | null>;
  /** The member's accounts and totals by product. */
  memberSummary(memberNo: string): Promise<MemberSavingsSummary>;
  /** Open accounts and balances per branch and product. */
  branchTotals(): Promise<BranchSavingsTotal[]>;
  /** One page of the account's passbook (first 1–500, default 50). */
  passbook(query: { readonly accountId: string; readonly first?: number | null; readonly after?: string | null }): Promise<PassbookPage>;
  /** The branch's cash received and paid on a business day. */
  cashBook(branchCode: string, businessDate: IsoDate): Promise<CashBookDay>;
  /** Interest credited to each of the member's accounts per financial year ('2025-26'; null = every year). */
  memberInterestPaid(memberNo: string, financialYear?: string | null): Promise<AccountInterestPaid[]>;
  /** Interest credited by the branch per financial year and product. */
  branchInterestPaid(branchCode: string, financialYear?: string | null): Promise<BranchInterestPaid[]>;
  /** An agent's collections of one day in one branch. */
  agentDailySheet(branchCode: string, agentId: string, businessDate: IsoDate): Promise<AgentDailySheet>;
  /** The last business date the branch's savings day-end closed (null before the first). */
  lastClosedDay(branchCode: string): Promise<IsoDate | null>;
  /** Savings' copy of a member's status and branch (null when unknown to savings). */
  memberStanding(memberNo: string): Promise<MemberStandingRecord | null>;
  /** Accounts the day-end may have work for (see dayEndCandidates in account-reader.ts). */
  dayEndCandidates(branchCode: string, businessDate: IsoDate, scope: DayEndCandidateScope): Promise<DayEndCandidate[]>;
  /** The branch's open Monthly Income Scheme deposits opened on or before the date (see monthly-income-reader.ts). */
  openMonthlyIncomeDeposits(branchCode: string, businessDate: IsoDate): Promise<MonthlyIncomeDepositRow[]>;
}

/** The SQL SavingsReader over the tables of the savings projections in `schema` (default 'savings_rm'). */
export class SqlSavingsReader implements SavingsReader {
  private readonly tables: SavingsTables;

  constructor(
    private readonly db: SqlExecutor,
    schema?: string,
  ) {
    this.tables = savingsTables(schema);
  }

  findAccount(accountId: string): Promise<SavingsAccountRecord | null> {
    parseAccountId(accountId);
    return findAccount(this.db, this.tables, accountId);
  }

  memberSummary(memberNo: string): Promise<MemberSavingsSummary> {
    return memberSavingsSummary(this.db, this.tables, requireMemberNo(memberNo));
  }

  branchTotals(): Promise<BranchSavingsTotal[]> {
    return branchSavingsTotals(this.db, this.tables);
  }

  passbook(query: { readonly accountId: string; readonly first?: number | null; readonly after?: string | null }): Promise<PassbookPage> {
    parseAccountId(query.accountId);
    return passbookPage(this.db, this.tables, query.accountId, query.first ?? DEFAULT_PASSBOOK_PAGE, query.after ?? null);
  }

  cashBook(branchCode: string, businessDate: IsoDate): Promise<CashBookDay> {
    return cashBookDay(this.db, this.tables, requireBranchCode(branchCode), requireIsoDate(businessDate, 'businessDate'));
  }

  memberInterestPaid(memberNo: string, financialYear: string | null = null): Promise<AccountInterestPaid[]> {
    return memberInterestPaid(this.db, this.tables, requireMemberNo(memberNo), optionalFinancialYear(financialYear));
  }

  branchInterestPaid(branchCode: string, financialYear: string | null = null): Promise<BranchInterestPaid[]> {
    return branchInterestPaid(this.db, this.tables, requireBranchCode(branchCode), optionalFinancialYear(financialYear));
  }

  agentDailySheet(branchCode: string, agentId: string, businessDate: IsoDate): Promise<AgentDailySheet> {
    if (typeof agentId !== 'string' || agentId.trim() === '' || agentId.length > 100) throw new ValidationError('agentId', 'agentId must be a non-blank id of at most 100 characters', 'INVALID_AGENT_ID');
    return agentDailySheet(this.db, this.tables, requireBranchCode(branchCode), agentId, requireIsoDate(businessDate, 'businessDate'));
  }

  lastClosedDay(branchCode: string): Promise<IsoDate | null> {
    return lastClosedDay(this.db, this.tables, requireBranchCode(branchCode));
  }

  memberStanding(memberNo: string): Promise<MemberStandingRecord | null> {
    return memberStanding(this.db, this.tables, requireMemberNo(memberNo));
  }

  dayEndCandidates(branchCode: string, businessDate: IsoDate, scope: DayEndCandidateScope): Promise<DayEndCandidate[]> {
    return dayEndCandidates(this.db, this.tables, requireBranchCode(branchCode), requireIsoDate(businessDate, 'businessDate'), scope);
  }

  openMonthlyIncomeDeposits(branchCode: string, businessDate: IsoDate): Promise<MonthlyIncomeDepositRow[]> {
    return openMonthlyIncomeDeposits(this.db, this.tables, requireBranchCode(branchCode), requireIsoDate(businessDate, 'businessDate'));
  }
}

function optionalFinancialYear(financialYear: string | null): string | null {
  if (financialYear === null) return null;
  if (!isFinancialYear(financialYear)) throw new ValidationError('financialYear', 'financialYear must look like 2025-26 (April to March)', 'INVALID_FINANCIAL_YEAR');
  return financialYear;
}
