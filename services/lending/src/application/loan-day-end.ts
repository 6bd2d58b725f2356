import {
  DomainError,
  todayInKolkata,
  validateCommandContext,
  ValidationError,
  type CommandAccepted,
  type CommandContext,
  type CommandHandler,
  type Decider,
  type IsoDate,
  type StaffRole,
} from '@samabay/domain-kit';
import { comparePositions, type Position } from '@samabay/event-store';
import { earliest } from '../domain/arrears/borrower-classification';
import { dayEndDatesThrough, lendingDayEndDecider } from '../domain/day-end/day-end-decider';
import type { CompleteLoanDayEnd, LendingDayEndEvent } from '../domain/day-end/day-end-events';
import type { AgeLoan, LoanCommand } from '../domain/loan/loan-commands';
import type { LoanEvent } from '../domain/loan/loan-events';
import type { LoanSnapshot, LoanState } from '../domain/loan/loan-state';
import { evolveLoan } from '../domain/loan/evolve-loan';
import { lendingDayEndStreamId, loanStreamId } from '../domain/stream-ids';
import type { DayEndSource, LoanToAge, ReadModelsCaughtUp } from './lending-ports';
import { runWithConcurrency } from './run-with-concurrency';

/** Roles that may run a branch's close of business. */
export const DAY_END_ROLES: readonly StaffRole[] = ['branch_manager', 'head_office', 'admin'];

/** What one business date of a day-end run did: loans aged, skipped (already carried past the date by their own later transactions) and events appended. */
export interface LoanDayEndDay {
  readonly businessDate: IsoDate;
  readonly loansAged: number;
  readonly loansSkipped: number;
  readonly eventsAppended: number;
  /** True when the completion of this date was already recorded (a re-run after a crash or by mistake). */
  readonly replayed: boolean;
}

/**
 * The outcome of a day-end run through the context's business date: the dates it aged, oldest first
 * (missed dates caught up in order; empty when that date had already completed: `alreadyCompleted`), and
 * the global position of the last event it appended, to pass as `consistentWith` (null when nothing was appended).
 */
export interface LoanDayEndOutcome {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  readonly alreadyCompleted: boolean;
  readonly days: readonly LoanDayEndDay[];
  readonly position: Position | null;
}

/** What {@link LoanDayEndService} needs. */
export interface LoanDayEndDeps {
  readonly handler: CommandHandler;
  readonly loanDecider: Decider<LoanCommand, LoanEvent, LoanState>;
  readonly source: DayEndSource;
  readonly readModelsCaughtUp: ReadModelsCaughtUp;
  readonly clock: () => Date;
  /** Members aged at once. Default 8. */
  readonly concurrency?: number;
  /** Members read per page of the branch's loans. Default 500. */
  readonly pageSize?: number;
}

/** A loan as the run knows it: the projected decider state, evolved with each AgeLoan's answer. */
interface AgeingLoan {
  readonly loanId: string;
  state: LoanSnapshot;
}

interface DayCounts {
  loansAged: number;
  loansSkipped: number;
  eventsAppended: number;
  position: Position | null;
}

const BRANCH_CODE = /^[A-Z]{3}$/;

/**
 * The lending day-end (issue 5 item 4, DESIGN §9): for a branch and business date, ages every open loan
 * (AgeLoan: late penalties, days past due, SMA, RBI IRAC asset class), then records the date's
 * completion on `lendingDayEnd-<branch>`.
 * - Catches up: dates after the last completed one run first, in order (the first run starts at its date).
 * - Idempotent and resumable: every command's idempotency key is derived from the branch, date and loan
 *   (`lending-dayend/<date>/<loanId>/AgeLoan`), whatever key the caller sent, so a re-run after a crash
 *   replays what was done and does the rest; a completed date is not run again.
 * - Borrower-wise NPA: a member's loans are aged together; once one of them is NPA on its own arrears,
 *   the others are aged again that day with its NPA date (and upgraded together once none is).
 * - Planned from state, like the savings day-end: each date starts once the read models have caught up,
 *   reads the branch's loans page by page with the decider's state as projected, and decides AgeLoan on
 *   it in memory; only a loan for which that decides something gets the command (decided again,
 *   authoritatively, on its stream). On an ordinary day most loans change nothing and cost no write. A
 *   repayment recorded while the day-end runs may improve a loan's class a day later than it could have.
 * @throws ValidationError BAD_DATE, BUSINESS_DATE_IN_FUTURE, INVALID_BRANCH_CODE; DomainError
 *   ROLE_NOT_ALLOWED (branch_manager, head_office or admin), DAY_END_ALREADY_PAST, READ_MODEL_BEHIND.
 */
export class LoanDayEndService {
  private readonly concurrency: number;
  private readonly pageSize: number;

  constructor(private readonly deps: LoanDayEndDeps) {
    this.concurrency = deps.concurrency ?? 8;
    this.pageSize = deps.pageSize ?? 500;
  }

  async runDayEnd(input: { readonly branchCode: string }, context: CommandContext): Promise<LoanDayEndOutcome> {
    validateCommandContext(context);
    if (context.businessDate > todayInKolkata(this.deps.clock)) throw new ValidationError('businessDate', 'the business date must not be after today', 'BUSINESS_DATE_IN_FUTURE');
    if (typeof input.branchCode !== 'string' || !BRANCH_CODE.test(input.branchCode)) {
      throw new ValidationError('branchCode', 'branch code must be three upper-case letters', 'INVALID_BRANCH_CODE');
    }
    if (!DAY_END_ROLES.includes(context.actor.role)) throw new DomainError('ROLE_NOT_ALLOWED', `this needs the role ${DAY_END_ROLES.join(' or ')}`, 'actor.role');
    const { branchCode } = input;
    await this.deps.readModelsCaughtUp();
    const dates = dayEndDatesThrough(await this.deps.source.dayEndState(branchCode), context.businessDate);
    const days: LoanDayEndDay[] = [];
    let position: Position | null = null;
    let loansChanged = false;
    for (const businessDate of dates) {
      // Each date plans on states that include the previous date's loan events.
      if (loansChanged) await this.deps.readModelsCaughtUp();
      const counts: DayCounts = { loansAged: 0, loansSkipped: 0, eventsAppended: 0, position: null };
      for (let after: string | null = null; ; ) {
        const page = await this.deps.source.loansToAge(branchCode, after, this.pageSize);
        if (page.length === 0) break;
        await runWithConcurrency(groupByMember(page), this.concurrency, (loans) => this.ageMember(loans, businessDate, context, counts));
        after = page[page.length - 1].memberNo;
      }
      loansChanged = counts.eventsAppended > 0;
      const completion = await this.complete(branchCode, businessDate, counts, context);
      position = latest(latest(position, counts.position), completion.position);
      days.push({ businessDate, loansAged: counts.loansAged, loansSkipped: counts.loansSkipped, eventsAppended: counts.eventsAppended, replayed: completion.replayed });
    }
    return { branchCode, businessDate: context.businessDate, alreadyCompleted: dates.length === 0, days, position };
  }

  /** Ages one member's loans on `businessDate`, then once more those whose borrower-wise NPA date is not the member's. */
  private async ageMember(loans: AgeingLoan[], businessDate: IsoDate, context: CommandContext, counts: DayCounts): Promise<void> {
    const othersOf = (loan: AgeingLoan): IsoDate | null => earliest(loans.filter((other) => other !== loan).map((other) => other.state.arrears.ownNpaSince));
    for (const loan of loans) {
      const aged = await this.age(loan, businessDate, othersOf(loan), 'AgeLoan', context, counts);
      if (aged) counts.loansAged += 1;
      else counts.loansSkipped += 1;
    }
    if (loans.length < 2) return;
    const borrowerNpaSince = earliest(loans.map((loan) => loan.state.arrears.ownNpaSince));
    for (const loan of loans) {
      if (loan.state.arrears.npaSince !== borrowerNpaSince) await this.age(loan, businessDate, othersOf(loan), 'AgeLoan/borrower-wise', context, counts);
    }
  }

  /**
   * Ages one loan: decides AgeLoan on the known state and sends the command only when that decides
   * something. False when the loan's own later transactions already carried it past the date.
   */
  private async age(loan: AgeingLoan, businessDate: IsoDate, otherLoansNpaSince: IsoDate | null, step: string, context: CommandContext, counts: DayCounts): Promise<boolean> {
    const command: AgeLoan = { type: 'AgeLoan', loanId: loan.loanId, businessDate, otherLoansNpaSince };
    try {
      if (this.deps.loanDecider.decide(command, loan.state).length === 0) return true;
    } catch (error) {
      if (isAfterLastActivity(error)) return false;
      // Anything else is for the command path to decide on the stream itself (and to report).
    }
    let accepted: CommandAccepted<LoanEvent>;
    try {
      accepted = await this.deps.handler.execute({
        decider: this.deps.loanDecider,
        streamId: loanStreamId(loan.loanId),
        commandType: 'AgeLoan',
        command,
        // The NPA date of the other loans is left out of the hash: a resumed run may know it better than the first try did.
        payloadForHash: { loanId: loan.loanId, businessDate, step },
        context: subContext(context, `lending-dayend/${businessDate}/${loan.loanId}/${step}`, businessDate),
        branchCode: loan.loanId.slice(0, 3),
      });
    } catch (error) {
      if (isAfterLastActivity(error)) return false;
      throw error;
    }
    loan.state = accepted.events.reduce<LoanSnapshot>((state, event) => evolveLoan(state, event) ?? state, loan.state);
    counts.eventsAppended += accepted.events.length;
    counts.position = latest(counts.position, accepted.position);
    return true;
  }

  private complete(branchCode: string, businessDate: IsoDate, counts: DayCounts, context: CommandContext): Promise<CommandAccepted<LendingDayEndEvent>> {
    const command: CompleteLoanDayEnd = { type: 'CompleteLoanDayEnd', branchCode, businessDate, loansAged: counts.loansAged, loansSkipped: counts.loansSkipped, eventsAppended: counts.eventsAppended };
    return this.deps.handler.execute({
      decider: lendingDayEndDecider,
      streamId: lendingDayEndStreamId(branchCode),
      commandType: 'CompleteLoanDayEnd',
      command,
      payloadForHash: { branchCode, businessDate },
      context: subContext(context, `lending-dayend/${businessDate}/${branchCode}/complete`, businessDate),
      branchCode,
    });
  }
}

/** A page of the branch's loans grouped by member (the source lists them by member). */
function groupByMember(loans: readonly LoanToAge[]): AgeingLoan[][] {
  const groups = new Map<string, AgeingLoan[]>();
  for (const loan of loans) {
    const group = groups.get(loan.memberNo) ?? [];
    group.push({ loanId: loan.loanId, state: loan.state });
    groups.set(loan.memberNo, group);
  }
  return [...groups.values()];
}

function isAfterLastActivity(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'BUSINESS_DATE_BEFORE_LAST_ACTIVITY';
}

function subContext(context: CommandContext, idempotencyKey: string, businessDate: IsoDate): CommandContext {
  return { idempotencyKey, businessDate, actor: context.actor, correlationId: context.correlationId ?? context.idempotencyKey, causationId: context.idempotencyKey };
}

function latest(a: Position | null, b: Position | null): Position | null {
  if (a === null) return b;
  if (b === null) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}
