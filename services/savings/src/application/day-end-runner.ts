import { DomainError, todayInKolkata, type CommandContext, type IsoDate } from '@samabay/domain-kit';
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
  /** Account commands in flight at once (helps on PostgreSQL; PGlite runs one statement at a time). */
  readonly concurrency: number;
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
    await runBounded(candidates, deps.concurrency, async (candidate) => {
      options.signal?.throwIfAborted();
      const command = { type: 'CloseBusinessDay', accountId: candidate.accountId, businessDate: day, today } as const;
      const key = dayEndIdempotencyKey(command);
      try {
        const accepted =
          candidate.product === 'RECURRING_DEPOSIT' ? await deps.executor.onRecurringDeposit(command, dayContext(key)) : await deps.executor.onSavingsAccount(command, dayContext(key));
        if (!accepted.replayed) {
          eventsOfDay += accepted.events.length;
          appended(accepted.events.length, accepted.position);
        }
        outcome.accountsClosed += 1;
        options.onAccountClosed?.(candidate.accountId, day);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failures.push({ accountId: candidate.accountId, code: error.code });
      }
    });
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
