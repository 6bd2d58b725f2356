import { DomainError, ValidationError, type BatchCommandResult, type CommandAccepted, type CommandContext, type CommandHandler, type Decider, type DomainEvent, type ExecuteCommandRequest } from '@samabay/domain-kit';
import type { SavingsAccountCommand } from '../domain/account/savings-account-commands';
import { createSavingsAccountDecider } from '../domain/account/savings-account-decider';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import type { SavingsAccountState, TransferOutRecord } from '../domain/account/savings-account-state';
import { branchDayEndDecider, savingsDayEndStreamId, type CloseBranchBusinessDay, type SavingsBusinessDayClosed } from '../domain/day-end/branch-day-end';
import type { SavingsProducts } from '../domain/products/savings-products';
import type { RecurringDepositCommand } from '../domain/recurring/recurring-deposit-commands';
import { createRecurringDepositDecider } from '../domain/recurring/recurring-deposit-decider';
import type { RecurringDepositEvent } from '../domain/recurring/recurring-deposit-events';
import type { RecurringDepositState } from '../domain/recurring/recurring-deposit-state';
import { parseAccountId, savingsAccountStreamId, type AccountKind } from '../domain/shared/account-ids';
import type { FixedDepositCommand } from '../domain/term-deposit/fixed-deposit-commands';
import { createFixedDepositDecider } from '../domain/term-deposit/fixed-deposit-decider';
import type { FixedDepositEvent } from '../domain/term-deposit/fixed-deposit-events';
import type { FixedDepositState } from '../domain/term-deposit/fixed-deposit-state';
import type { MonthlyIncomeCommand } from '../domain/term-deposit/monthly-income-commands';
import { createMonthlyIncomeDecider } from '../domain/term-deposit/monthly-income-decider';
import type { MonthlyIncomeEvent } from '../domain/term-deposit/monthly-income-events';
import type { MonthlyIncomeState } from '../domain/term-deposit/monthly-income-state';

/** Asks a savings account's stream how a transfer stands, through the command path's cache; never appends. */
interface ProbeTransfer {
  readonly type: 'ProbeTransfer';
  readonly transferId: string;
}

/**
 * The answer of a probe, thrown so that the command handler records nothing: the transfer's debit
 * record on the source account, or null when the account no longer remembers it (its interest period closed).
 */
class TransferProbeAnswer extends DomainError {
  constructor(readonly record: TransferOutRecord | null) {
    super('TRANSFER_PROBE', 'probe of a transfer (not a rejection)');
  }
}

/**
 * Snapshot versions of the savings deciders (DESIGN §4): bump one whenever its evolve or state shape
 * changes, so that snapshots built by the old evolve are ignored (the stream is replayed instead).
 */
export const SAVINGS_ACCOUNT_SNAPSHOT_VERSION = 'savings-account-2';
/** See {@link SAVINGS_ACCOUNT_SNAPSHOT_VERSION}. */
export const RECURRING_DEPOSIT_SNAPSHOT_VERSION = 'recurring-deposit-1';

/** A savings-account command plus what decides whether a repeat of its idempotency key is the same command. */
export interface ExecuteOptions {
  readonly scope?: string;
  /** Default: the command without `today` (a retry on a later day must still be recognised). */
  readonly payloadForHash?: unknown;
}

/**
 * Runs savings commands on the shared CommandHandler: one decider object per aggregate type (so the
 * handler's hot cache serves every command of a stream), stream ids from account ids, the envelope's
 * branch from the account's owner, and hashes that leave out `today`. Checks that an account id names
 * the kind of account the command is for before any stream is read.
 */
export class SavingsExecutor {
  private readonly savingsDecider: Decider<SavingsAccountCommand | ProbeTransfer, SavingsAccountEvent, SavingsAccountState>;
  private readonly recurringDecider: Decider<RecurringDepositCommand, RecurringDepositEvent, RecurringDepositState>;
  private readonly fixedDecider: Decider<FixedDepositCommand, FixedDepositEvent, FixedDepositState>;
  private readonly incomeDecider: Decider<MonthlyIncomeCommand, MonthlyIncomeEvent, MonthlyIncomeState>;

  constructor(
    private readonly handler: CommandHandler,
    products: SavingsProducts,
  ) {
    const savings = createSavingsAccountDecider(products);
    this.savingsDecider = {
      initialState: savings.initialState,
      evolve: savings.evolve,
      snapshotVersion: SAVINGS_ACCOUNT_SNAPSHOT_VERSION,
      decide: (command, state) => {
        if (command.type === 'ProbeTransfer') throw new TransferProbeAnswer(state?.transfersOut[command.transferId] ?? null);
        return savings.decide(command, state);
      },
    };
    this.recurringDecider = { ...createRecurringDepositDecider(products), snapshotVersion: RECURRING_DEPOSIT_SNAPSHOT_VERSION };
    this.fixedDecider = createFixedDepositDecider(products);
    this.incomeDecider = createMonthlyIncomeDecider(products);
  }

  /** Executes a command on a Fixed Deposit stream. @throws NOT_A_FIXED_DEPOSIT (field accountId) for another kind. */
  onFixedDeposit(command: FixedDepositCommand, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandAccepted<FixedDepositEvent>> {
    requireKind(command.accountId, ['FD'], 'NOT_A_FIXED_DEPOSIT', 'a Fixed Deposit');
    return this.onAccountStream(this.fixedDecider, command, context, options);
  }

  /** Executes a command on a Monthly Income Scheme stream. @throws NOT_A_MONTHLY_INCOME_DEPOSIT (field accountId) for another kind. */
  onMonthlyIncome(command: MonthlyIncomeCommand, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandAccepted<MonthlyIncomeEvent>> {
    requireKind(command.accountId, ['MI'], 'NOT_A_MONTHLY_INCOME_DEPOSIT', 'a Monthly Income Scheme deposit');
    return this.onAccountStream(this.incomeDecider, command, context, options);
  }

  /** Executes a command on a Savings Deposit / Thrift Fund account stream. @throws NOT_A_SAVINGS_ACCOUNT (field accountId) for another kind. */
  onSavingsAccount(command: SavingsAccountCommand, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandAccepted<SavingsAccountEvent>> {
    requireKind(command.accountId, ['SD', 'TF'], 'NOT_A_SAVINGS_ACCOUNT', 'a Savings Deposit or Thrift Fund account');
    return this.onAccountStream(this.savingsDecider, command, context, options);
  }

  /**
   * Decides a savings-account command on the account's current state (through the handler's cache)
   * without appending or recording anything: a dry run, e.g. to refuse a large-withdrawal request the
   * balance does not cover before it reaches a checker. The real command decides again.
   * @throws NOT_A_SAVINGS_ACCOUNT (field accountId) for another kind, and whatever the decider throws.
   */
  async dryRunOnSavingsAccount(command: SavingsAccountCommand): Promise<SavingsAccountEvent[]> {
    requireKind(command.accountId, ['SD', 'TF'], 'NOT_A_SAVINGS_ACCOUNT', 'a Savings Deposit or Thrift Fund account');
    const { state } = await this.handler.readState(this.savingsDecider, savingsAccountStreamId(command.accountId));
    return this.savingsDecider.decide(command, state);
  }

  /** Executes a command on a Recurring Deposit stream. @throws NOT_A_RECURRING_DEPOSIT (field accountId) for another kind. */
  onRecurringDeposit(command: RecurringDepositCommand, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandAccepted<RecurringDepositEvent>> {
    requireKind(command.accountId, ['RD'], 'NOT_A_RECURRING_DEPOSIT', 'a Recurring Deposit');
    return this.onAccountStream(this.recurringDecider, command, context, options);
  }

  /** One command on an account's stream (`savingsAccount-<accountId>`), the branch taken from the account id's first three letters. */
  private onAccountStream<D extends { readonly type: string }, C extends D & { readonly accountId: string; readonly today?: unknown }, E extends DomainEvent, S>(
    decider: Decider<D, E, S>,
    command: C,
    context: CommandContext,
    options: ExecuteOptions,
  ): Promise<CommandAccepted<E>> {
    return this.handler.execute({
      decider,
      streamId: savingsAccountStreamId(command.accountId),
      commandType: command.type,
      command,
      context,
      idempotencyScope: options.scope,
      payloadForHash: options.payloadForHash ?? withoutToday(command),
      branchCode: command.accountId.slice(0, 3),
    });
  }

  /** Executes a checkpoint command on the branch's day-end stream. */
  onBranchDayEnd(command: CloseBranchBusinessDay, context: CommandContext): Promise<CommandAccepted<SavingsBusinessDayClosed>> {
    return this.handler.execute({
      decider: branchDayEndDecider,
      streamId: savingsDayEndStreamId(command.branchCode),
      commandType: command.type,
      command,
      context,
      payloadForHash: { branchCode: command.branchCode, businessDate: command.businessDate },
      branchCode: command.branchCode,
    });
  }

  /**
   * Executes many savings-account commands (one per account) as one batch through
   * CommandHandler.executeBatch: one atomic append for all that are accepted, results in order (a
   * rejected command, e.g. an id of another kind, appends nothing and the rest still go through).
   * Stream, envelope branch and hash as {@link onSavingsAccount}. For the day-end.
   */
  onSavingsAccountsBatch(items: ReadonlyArray<{ readonly command: SavingsAccountCommand; readonly context: CommandContext }>): Promise<Array<BatchCommandResult<SavingsAccountEvent>>> {
    return this.batch(items, ['SD', 'TF'], 'NOT_A_SAVINGS_ACCOUNT', 'a Savings Deposit or Thrift Fund account', this.savingsDecider);
  }

  /** {@link onSavingsAccountsBatch} for Recurring Deposit commands. */
  onRecurringDepositsBatch(items: ReadonlyArray<{ readonly command: RecurringDepositCommand; readonly context: CommandContext }>): Promise<Array<BatchCommandResult<RecurringDepositEvent>>> {
    return this.batch(items, ['RD'], 'NOT_A_RECURRING_DEPOSIT', 'a Recurring Deposit', this.recurringDecider);
  }

  private async batch<D, C extends D & { readonly type: string; readonly accountId: string; readonly today?: unknown }, E extends SavingsAccountEvent | RecurringDepositEvent, S>(
    items: ReadonlyArray<{ readonly command: C; readonly context: CommandContext }>,
    kinds: readonly AccountKind[],
    code: string,
    what: string,
    decider: Decider<D, E, S>,
  ): Promise<Array<BatchCommandResult<E>>> {
    const results: Array<BatchCommandResult<E> | undefined> = new Array(items.length);
    const requests: Array<ExecuteCommandRequest<D, E, S>> = [];
    const positions: number[] = [];
    items.forEach(({ command, context }, index) => {
      try {
        requireKind(command.accountId, kinds, code, what);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = { status: 'rejected', error };
        return;
      }
      positions.push(index);
      requests.push({
        decider,
        streamId: savingsAccountStreamId(command.accountId),
        commandType: command.type,
        command,
        context,
        payloadForHash: withoutToday(command),
        branchCode: command.accountId.slice(0, 3),
      });
    });
    const executed = requests.length === 0 ? [] : await this.handler.executeBatch(requests);
    executed.forEach((result, position) => (results[positions[position]] = result));
    return results as Array<BatchCommandResult<E>>;
  }

  /**
   * How the transfer `transferId` stands on its source account: its debit record (with `reversed`), or
   * null when the account no longer remembers it. Reads through the handler (and its cache) without
   * appending or recording anything: the probe "command" always answers by throwing.
   */
  async probeTransfer(fromAccountId: string, transferId: string, context: CommandContext): Promise<TransferOutRecord | null> {
    try {
      await this.handler.execute({
        decider: this.savingsDecider,
        streamId: savingsAccountStreamId(fromAccountId),
        commandType: 'ProbeTransfer',
        command: { type: 'ProbeTransfer', transferId },
        context,
        idempotencyScope: 'transfer-probe',
      });
    } catch (error) {
      if (error instanceof TransferProbeAnswer) return error.record;
      throw error;
    }
    throw new Error('a transfer probe must not be accepted');
  }
}

/** The command as hashed for idempotency: everything but `today`. */
export function withoutToday<C extends { readonly today?: unknown }>(command: C): Omit<C, 'today'> {
  const { today: _today, ...rest } = command;
  return rest;
}

/** @throws ValidationError INVALID_ACCOUNT_ID (`field`), or `code` on `field` when the id names another kind of account. */
export function requireKind(accountId: unknown, kinds: readonly AccountKind[], code: string, what: string, field = 'accountId'): AccountKind {
  const { kind } = parseAccountId(accountId, field);
  if (!kinds.includes(kind)) throw new ValidationError(field, `${field} must be ${what}`, code);
  return kind;
}

/** The balance the last money event of an accepted command left (paise), or null when none moved money. */
export function balanceAfter(accepted: CommandAccepted<SavingsAccountEvent | RecurringDepositEvent | FixedDepositEvent | MonthlyIncomeEvent>): number | null {
  for (let index = accepted.events.length - 1; index >= 0; index -= 1) {
    const data = accepted.events[index].data as { balancePaise?: unknown };
    if (typeof data.balancePaise === 'number') return data.balancePaise;
  }
  return null;
}
