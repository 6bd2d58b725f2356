import { DomainError, todayInKolkata, type BatchCommandResult, type CommandContext, type DomainEvent, type IsoDate } from '@samabay/domain-kit';
import { comparePositions, type Position } from '@samabay/event-store';
import { shiftDays } from '../domain/calendar/day-number';
import { addMonths, isMonthEnd } from '../domain/calendar/months';
import { requireBranchCode } from '../domain/day-end/branch-day-end';
import { businessDatesToCatchUp, dayEndIdempotencyKey } from '../domain/day-end/day-end-planner';
import { productTermsOn, savingsSchedule, type SavingsProducts } from '../domain/products/savings-products';
import { requireBusinessDate } from '../domain/shared/business-dates';
import type { DayEndCandidate } from '../infrastructure/account-reader';
import type { SavingsReader } from '../infrastructure/savings-reader';
import { runBounded } from './run-bounded';
import type { SavingsExecutor } from './savings-executor';
import type { DayEndRunOptions, RunDayEndInput } from './savings-inputs';

/** What one day-end run did. `closedThrough` is the branch's checkpoint afterwards. */
export interface DayEndOutcome {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  /** The days this run closed, oldest first (empty when the date was closed already: nothing changes). */
  readonly datesClosed: IsoDate[];
  readonly closedThrough: IsoDate | null;
  /** Account day-end commands sent (replays of an interrupted run included). */
  readonly accountsClosed: number;
  /** Events appended by this run (replays append nothing). */
  readonly eventsAppended: number;
  /** Global position of the last event appended (pass as consistentWith); null when nothing was appended. */
  readonly position: Position | null;
}

/** What the day-end needs. */
export interface DayEndDeps {
  readonly executor: SavingsExecutor;
  readonly reader: Pick<SavingsReader, 'lastClosedDay' | 'dayEndCandidates'>;
  readonly products: SavingsProducts;
  /** Waits until the read models include every event written so far (the account list must be complete). */
  readonly catchUp: () => Promise<void>;
  readonly clock: () => Date;
  /** Full-size account batches in flight at once (helps on PostgreSQL; PGlite runs one statement at a time). */
  readonly concurrency: number;
  /** Accounts per batch (one atomic multi-stream append each) once the run has ramped up. Default {@link DEFAULT_DAY_END_BATCH_SIZE}. */
  readonly batchSize?: number;
}

/** Accounts per day-end batch by default: ~1,000 events per transaction, short enough not to hold back readers of `$all`. */
export const DEFAULT_DAY_END_BATCH_SIZE = 500;

/**
 * Splits a day's accounts (in account-id order) into batches: a ramp of 1, 2, 4, … accounts run one
 * after another — a small branch closes in small transactions, and a run stopped early (or failing
 * on its first accounts) has done little — then full batches of `batchSize`, run `concurrency` at a time.
 * @throws RangeError when batchSize is not a positive integer.
 */
export function dayEndBatches<T>(items: readonly T[], batchSize: number): { ramp: T[][]; full: T[][] } {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const ramp: T[][] = [];
  const full: T[][] = [];
  let next = 0;
  for (let size = 1; size < batchSize && next < items.length; size *= 2) {
    ramp.push(items.slice(next, next + size));
    next += size;
  }
  for (; next < items.length; next += batchSize) full.push(items.slice(next, next + batchSize));
  return { ramp, full };
}

/** One CloseBusinessDay per account of `batch`, as one savings batch and one Recurring Deposit batch; results in `batch` order. */
async function closeAccounts(
  deps: DayEndDeps,
  batch: readonly DayEndCandidate[],
  day: IsoDate,
  today: IsoDate,
  dayContext: (idempotencyKey: string) => CommandContext,
): Promise<Array<BatchCommandResult<DomainEvent>>> {
  const item = (candidate: DayEndCandidate) => {
    const command = { type: 'CloseBusinessDay', accountId: candidate.accountId, businessDate: day, today } as const;
    return { command, context: dayContext(dayEndIdempotencyKey(command)) };
  };
  const recurring = batch.filter((candidate) => candidate.product === 'RECURRING_DEPOSIT');
  const savings = batch.filter((candidate) => candidate.product !== 'RECURRING_DEPOSIT');
  const [savingsResults, recurringResults] = await Promise.all([
    savings.length === 0 ? [] : deps.executor.onSavingsAccountsBatch(savings.map(item)),
    recurring.length === 0 ? [] : deps.executor.onRecurringDepositsBatch(recurring.map(item)),
  ]);
  const byAccount = new Map<string, BatchCommandResult<DomainEvent>>();
  savings.forEach((candidate, index) => byAccount.set(candidate.accountId, savingsResults[index]));
  recurring.forEach((candidate, index) => byAccount.set(candidate.accountId, recurringResults[index]));
  return batch.map((candidate) => byAccount.get(candidate.accountId)!);
}

/** Idempotency key of the branch checkpoint command of a day. */
export function branchDayEndKey(branchCode: string, businessDate: IsoDate): string {
  return `dayend/${businessDate}/${branchCode}/CloseBranchBusinessDay`;
}

/**
 * The savings day-end (close of business) of a branch through a business date (DESIGN §9, issue 4
 * item 5). Days are closed one after another from the day after the branch's checkpoint (the first
 * run closes only the date asked for); for each day every account that may have work gets one
 * CloseBusinessDay command (accrual, posting and dormancy, or an RD's missed-instalment fines), then
 * the day is closed on the branch's checkpoint stream `savingsDayEnd-<branch>`.
 *
 * - Idempotent: each account command's idempotency key is `dayend/<date>/<account>/CloseBusinessDay`
 *   and the deciders append nothing for a date already done; running a closed date again does nothing.
 * - Resumable: killed mid-way, the day is not closed; a re-run replays the accounts already done and
 *   finishes the rest, ending with the same balances.
 * - Catch-up: missed days are closed in date order; an account that missed periods (opened with an
 *   earlier business date) catches up inside its own command.
 * - Batched: a day's accounts go through CommandHandler.executeBatch (see {@link dayEndBatches}): one
 *   atomic multi-stream append per batch; an account whose command is rejected appends nothing while
 *   the rest of its batch is appended, and the day then stays open (DAY_END_INCOMPLETE).
 * - Stopping (options.signal) takes effect between batches.
 * Which accounts: on a month end every account not closed (interest periods end only on month ends);
 * on other days only savings accounts whose dormancy may be due. Accounts are listed from the read
 * model after waiting for it to catch up with the event store.
 * @throws ValidationError INVALID_BRANCH_CODE, BAD_DATE, BUSINESS_DATE_IN_FUTURE; DomainError DAY_END_INCOMPLETE
 *   (details: failedAccounts, firstAccountId, firstCode) when some account's day-end was rejected — the day stays open.
 */
export async function runDayEnd(deps: DayEndDeps, input: RunDayEndInput, context: CommandContext, options: DayEndRunOptions = {}): Promise<DayEndOutcome> {
  const branchCode = requireBranchCode(input.branchCode);
  const today = todayInKolkata(deps.clock);
  const through = requireBusinessDate(input.businessDate, today);
  await deps.catchUp();
  const lastClosed = await deps.reader.lastClosedDay(branchCode);
  const outcome = { branchCode, businessDate: through, datesClosed: [] as IsoDate[], closedThrough: lastClosed, accountsClosed: 0, eventsAppended: 0, position: null as Position | null };
  const appended = (count: number, position: Position | null): void => {
    outcome.eventsAppended += count;
    if (position && (outcome.position === null || comparePositions(position, outcome.position) > 0)) outcome.position = position;
  };

  for (const day of businessDatesToCatchUp(lastClosed, through)) {
    const dayContext = (idempotencyKey: string): CommandContext => ({ ...context, idempotencyKey, businessDate: day, causationId: context.idempotencyKey });
    const candidates = await candidatesFor(deps, branchCode, day);
    const failures: Array<{ accountId: string; code: string }> = [];
    let eventsOfDay = 0;
    const closeBatch = async (batch: readonly DayEndCandidate[]): Promise<void> => {
      options.signal?.throwIfAborted();
      const results = await closeAccounts(deps, batch, day, today, dayContext);
      results.forEach((result, index) => {
        const { accountId } = batch[index];
        if (result.status === 'rejected') {
          failures.push({ accountId, code: result.error.code });
          return;
        }
        if (!result.accepted.replayed) {
          eventsOfDay += result.accepted.events.length;
          appended(result.accepted.events.length, result.accepted.position);
        }
        outcome.accountsClosed += 1;
        options.onAccountClosed?.(accountId, day);
      });
    };
    const { ramp, full } = dayEndBatches(candidates, deps.batchSize ?? DEFAULT_DAY_END_BATCH_SIZE);
    for (const batch of ramp) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await closeBatch(batch);
    }
    await runBounded(full, deps.concurrency, closeBatch);
    if (failures.length > 0) {
      throw new DomainError('DAY_END_INCOMPLETE', `${failures.length} account(s) of ${branchCode} could not close ${day}; the day stays open`, 'businessDate', {
        failedAccounts: failures.length,
        firstAccountId: failures[0].accountId,
        firstCode: failures[0].code,
      });
    }
    try {
      const closed = await deps.executor.onBranchDayEnd(
        { type: 'CloseBranchBusinessDay', branchCode, businessDate: day, today, accountsClosed: candidates.length, eventsAppended: eventsOfDay },
        dayContext(branchDayEndKey(branchCode, day)),
      );
      if (!closed.replayed) appended(closed.events.length, closed.position);
    } catch (error) {
      // Another run closed the day meanwhile: its accounts were done by the same commands.
      if (!(error instanceof DomainError && error.code === 'DAY_ALREADY_CLOSED')) throw error;
    }
    outcome.datesClosed.push(day);
    outcome.closedThrough = day;
  }
  return outcome;
}

/**
 * The accounts that may have day-end work on `day`: on a month end every open account; otherwise the
 * ACTIVE savings accounts whose dormancy date (last customer activity + the product's dormancy months,
 * per the terms in force on that activity) is on or before the day.
 */
async function candidatesFor(deps: DayEndDeps, branchCode: string, day: IsoDate): Promise<DayEndCandidate[]> {
  if (isMonthEnd(day)) return deps.reader.dayEndCandidates(branchCode, day, { everyOpenAccount: true });
  const schedules = [deps.products.savingsDeposit, deps.products.thriftFund];
  const fewestMonths = Math.min(...schedules.flatMap((schedule) => schedule.map((entry) => entry.terms.dormantAfterMonths)));
  if (!Number.isFinite(fewestMonths)) return [];
  // A few days' margin: addMonths clamps to month ends (2024-02-29 + 24 months = 2026-02-28).
  const inactiveSince = shiftDays(addMonths(day, -fewestMonths), 3);
  const listed = await deps.reader.dayEndCandidates(branchCode, day, { everyOpenAccount: false, inactiveSince });
  return listed.filter((candidate) => dormancyMayBeDue(deps.products, candidate, day));
}

function dormancyMayBeDue(products: SavingsProducts, candidate: DayEndCandidate, day: IsoDate): boolean {
  if (candidate.product === 'RECURRING_DEPOSIT') return false;
  try {
    const terms = productTermsOn(savingsSchedule(products, candidate.product), candidate.lastCustomerActivityOn);
    return addMonths(candidate.lastCustomerActivityOn, terms.dormantAfterMonths) <= day;
  } catch {
    // No terms for that date: let the account's own command decide (and report) it.
    return true;
  }
}
