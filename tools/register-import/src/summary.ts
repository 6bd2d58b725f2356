import type { ImportRow, RegisterReject, RejectReason } from './row-validator';

/**
 * How the rows' savings columns fared as opening balances (issue 4 item 7): rows carried over new,
 * replayed (carried over by an earlier run), rejected, and rows of exited members with nil balances
 * (nothing to carry: no accounts); `accounts` counts the accounts of the rows carried over or replayed.
 */
export interface OpeningBalanceCounts {
  accepted: number;
  replayed: number;
  rejected: number;
  exitedWithoutAccounts: number;
  accounts: number;
}

/** Per-branch totals of the rows now in the platform (accepted or replayed). */
export interface BranchTotals {
  members: number;
  shares: number;
}

/**
 * What an import did. `rows` = data rows read; every row is exactly one of accepted (new in the
 * platform), replayed (already imported earlier with the same data) or rejected. Totals cover the
 * rows in the platform after this run (accepted + replayed); money in integer paise. The savings and
 * thrift totals leave out rows whose opening balances the platform rejected.
 */
export interface ImportSummary {
  rows: number;
  accepted: number;
  replayed: number;
  rejected: number;
  byBranch: Record<string, BranchTotals>;
  sharesTotal: number;
  savingsDepositTotalPaise: number;
  thriftFundTotalPaise: number;
  rdMonthlyInstallmentTotalPaise: number;
  openingBalances: OpeningBalanceCounts;
  rejectsByReason: Partial<Record<RejectReason, number>>;
  /** The platform position of the last command, to pass as `consistentWith`; null if none was sent. */
  lastPosition: string | null;
}

/** An empty summary to accumulate into. */
export function emptySummary(): ImportSummary {
  return {
    rows: 0,
    accepted: 0,
    replayed: 0,
    rejected: 0,
    byBranch: {},
    sharesTotal: 0,
    savingsDepositTotalPaise: 0,
    thriftFundTotalPaise: 0,
    rdMonthlyInstallmentTotalPaise: 0,
    openingBalances: { accepted: 0, replayed: 0, rejected: 0, exitedWithoutAccounts: 0, accounts: 0 },
    rejectsByReason: {},
    lastPosition: null,
  };
}

/** Counts a row the platform holds now: `replayed` when it was there before this run. */
export function countImported(summary: ImportSummary, row: ImportRow, replayed: boolean): void {
  summary.rows += 1;
  if (replayed) summary.replayed += 1;
  else summary.accepted += 1;
  const branch = (summary.byBranch[row.branchCode] ??= { members: 0, shares: 0 });
  branch.members += 1;
  branch.shares += row.sharesHeld;
  summary.sharesTotal += row.sharesHeld;
  summary.savingsDepositTotalPaise += row.savingsDepositPaise;
  summary.thriftFundTotalPaise += row.thriftFundPaise;
  summary.rdMonthlyInstallmentTotalPaise += row.rdMonthlyInstallmentPaise;
}

/** Counts a row whose opening balances the platform holds now (`accounts` opened for it; none for an exited member). */
export function countBalances(summary: ImportSummary, replayed: boolean, accounts: number): void {
  if (accounts === 0) summary.openingBalances.exitedWithoutAccounts += 1;
  else if (replayed) summary.openingBalances.replayed += 1;
  else summary.openingBalances.accepted += 1;
  summary.openingBalances.accounts += accounts;
}

/**
 * Counts a row whose member is in the platform but whose opening balances were rejected: listed with
 * the rejects (by reason) and left out of the savings and thrift totals; the row itself stays counted as imported.
 */
export function countBalancesRejected(summary: ImportSummary, row: ImportRow, reject: RegisterReject): void {
  summary.openingBalances.rejected += 1;
  summary.savingsDepositTotalPaise -= row.savingsDepositPaise;
  summary.thriftFundTotalPaise -= row.thriftFundPaise;
  summary.rejectsByReason[reject.reason] = (summary.rejectsByReason[reject.reason] ?? 0) + 1;
}

/** Counts a rejected row. */
export function countRejected(summary: ImportSummary, reject: RegisterReject): void {
  summary.rows += 1;
  summary.rejected += 1;
  summary.rejectsByReason[reject.reason] = (summary.rejectsByReason[reject.reason] ?? 0) + 1;
}

/** Formats integer paise as rupees with two decimals and Indian digit grouping: 4840282233 → "4,84,02,822.33". */
export function formatRupees(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const absolute = Math.abs(paise);
  const rupees = String(Math.trunc(absolute / 100));
  const decimals = String(absolute % 100).padStart(2, '0');
  const lastThree = rupees.slice(-3);
  const rest = rupees.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  return `${sign}${rest ? `${rest},` : ''}${lastThree}.${decimals}`;
}

/** The human-readable summary printed at the end of a run: counts, by-branch table, totals (paise and rupees), rejects by reason. No personal data. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `rows: ${summary.rows}  accepted: ${summary.accepted}  replayed: ${summary.replayed}  rejected: ${summary.rejected}`,
    'branch  members  shares',
    ...Object.entries(summary.byBranch)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([branch, totals]) => `${branch.padEnd(6)}  ${String(totals.members).padStart(7)}  ${String(totals.shares).padStart(6)}`),
    `shares: ${summary.sharesTotal}`,
    `savings deposit total: ${summary.savingsDepositTotalPaise} paise (Rs ${formatRupees(summary.savingsDepositTotalPaise)})`,
    `thrift fund total: ${summary.thriftFundTotalPaise} paise (Rs ${formatRupees(summary.thriftFundTotalPaise)})`,
    `RD monthly instalments total: ${summary.rdMonthlyInstallmentTotalPaise} paise (Rs ${formatRupees(summary.rdMonthlyInstallmentTotalPaise)})`,
    `opening balances: ${formatOpeningBalances(summary.openingBalances)}`,
  ];
  const reasons = Object.entries(summary.rejectsByReason).sort(([a], [b]) => a.localeCompare(b));
  if (reasons.length > 0) lines.push(`rejected by reason: ${reasons.map(([reason, count]) => `${reason} ${count}`).join(', ')}`);
  if (summary.lastPosition) lines.push(`platform position: ${summary.lastPosition} (pass as consistentWith to read these writes)`);
  return lines.join('\n');
}

/** "1940 rows carried over, 0 replayed, 0 rejected, 60 exited members without accounts (3880 accounts)". */
export function formatOpeningBalances(counts: OpeningBalanceCounts): string {
  return `${counts.accepted} rows carried over, ${counts.replayed} replayed, ${counts.rejected} rejected, ${counts.exitedWithoutAccounts} exited members without accounts (${counts.accounts} accounts)`;
}
