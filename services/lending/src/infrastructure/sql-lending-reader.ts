import { DomainError, parseIsoDate, ValidationError, type IsoDate } from '@samabay/domain-kit';
import type { SqlExecutor } from '@samabay/sql';
import type { BorrowerFactsSource, DayEndSource, LoanToAge } from '../application/lending-ports';
import { smaClassFor, type AssetClass } from '../domain/arrears/asset-classification';
import { arrearsOn, instalmentDaysPastDue } from '../domain/arrears/days-past-due';
import { portfolioAtRisk } from '../domain/arrears/portfolio-at-risk';
import type { LendingDayEndState } from '../domain/day-end/day-end-events';
import { quoteLoanForeclosure } from '../domain/loan/decide-repayment';
import type { EligibilityFacts, GuarantorFact } from '../domain/loan/loan-commands';
import type { LoanSnapshot, LoanStatus } from '../domain/loan/loan-state';
import { annualRatePercent } from '../domain/product/interest-rate';
import type { LoanPurpose } from '../domain/product/loan-purpose';
import type { ForeclosureQuote } from '../domain/repayment/foreclosure';
import { isSettled, unpaidPenalty, type InstalmentPosition } from '../domain/repayment/instalment-position';
import type {
  BranchPortfolio,
  CollectionSheet,
  CollectionSheetEntry,
  InstalmentStatus,
  LoanStatement,
  MemberLoanSummary,
  StatementInstalment,
  StatementScheduleRevision,
  StatementTransaction,
} from './lending-read-models';
import type { LoanTransactionKind } from './loan-transaction-row';
import { lendingTables, type LendingTables } from './read-model-schema';

/** Queries over the lending read models (eventually consistent with the events; see the runner's waitForPosition). */
export interface LendingReader {
  /** The loan account statement on `asOf` (arrears computed for that date), or null for an unknown loan. @throws ValidationError BAD_DATE (asOf). */
  loanStatement(loanId: string, asOf: IsoDate): Promise<LoanStatement | null>;
  /** The member's loans on `asOf` (empty for a member without loans). @throws ValidationError INVALID_MEMBER_NO, BAD_DATE. */
  memberLoans(memberNo: string, asOf: IsoDate): Promise<MemberLoanSummary>;
  /** The branch's portfolio on `asOf`. @throws ValidationError INVALID_BRANCH_CODE, BAD_DATE. */
  branchPortfolio(branchCode: string, asOf: IsoDate): Promise<BranchPortfolio>;
  /** The branch's collection sheet for `businessDate`. @throws ValidationError INVALID_BRANCH_CODE, BAD_DATE. */
  collectionSheet(branchCode: string, businessDate: IsoDate): Promise<CollectionSheet>;
  /**
   * What closes the loan on `businessDate` (the domain's quote over the projected decider state, so it
   * equals what a repayment of that amount on that date does). @throws DomainError LOAN_NOT_FOUND and the
   * rejections of quoteLoanForeclosure (LOAN_NOT_DISBURSED, LOAN_NOT_ACTIVE, BUSINESS_DATE_BEFORE_…).
   */
  foreclosureQuote(loanId: string, businessDate: IsoDate): Promise<ForeclosureQuote>;
  /** The branch's lending day-end progress (nulls before the first run). @throws ValidationError INVALID_BRANCH_CODE. */
  dayEndState(branchCode: string): Promise<LendingDayEndState>;
}

const BRANCH_CODE = /^[A-Z]{3}$/;
const MEMBER_NO = /^[A-Z]{3}-\d{6}$/;
const SEVERITY: Readonly<Record<AssetClass, number>> = { STANDARD: 0, SUB_STANDARD: 1, DOUBTFUL: 2, LOSS: 3 };
const ASSET_CLASSES: readonly AssetClass[] = ['STANDARD', 'SUB_STANDARD', 'DOUBTFUL', 'LOSS'];

interface AccountRow {
  loan_id: string;
  member_no: string;
  status: LoanStatus;
  ended_on: string | null;
  principal_outstanding_paise: string;
  disbursed_paise: string;
  repaid_paise: string;
  principal_paid_paise: string;
  interest_paid_paise: string;
  penalty_paid_paise: string;
  penalty_charged_paise: string;
  excess_refunded_paise: string;
  written_off_paise: string;
  state: LoanSnapshot;
}

interface AgedRow {
  loan_id: string;
  member_no: string;
  product_code: string;
  purpose: LoanPurpose;
  status: LoanStatus;
  amount_paise: string;
  disbursed_on: string | null;
  principal_outstanding_paise: string;
  asset_class: AssetClass;
  npa_since: string | null;
  oldest_overdue: string | null;
  overdue_paise: string | null;
}

/**
 * The SQL LendingReader (and the application's BorrowerFactsSource and DayEndSource) over the tables of
 * the lending projections in `schema` (default 'lending_rm').
 */
export class SqlLendingReader implements LendingReader, BorrowerFactsSource, DayEndSource {
  private readonly tables: LendingTables;

  constructor(
    private readonly db: SqlExecutor,
    schema?: string,
  ) {
    this.tables = lendingTables(schema);
  }

  async loanStatement(loanId: string, asOf: IsoDate): Promise<LoanStatement | null> {
    const date = parseIsoDate(asOf, 'asOf');
    const { rows } = await this.db.query<AccountRow>(
      `SELECT loan_id, member_no, status, ended_on, principal_outstanding_paise, disbursed_paise, repaid_paise, principal_paid_paise, interest_paid_paise,
              penalty_paid_paise, penalty_charged_paise, excess_refunded_paise, written_off_paise, state
       FROM ${this.tables.loanAccount} WHERE loan_id = $1`,
      [loanId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    const loan = row.state;
    const [transactions, scheduleRevisions] = await Promise.all([this.transactions(loanId), this.scheduleRevisions(loanId)]);
    const open = loan.status === 'ACTIVE';
    const arrears = open ? arrearsOn(loan.instalments, date) : { daysPastDue: 0, oldestOverdueDueDate: null, overduePrincipalPaise: 0, overdueInterestPaise: 0 };
    return {
      loanId: loan.loanId,
      memberNo: loan.memberNo,
      branchCode: loan.branchCode,
      productCode: loan.productCode,
      purpose: loan.purpose,
      status: loan.status,
      amountPaise: loan.amountPaise,
      numberOfInstalments: loan.numberOfInstalments,
      rate: loan.rate,
      annualRatePercent: annualRatePercent(loan.rate),
      appliedOn: loan.appliedOn,
      approvedOn: loan.approvedOn,
      approvedBy: loan.approvedBy,
      disbursedOn: loan.disbursedOn,
      endedOn: row.ended_on,
      writeOffRequestedBy: loan.writeOffRequestedBy,
      asOf: date,
      principalOutstandingPaise: Number(row.principal_outstanding_paise),
      totals: {
        disbursedPaise: Number(row.disbursed_paise),
        repaidPaise: Number(row.repaid_paise),
        principalPaidPaise: Number(row.principal_paid_paise),
        interestPaidPaise: Number(row.interest_paid_paise),
        penaltyPaidPaise: Number(row.penalty_paid_paise),
        penaltyChargedPaise: Number(row.penalty_charged_paise),
        excessRefundedPaise: Number(row.excess_refunded_paise),
        writtenOffPaise: Number(row.written_off_paise),
        scheduledInterestPaise: loan.instalments.reduce((sum, instalment) => sum + instalment.interestPaise, 0),
      },
      arrears: {
        ...arrears,
        penaltyDuePaise: open ? loan.instalments.reduce((sum, instalment) => sum + unpaidPenalty(instalment), 0) : 0,
        smaClass: open && loan.arrears.npaSince === null ? smaClassFor(arrears.daysPastDue) : null,
        assetClass: loan.arrears.assetClass,
        npaSince: loan.arrears.npaSince,
        ownNpaSince: loan.arrears.ownNpaSince,
        lossMarked: loan.arrears.lossMarked,
      },
      instalments: loan.instalments.map((instalment) => toStatementInstalment(instalment, date, loan.status)),
      transactions,
      scheduleRevisions,
    };
  }

  async memberLoans(memberNo: string, asOf: IsoDate): Promise<MemberLoanSummary> {
    if (typeof memberNo !== 'string' || !MEMBER_NO.test(memberNo)) throw new ValidationError('memberNo', 'member number must look like SNG-000123', 'INVALID_MEMBER_NO');
    const date = parseIsoDate(asOf, 'asOf');
    const rows = await this.agedLoans('a.member_no = $1', memberNo, date, false);
    const open = rows.filter((row) => row.status === 'ACTIVE');
    const loans = rows.map((row) => ({
      loanId: row.loan_id,
      productCode: row.product_code,
      purpose: row.purpose,
      status: row.status,
      amountPaise: Number(row.amount_paise),
      disbursedOn: row.disbursed_on,
      principalOutstandingPaise: Number(row.principal_outstanding_paise),
      daysPastDue: row.status === 'ACTIVE' ? daysPastDueOf(row, date) : 0,
      assetClass: row.asset_class,
      npaSince: row.npa_since,
    }));
    return {
      memberNo,
      asOf: date,
      openLoans: open.length,
      principalOutstandingPaise: open.reduce((sum, row) => sum + Number(row.principal_outstanding_paise), 0),
      overduePaise: open.reduce((sum, row) => sum + Number(row.overdue_paise ?? 0), 0),
      assetClass: open.reduce<AssetClass>((worst, row) => (SEVERITY[row.asset_class] > SEVERITY[worst] ? row.asset_class : worst), 'STANDARD'),
      npaSince: open.reduce<string | null>((earliest, row) => (row.npa_since !== null && (earliest === null || row.npa_since < earliest) ? row.npa_since : earliest), null),
      loans,
    };
  }

  async branchPortfolio(branchCode: string, asOf: IsoDate): Promise<BranchPortfolio> {
    requireBranchCode(branchCode);
    const date = parseIsoDate(asOf, 'asOf');
    const rows = await this.agedLoans('a.branch_code = $1', branchCode, date, true);
    const loans = rows.map((row) => ({ principalOutstandingPaise: Number(row.principal_outstanding_paise), daysPastDue: daysPastDueOf(row, date), row }));
    const npa = loans.filter((loan) => loan.row.npa_since !== null);
    return {
      branchCode,
      asOf: date,
      activeLoans: loans.length,
      grossPortfolioPaise: loans.reduce((sum, loan) => sum + loan.principalOutstandingPaise, 0),
      overdueLoans: loans.filter((loan) => loan.daysPastDue > 0).length,
      par30: portfolioAtRisk(loans, 30),
      par90: portfolioAtRisk(loans, 90),
      npaLoans: npa.length,
      npaOutstandingPaise: npa.reduce((sum, loan) => sum + loan.principalOutstandingPaise, 0),
      byAssetClass: ASSET_CLASSES.map((assetClass) => {
        const inClass = loans.filter((loan) => loan.row.asset_class === assetClass);
        return { assetClass, loans: inClass.length, principalOutstandingPaise: inClass.reduce((sum, loan) => sum + loan.principalOutstandingPaise, 0) };
      }),
    };
  }

  async collectionSheet(branchCode: string, businessDate: IsoDate): Promise<CollectionSheet> {
    requireBranchCode(branchCode);
    const date = parseIsoDate(businessDate, 'businessDate');
    const { rows } = await this.db.query<{
      loan_id: string;
      member_no: string;
      due_today: string;
      overdue: string;
      penalty_due: string;
      oldest_overdue: string | null;
    }>(
      `SELECT a.loan_id, a.member_no,
              COALESCE(sum(i.principal_paise + i.interest_paise - i.paid_principal_paise - i.paid_interest_paise) FILTER (WHERE i.due_date = $2), 0) AS due_today,
              COALESCE(sum(i.principal_paise + i.interest_paise - i.paid_principal_paise - i.paid_interest_paise) FILTER (WHERE i.due_date < $2), 0) AS overdue,
              sum(i.penalty_paise - i.paid_penalty_paise) AS penalty_due,
              min(i.due_date) FILTER (WHERE i.due_date < $2 AND i.principal_paise + i.interest_paise > i.paid_principal_paise + i.paid_interest_paise) AS oldest_overdue
       FROM ${this.tables.loanAccount} a JOIN ${this.tables.loanInstalment} i ON i.loan_id = a.loan_id
       WHERE a.branch_code = $1 AND a.status = 'ACTIVE' AND i.due_date <= $2
       GROUP BY a.loan_id, a.member_no
       HAVING sum(i.principal_paise + i.interest_paise + i.penalty_paise - i.paid_principal_paise - i.paid_interest_paise - i.paid_penalty_paise) > 0
       ORDER BY a.member_no, a.loan_id`,
      [branchCode, date],
    );
    const entries: CollectionSheetEntry[] = rows.map((row) => {
      const dueTodayPaise = Number(row.due_today);
      const overduePaise = Number(row.overdue);
      const penaltyDuePaise = Number(row.penalty_due);
      return {
        loanId: row.loan_id,
        memberNo: row.member_no,
        dueTodayPaise,
        overduePaise,
        penaltyDuePaise,
        totalPaise: dueTodayPaise + overduePaise + penaltyDuePaise,
        oldestOverdueDueDate: row.oldest_overdue,
        daysPastDue: row.oldest_overdue === null ? 0 : instalmentDaysPastDue(row.oldest_overdue, date),
      };
    });
    const sum = (pick: (entry: CollectionSheetEntry) => number): number => entries.reduce((total, entry) => total + pick(entry), 0);
    return {
      branchCode,
      businessDate: date,
      entries,
      dueTodayPaise: sum((entry) => entry.dueTodayPaise),
      overduePaise: sum((entry) => entry.overduePaise),
      penaltyDuePaise: sum((entry) => entry.penaltyDuePaise),
      totalPaise: sum((entry) => entry.totalPaise),
    };
  }

  async foreclosureQuote(loanId: string, businessDate: IsoDate): Promise<ForeclosureQuote> {
    const { rows } = await this.db.query<{ state: LoanSnapshot }>(`SELECT state FROM ${this.tables.loanAccount} WHERE loan_id = $1`, [loanId]);
    if (rows.length === 0) throw new DomainError('LOAN_NOT_FOUND', 'there is no such loan', 'loanId');
    return quoteLoanForeclosure(rows[0].state, loanId, businessDate);
  }

  async dayEndState(branchCode: string): Promise<LendingDayEndState> {
    requireBranchCode(branchCode);
    const { rows } = await this.db.query<{ first_completed: string; last_completed: string }>(
      `SELECT first_completed, last_completed FROM ${this.tables.loanDayEnd} WHERE branch_code = $1`,
      [branchCode],
    );
    return rows.length === 0 ? { firstCompleted: null, lastCompleted: null } : { firstCompleted: rows[0].first_completed, lastCompleted: rows[0].last_completed };
  }

  async loansToAge(branchCode: string, afterMemberNo: string | null, members: number): Promise<LoanToAge[]> {
    const { rows } = await this.db.query<{ loan_id: string; member_no: string; state: LoanSnapshot }>(
      `SELECT loan_id, member_no, state FROM ${this.tables.loanAccount}
       WHERE branch_code = $1 AND status = 'ACTIVE' AND member_no IN (
         SELECT DISTINCT member_no FROM ${this.tables.loanAccount}
         WHERE branch_code = $1 AND status = 'ACTIVE' AND ($2::text IS NULL OR member_no > $2) ORDER BY member_no LIMIT $3)
       ORDER BY member_no, loan_id`,
      [branchCode, afterMemberNo, members],
    );
    return rows.map((row) => ({ loanId: row.loan_id, memberNo: row.member_no, state: row.state }));
  }

  async eligibilityFacts(memberNo: string, excludingLoanId: string): Promise<EligibilityFacts | null> {
    return this.eligibilityWhere('m.member_no = $1', memberNo, excludingLoanId);
  }

  async eligibilityFactsForLoan(loanId: string): Promise<EligibilityFacts | null> {
    return this.eligibilityWhere(`m.member_no = (SELECT l.member_no FROM ${this.tables.loanAccount} l WHERE l.loan_id = $1)`, loanId, loanId);
  }

  async guarantorFacts(memberNos: readonly string[]): Promise<GuarantorFact[]> {
    if (memberNos.length === 0) return [];
    const { rows } = await this.db.query<{ member_no: string; status: GuarantorFact['status']; branch_code: string }>(
      `SELECT member_no, status, branch_code FROM ${this.tables.borrowerMember} WHERE member_no = ANY($1::text[]) ORDER BY member_no`,
      [[...memberNos]],
    );
    return rows.map((row) => ({ memberNo: row.member_no, status: row.status, branchCode: row.branch_code }));
  }

  /**
   * The eligibility facts of the member matched by `memberWhere` ($1 = `key`), counting her loans other
   * than `excludingLoanId` ($2) that are open: APPLIED, APPRAISED, APPROVED (also with a disbursement in
   * progress) or ACTIVE. Exposure: principal outstanding of ACTIVE loans, the amount of the others.
   */
  private async eligibilityWhere(memberWhere: string, key: string, excludingLoanId: string): Promise<EligibilityFacts | null> {
    const { rows } = await this.db.query<{ status: EligibilityFacts['memberStatus']; member_since: string; savings: string; open_loans: string; exposure: string; borrower_npa: boolean }>(
      `SELECT m.status, m.member_since,
              (SELECT COALESCE(sum(s.balance_paise), 0) FROM ${this.tables.borrowerSavings} s WHERE s.member_no = m.member_no) AS savings,
              open.open_loans, open.exposure,
              EXISTS (SELECT 1 FROM ${this.tables.loanAccount} a
                WHERE a.member_no = m.member_no AND a.status = 'ACTIVE' AND (a.npa_since IS NOT NULL OR a.own_npa_since IS NOT NULL)) AS borrower_npa
       FROM ${this.tables.borrowerMember} m
       CROSS JOIN LATERAL (
         SELECT count(*) AS open_loans,
                COALESCE(sum(CASE WHEN a.status = 'ACTIVE' THEN a.principal_outstanding_paise ELSE a.amount_paise END), 0) AS exposure
         FROM ${this.tables.loanAccount} a
         WHERE a.member_no = m.member_no AND a.status IN ('APPLIED', 'APPRAISED', 'APPROVED', 'ACTIVE') AND a.loan_id <> $2
       ) open
       WHERE ${memberWhere}`,
      [key, excludingLoanId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      memberStatus: row.status,
      memberSince: row.member_since,
      savingsBalancePaise: Number(row.savings),
      openLoans: Number(row.open_loans),
      exposurePaise: Number(row.exposure),
      borrowerNpa: row.borrower_npa,
    };
  }

  /** Loans matching `where` ($1 = `key`) with the oldest instalment overdue on `date` ($2) and the overdue principal + interest. */
  private async agedLoans(where: string, key: string, date: IsoDate, activeOnly: boolean): Promise<AgedRow[]> {
    const { rows } = await this.db.query<AgedRow>(
      `SELECT a.loan_id, a.member_no, a.product_code, a.purpose, a.status, a.amount_paise, a.disbursed_on, a.principal_outstanding_paise, a.asset_class, a.npa_since,
              overdue.oldest_overdue, overdue.overdue_paise
       FROM ${this.tables.loanAccount} a
       LEFT JOIN LATERAL (
         SELECT min(i.due_date) AS oldest_overdue, sum(i.principal_paise + i.interest_paise - i.paid_principal_paise - i.paid_interest_paise) AS overdue_paise
         FROM ${this.tables.loanInstalment} i
         WHERE i.loan_id = a.loan_id AND i.due_date <= $2 AND i.principal_paise + i.interest_paise > i.paid_principal_paise + i.paid_interest_paise
       ) overdue ON a.status = 'ACTIVE'
       WHERE ${where} ${activeOnly ? `AND a.status = 'ACTIVE'` : ''}
       ORDER BY a.loan_id`,
      [key, date],
    );
    return rows;
  }

  private async transactions(loanId: string): Promise<StatementTransaction[]> {
    const { rows } = await this.db.query<{
      stream_revision: number;
      business_date: string;
      kind: LoanTransactionKind;
      amount_paise: string | null;
      principal_paise: string | null;
      interest_paise: string | null;
      penalty_paise: string | null;
      excess_paise: string | null;
      principal_outstanding_paise: string | null;
      actor: string | null;
      detail: Record<string, string | number | null>;
    }>(`SELECT * FROM ${this.tables.loanTransaction} WHERE loan_id = $1 ORDER BY stream_revision`, [loanId]);
    const paise = (value: string | null): number | null => (value === null ? null : Number(value));
    return rows.map((row) => ({
      revision: row.stream_revision,
      businessDate: row.business_date,
      kind: row.kind,
      amountPaise: paise(row.amount_paise),
      principalPaise: paise(row.principal_paise),
      interestPaise: paise(row.interest_paise),
      penaltyPaise: paise(row.penalty_paise),
      excessPaise: paise(row.excess_paise),
      principalOutstandingPaise: paise(row.principal_outstanding_paise),
      actor: row.actor,
      detail: row.detail,
    }));
  }

  private async scheduleRevisions(loanId: string): Promise<StatementScheduleRevision[]> {
    const { rows } = await this.db.query<{
      stream_revision: number;
      revised_on: string;
      reason: StatementScheduleRevision['reason'];
      from_instalment_number: number;
      superseded: StatementScheduleRevision['supersededInstalments'];
      replacement: StatementScheduleRevision['replacementInstalments'];
    }>(`SELECT * FROM ${this.tables.loanScheduleRevision} WHERE loan_id = $1 ORDER BY stream_revision`, [loanId]);
    return rows.map((row) => ({
      revision: row.stream_revision,
      revisedOn: row.revised_on,
      reason: row.reason,
      fromInstalmentNumber: row.from_instalment_number,
      supersededInstalments: row.superseded,
      replacementInstalments: row.replacement,
    }));
  }
}

function requireBranchCode(branchCode: unknown): void {
  if (typeof branchCode !== 'string' || !BRANCH_CODE.test(branchCode)) throw new ValidationError('branchCode', 'branch code must be three upper-case letters', 'INVALID_BRANCH_CODE');
}

function daysPastDueOf(row: AgedRow, date: IsoDate): number {
  return row.oldest_overdue === null ? 0 : instalmentDaysPastDue(row.oldest_overdue, date);
}

function toStatementInstalment(instalment: InstalmentPosition, date: IsoDate, status: LoanStatus): StatementInstalment {
  let state: InstalmentStatus;
  if (isSettled(instalment)) state = 'PAID';
  else if (status === 'WRITTEN_OFF') state = 'WRITTEN_OFF';
  else state = instalment.dueDate < date ? 'OVERDUE' : instalment.dueDate === date ? 'DUE' : 'UPCOMING';
  return {
    number: instalment.number,
    dueDate: instalment.dueDate,
    principalPaise: instalment.principalPaise,
    interestPaise: instalment.interestPaise,
    totalPaise: instalment.principalPaise + instalment.interestPaise,
    paidPrincipalPaise: instalment.paidPrincipalPaise,
    paidInterestPaise: instalment.paidInterestPaise,
    penaltyPaise: instalment.penaltyPaise,
    paidPenaltyPaise: instalment.paidPenaltyPaise,
    balanceAfterPaise: instalment.balanceAfterPaise,
    status: state,
  };
}
