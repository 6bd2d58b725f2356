import { DomainError, todayInKolkata, type CommandContext, type IsoDate } from '@samabay/domain-kit';
import { comparePositions, type Position } from '@samabay/event-store';
import { requireBranchCode } from '../domain/day-end/branch-day-end';
import { requireBusinessDate } from '../domain/shared/business-dates';
import { incomeDueOn, incomeMonthsDueBy } from '../domain/term-deposit/monthly-income-contract';
import type { MonthlyIncomeDepositRow } from '../infrastructure/monthly-income-reader';
import { runBounded } from './run-bounded';
import type { SavingsExecutor } from './savings-executor';
import type { MonthlyIncomePayoutsInput } from './savings-inputs';

/** What one run of the MIS payouts did. */
export interface MonthlyIncomePayoutsOutcome {
  readonly branchCode: string;
  readonly businessDate: IsoDate;
  /** Income months paid and credited by this run (replays of an interrupted run included). */
  readonly monthsPaid: number;
  /** Events appended by this run (replays append nothing). */
  readonly eventsAppended: number;
  /** Deposits whose payout or credit was rejected: left for staff (e.g. the payout account was closed). */
  readonly failures: ReadonlyArray<{ readonly accountId: string; readonly month: number; readonly code: string }>;
  /** Global position of the last event appended (pass as consistentWith); null when nothing was appended. */
  readonly position: Position | null;
}

/** What the MIS payouts need. */
export interface MonthlyIncomePayoutDeps {
  readonly executor: SavingsExecutor;
  readonly deposits: { openMonthlyIncomeDeposits(branchCode: string, businessDate: IsoDate): Promise<MonthlyIncomeDepositRow[]> };
  readonly catchUp: () => Promise<void>;
  readonly clock: () => Date;
  /** Deposits worked on at once (their months stay in order). Default 1. */
  readonly concurrency?: number;
}

/** Idempotency key of income month `month` of `accountId`: the same for every run, so a month is paid and credited once. */
export function monthlyIncomeKey(accountId: string, month: number): string {
  return `mis-income/${accountId}/${month}`;
}

/** Scopes of the two steps of one income month under {@link monthlyIncomeKey}. */
export const MONTHLY_INCOME_SCOPES = { pay: 'mis-income-pay', credit: 'mis-income-credit' } as const;

/**
 * Pays the Monthly Income Scheme income due in a branch through `businessDate` (issue 4 item 3; a day-end
 * step that runs before the savings day-end of the same date, so that every credit falls in an open
 * interest period). For each open MIS deposit and each income month due on or before the date and not yet
 * paid, in order: PayMonthlyIncome on the deposit, then CreditDepositProceeds (kind MONTHLY_INCOME,
 * reference `income-<month>`) on the payout account, both dated the month's due date and keyed by
 * {@link monthlyIncomeKey} in two scopes.
 * - Idempotent per month: a repeat is answered from the idempotency records (or the decider appends nothing).
 * - Resumable: the last month already paid is driven again, so a crash between the payment and its credit
 *   is finished by the next run — never credited twice.
 * A rejected payment or credit (e.g. the payout account closed meanwhile) is reported in `failures` and
 * stops that deposit for this run; other deposits go on.
 * @throws ValidationError INVALID_BRANCH_CODE, BAD_DATE, BUSINESS_DATE_IN_FUTURE.
 */
export async function payMonthlyIncomeDue(deps: MonthlyIncomePayoutDeps, input: MonthlyIncomePayoutsInput, context: CommandContext): Promise<MonthlyIncomePayoutsOutcome> {
  const branchCode = requireBranchCode(input.branchCode);
  const today = todayInKolkata(deps.clock);
  const businessDate = requireBusinessDate(input.businessDate, today);
  await deps.catchUp();
  const outcome = { branchCode, businessDate, monthsPaid: 0, eventsAppended: 0, failures: [] as Array<{ accountId: string; month: number; code: string }>, position: null as Position | null };
  const deposits = await deps.deposits.openMonthlyIncomeDeposits(branchCode, businessDate);
  await runBounded(deposits, deps.concurrency ?? 1, async (deposit) => {
    const due = incomeMonthsDueBy(deposit.openedOn, deposit.tenureMonths, businessDate);
    for (let month = Math.max(1, deposit.incomeMonthsPaid); month <= due; month += 1) {
      try {
        await payOneMonth(deps, deposit, month, today, context, outcome);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome.failures.push({ accountId: deposit.accountId, month, code: error.code });
        break;
      }
    }
  });
  outcome.failures.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  return outcome;
}

async function payOneMonth(
  deps: MonthlyIncomePayoutDeps,
  deposit: MonthlyIncomeDepositRow,
  month: number,
  today: IsoDate,
  context: CommandContext,
  outcome: { monthsPaid: number; eventsAppended: number; position: Position | null },
): Promise<void> {
  const dueOn = incomeDueOn(deposit.openedOn, month);
  const monthContext: CommandContext = { ...context, idempotencyKey: monthlyIncomeKey(deposit.accountId, month), businessDate: dueOn, causationId: context.idempotencyKey };
  const note = (accepted: { replayed: boolean; events: unknown[]; position: Position | null }): void => {
    if (accepted.replayed || accepted.events.length === 0) return;
    outcome.eventsAppended += accepted.events.length;
    if (accepted.position && (outcome.position === null || comparePositions(accepted.position, outcome.position) > 0)) outcome.position = accepted.position;
  };
  const paid = await deps.executor.onMonthlyIncome({ type: 'PayMonthlyIncome', accountId: deposit.accountId, month, businessDate: dueOn, today }, monthContext, { scope: MONTHLY_INCOME_SCOPES.pay });
  note(paid);
  const credited = await deps.executor.onSavingsAccount(
    {
      type: 'CreditDepositProceeds',
      accountId: deposit.payoutAccountId,
      memberNo: deposit.memberNo,
      sourceAccountId: deposit.accountId,
      kind: 'MONTHLY_INCOME',
      reference: `income-${month}`,
      amountPaise: deposit.monthlyIncomePaise,
      businessDate: dueOn,
      today,
    },
    monthContext,
    { scope: MONTHLY_INCOME_SCOPES.credit },
  );
  note(credited);
  outcome.monthsPaid += 1;
}
