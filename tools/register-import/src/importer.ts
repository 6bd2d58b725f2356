import { isValidIsoDate, todayInKolkata } from '@samabay/domain-kit';
import { comparePositions, parsePosition } from '@samabay/event-store';
import { readRegister, type RegisterSource } from './csv-reader';
import type { GraphqlRequest } from './graphql-client';
import { mapBalanceRejection, sendOpeningBalances, type ImportOpeningBalanceOutcome } from './opening-balances';
import { MAX_ROWS_PER_CALL, sendImportBatch, type ImportMemberOutcome } from './platform-api';
import { silentProgress, type ImportProgress } from './progress';
import { createRowValidator, type ImportRow, type RegisterReject } from './row-validator';
import { mapServerRejection, TRANSIENT_ROW_ERRORS } from './server-rejections';
import { countBalances, countBalancesRejected, countImported, countRejected, emptySummary, type ImportSummary } from './summary';

/** Rows per importMembers call unless told otherwise: big enough to amortise HTTP, small enough for steady progress. */
export const DEFAULT_BATCH_SIZE = 200;

/** What to import, where to, and how. */
export interface ImportOptions {
  readonly source: RegisterSource;
  /** GraphQL client bound to the platform (graphql-client.ts). */
  readonly request: GraphqlRequest;
  /** Rows per importMembers call, 1–500 (default 200). */
  readonly batchSize?: number;
  /** Aborting stops between (or during) calls; the rows already sent stay imported and a re-run finishes the job. */
  readonly signal?: AbortSignal;
  readonly progress?: ImportProgress;
  /** Further attempts for rows the platform answered with a transient error (CONCURRENCY_CONFLICT, …); default 3. */
  readonly transientRetries?: number;
  /** Pause before re-sending rows that met a transient error, in ms (default 500, doubled each round). */
  readonly transientDelayMs?: number;
  /** Called after each answered importMembers call with the number of such calls so far (progress hooks, tests). */
  readonly onBatchDone?: (calls: number) => void;
  /**
   * Business date (YYYY-MM-DD, Asia/Kolkata) of the opening balances the savings and thrift columns become
   * (issue 4 item 7). Default: today in Asia/Kolkata. A re-run replays with the first run's date.
   */
  readonly businessDate?: string;
}

/** The outcome of a run: its summary and every rejected row (client-side and platform-side). */
export interface ImportResult {
  readonly summary: ImportSummary;
  readonly rejects: RegisterReject[];
}

/** Some rows kept meeting transient platform errors; nothing about them is decided and a re-run is safe. */
export class RowsNotSettledError extends Error {
  constructor(
    readonly lines: readonly number[],
    readonly codes: readonly string[],
  ) {
    super(`${lines.length} row(s) could not be imported now (${[...new Set(codes)].join(', ')}), first at line ${lines[0]}; re-run the import to finish (it is idempotent)`);
    this.name = 'RowsNotSettledError';
  }
}

/**
 * Imports a member register: reads and validates every row (rejecting bad ones locally), then
 * sends the valid rows through the platform's `importMembers` mutation in batches, in file order,
 * and right after each batch the savings and thrift columns of the rows the platform now holds
 * through `importOpeningBalances` (opening balances dated `businessDate`; an exited member's nil
 * balances open nothing). Each row carries idempotency keys derived from its member number, so running
 * the same file again — also after a crash or kill midway — replays instead of duplicating and ends
 * in the same state. Throws RegisterFormatError (unreadable file), PlatformUnreachableError /
 * PlatformRequestError (from the client, after its bounded retries), RowsNotSettledError, RangeError
 * (bad batch size or business date), or the signal's reason when aborted.
 */
export async function importRegister(options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_ROWS_PER_CALL) {
    throw new RangeError(`batch size must be a whole number from 1 to ${MAX_ROWS_PER_CALL}, got ${batchSize}`);
  }
  const businessDate = options.businessDate ?? todayInKolkata(() => new Date());
  if (!isValidIsoDate(businessDate)) throw new RangeError('the business date must be a real date written YYYY-MM-DD');
  const progress = options.progress ?? silentProgress;
  const summary = emptySummary();
  const rejects: RegisterReject[] = [];
  const reject = (item: RegisterReject): void => {
    rejects.push(item);
    countRejected(summary, item);
  };

  const rows: ImportRow[] = [];
  const validate = createRowValidator();
  for await (const record of readRegister(options.source)) {
    const verdict = validate(record);
    if (verdict.ok) rows.push(verdict.row);
    else reject(verdict.reject);
  }

  progress.start(summary.rows + rows.length);
  const report = (): void => progress.update({ done: summary.rows, accepted: summary.accepted, replayed: summary.replayed, rejected: summary.rejected });
  report();
  let calls = 0;
  let pending = rows;
  let pendingBalances: ImportRow[] = [];
  try {
    for (let round = 0; pending.length > 0 || pendingBalances.length > 0; round += 1) {
      const unsettled: { row: ImportRow; code: string }[] = [];
      const unsettledBalances: { row: ImportRow; code: string }[] = [];
      for (let start = 0; start < pending.length; start += batchSize) {
        options.signal?.throwIfAborted();
        const batch = pending.slice(start, start + batchSize);
        const outcomes = await sendImportBatch(options.request, batch, options.signal);
        const inPlatform: ImportRow[] = [];
        let batchPosition: string | null = null;
        batch.forEach((row, index) => {
          const code = settle(row, outcomes[index]);
          if (code) unsettled.push({ row, code });
          else if (outcomes[index].accepted) {
            inPlatform.push(row);
            if (outcomes[index].position) batchPosition = laterPosition(batchPosition, outcomes[index].position as string);
          }
        });
        calls += 1;
        report();
        options.onBatchDone?.(calls);
        if (inPlatform.length > 0) unsettledBalances.push(...(await carryBalances(inPlatform, batchPosition)));
      }
      for (let start = 0; start < pendingBalances.length; start += batchSize) {
        options.signal?.throwIfAborted();
        unsettledBalances.push(...(await carryBalances(pendingBalances.slice(start, start + batchSize), summary.lastPosition)));
      }
      if (unsettled.length === 0 && unsettledBalances.length === 0) break;
      if (round >= (options.transientRetries ?? 3)) {
        const left = [...unsettled, ...unsettledBalances];
        throw new RowsNotSettledError(
          left.map((item) => item.row.line),
          left.map((item) => item.code),
        );
      }
      await pause((options.transientDelayMs ?? 500) * 2 ** round, options.signal);
      pending = unsettled.map((item) => item.row);
      pendingBalances = unsettledBalances.map((item) => item.row);
    }
  } finally {
    progress.stop();
  }
  return { summary, rejects };

  /** Sends the opening balances of rows the platform holds; returns those that met a transient error. */
  async function carryBalances(batch: ImportRow[], consistentWith: string | null): Promise<{ row: ImportRow; code: string }[]> {
    const outcomes = await sendOpeningBalances(options.request, batch, businessDate, consistentWith, options.signal);
    const transient: { row: ImportRow; code: string }[] = [];
    batch.forEach((row, index) => {
      const code = settleBalances(row, outcomes[index]);
      if (code) transient.push({ row, code });
    });
    return transient;
  }

  /** Records one row's opening-balance outcome; returns the error code when it was transient and must be re-sent. */
  function settleBalances(row: ImportRow, outcome: ImportOpeningBalanceOutcome): string | undefined {
    if (outcome.accepted) {
      countBalances(summary, outcome.replayed, outcome.accountIds.length);
      if (outcome.position) summary.lastPosition = laterPosition(summary.lastPosition, outcome.position);
      return undefined;
    }
    const code = outcome.errorCode ?? 'REJECTED_BY_PLATFORM';
    if (TRANSIENT_ROW_ERRORS.has(code)) return code;
    const mapped = mapBalanceRejection(code, outcome.field);
    const reject = { line: row.line, memberNo: row.memberNo, field: mapped.field, reason: mapped.reason };
    rejects.push(reject);
    countBalancesRejected(summary, row, reject);
    return undefined;
  }

  /** Records one row's outcome; returns the error code when it was transient and must be re-sent. */
  function settle(row: ImportRow, outcome: ImportMemberOutcome): string | undefined {
    if (outcome.accepted) {
      countImported(summary, row, outcome.replayed);
      if (outcome.position) summary.lastPosition = laterPosition(summary.lastPosition, outcome.position);
      return undefined;
    }
    const code = outcome.errorCode ?? 'REJECTED_BY_PLATFORM';
    if (TRANSIENT_ROW_ERRORS.has(code)) return code;
    const mapped = mapServerRejection(code, outcome.field, row);
    reject({ line: row.line, memberNo: row.memberNo, field: mapped.field, reason: mapped.reason });
    return undefined;
  }
}

/** The later of two formatted positions; an unparseable one (another store's notation) counts as later. */
function laterPosition(current: string | null, candidate: string): string {
  if (!current) return candidate;
  try {
    return comparePositions(parsePosition(candidate), parsePosition(current)) > 0 ? candidate : current;
  } catch {
    return candidate;
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
