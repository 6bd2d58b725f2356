import type { CommandContext, CommandHandler } from '@samabay/domain-kit';
import type { SavingsProducts } from '../domain/products/savings-products';
import type { SavingsReader } from '../infrastructure/savings-reader';
import { AccountCommands, type AccountCommandAccepted } from './account-commands';
import { CollectionCommands } from './collection-commands';
import { runDayEnd, type DayEndOutcome } from './day-end-runner';
import { transferBetweenOwnAccounts, type OwnAccountTransferOutcome } from './own-account-transfer-process';
import { RecurringDepositCommands, type RecurringDepositAccepted } from './recurring-deposit-commands';
import { importRegisterBalances, type RegisterBalancesAccepted } from './register-balances';
import { SavingsExecutor } from './savings-executor';
import type {
  AccountCashInput,
  AccountOfMemberInput,
  CloseRecurringDepositInput,
  DayEndRunOptions,
  OpenRecurringDepositInput,
  OpenSavingsAccountInput,
  OwnAccountTransferInput,
  RecordCollectionInput,
  RegisterBalancesInput,
  RunDayEndInput,
  SettleCollectionInput,
} from './savings-inputs';

/**
 * The savings service's commands (issue 4). Each takes its input and the CommandContext (idempotency
 * key, actor, business date) and answers with the command handler's answer (a repeated key returns
 * the first answer with `replayed: true`, appending nothing). Rejections throw DomainError /
 * ValidationError with a stable `code` and the offending `field`; a rejected command appends nothing.
 * A business date after today (Asia/Kolkata, from the clock) or before the account's opening is rejected.
 */
export interface SavingsCommands {
  openAccount(input: OpenSavingsAccountInput, context: CommandContext): Promise<AccountCommandAccepted>;
  deposit(input: AccountCashInput, context: CommandContext): Promise<AccountCommandAccepted>;
  withdraw(input: AccountCashInput, context: CommandContext): Promise<AccountCommandAccepted>;
  closeAccount(input: AccountOfMemberInput, context: CommandContext): Promise<AccountCommandAccepted>;
  reactivateAccount(input: AccountOfMemberInput, context: CommandContext): Promise<AccountCommandAccepted>;
  transferBetweenOwnAccounts(input: OwnAccountTransferInput, context: CommandContext): Promise<OwnAccountTransferOutcome>;
  openRecurringDeposit(input: OpenRecurringDepositInput, context: CommandContext): Promise<RecurringDepositAccepted>;
  payInstalment(input: AccountCashInput, context: CommandContext): Promise<RecurringDepositAccepted>;
  payRecurringDepositFine(input: AccountCashInput, context: CommandContext): Promise<RecurringDepositAccepted>;
  closeRecurringDeposit(input: CloseRecurringDepositInput, context: CommandContext): Promise<RecurringDepositAccepted>;
  recordCollection(input: RecordCollectionInput, context: CommandContext): Promise<AccountCommandAccepted>;
  verifyCollection(input: SettleCollectionInput, context: CommandContext): Promise<AccountCommandAccepted>;
  disputeCollection(input: SettleCollectionInput, context: CommandContext): Promise<AccountCommandAccepted>;
  /** Register migration: one row's savings and thrift balances as opening balances (see register-balances.ts). */
  importRegisterBalances(input: RegisterBalancesInput, context: CommandContext): Promise<RegisterBalancesAccepted>;
  /** Day-end of a branch through a business date (see day-end-runner.ts); the context's key is the run's correlation. */
  runDayEnd(input: RunDayEndInput, context: CommandContext, options?: DayEndRunOptions): Promise<DayEndOutcome>;
}

/** What {@link SavingsCommandService} needs. */
export interface SavingsCommandDeps {
  readonly handler: CommandHandler;
  readonly products: SavingsProducts;
  readonly reader: SavingsReader;
  readonly clock: () => Date;
  /** Waits until the read models include every event written so far. */
  readonly catchUp: () => Promise<void>;
  readonly dayEndConcurrency: number;
  /** Accounts per day-end batch (one atomic append each). Default: DEFAULT_DAY_END_BATCH_SIZE. */
  readonly dayEndBatchSize?: number;
}

/** The command side of savings on the shared CommandHandler. See {@link SavingsCommands}. */
export class SavingsCommandService implements SavingsCommands {
  private readonly executor: SavingsExecutor;
  private readonly accounts: AccountCommands;
  private readonly recurring: RecurringDepositCommands;
  private readonly collections: CollectionCommands;

  constructor(private readonly deps: SavingsCommandDeps) {
    this.executor = new SavingsExecutor(deps.handler, deps.products);
    const shared = { executor: this.executor, standings: deps.reader, catchUp: deps.catchUp, clock: deps.clock };
    this.accounts = new AccountCommands(shared);
    this.recurring = new RecurringDepositCommands(shared);
    this.collections = new CollectionCommands(this.executor, deps.clock);
  }

  openAccount(input: OpenSavingsAccountInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.openAccount(input, context);
  }

  deposit(input: AccountCashInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.deposit(input, context);
  }

  withdraw(input: AccountCashInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.withdraw(input, context);
  }

  closeAccount(input: AccountOfMemberInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.closeAccount(input, context);
  }

  reactivateAccount(input: AccountOfMemberInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.reactivateAccount(input, context);
  }

  transferBetweenOwnAccounts(input: OwnAccountTransferInput, context: CommandContext): Promise<OwnAccountTransferOutcome> {
    return transferBetweenOwnAccounts(this.executor, this.deps.clock, input, context);
  }

  openRecurringDeposit(input: OpenRecurringDepositInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    return this.recurring.openRecurringDeposit(input, context);
  }

  payInstalment(input: AccountCashInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    return this.recurring.payInstalment(input, context);
  }

  payRecurringDepositFine(input: AccountCashInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    return this.recurring.payFine(input, context);
  }

  closeRecurringDeposit(input: CloseRecurringDepositInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    return this.recurring.closeRecurringDeposit(input, context);
  }

  recordCollection(input: RecordCollectionInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.collections.recordCollection(input, context);
  }

  verifyCollection(input: SettleCollectionInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.collections.verifyCollection(input, context);
  }

  disputeCollection(input: SettleCollectionInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.collections.disputeCollection(input, context);
  }

  importRegisterBalances(input: RegisterBalancesInput, context: CommandContext): Promise<RegisterBalancesAccepted> {
    return importRegisterBalances({ executor: this.executor, standings: this.deps.reader, catchUp: this.deps.catchUp, clock: this.deps.clock }, input, context);
  }

  runDayEnd(input: RunDayEndInput, context: CommandContext, options?: DayEndRunOptions): Promise<DayEndOutcome> {
    const { executor } = this;
    const { reader, products, catchUp, clock, dayEndConcurrency: concurrency, dayEndBatchSize: batchSize } = this.deps;
    return runDayEnd({ executor, reader, products, catchUp, clock, concurrency, batchSize }, input, context, options);
  }
}
