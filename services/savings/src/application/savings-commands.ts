import type { CommandContext, CommandHandler, EffectiveDated } from '@samabay/domain-kit';
import type { CashDepositLimitTerms } from '../domain/products/cash-deposit-limit-terms';
import type { WithdrawalApprovalTerms } from '../domain/products/withdrawal-approval-terms';
import type { SavingsProducts } from '../domain/products/savings-products';
import type { SavingsReader } from '../infrastructure/savings-reader';
import { AccountCommands, type AccountCommandAccepted } from './account-commands';
import { CollectionCommands } from './collection-commands';
import { runDayEnd, type DayEndOutcome } from './day-end-runner';
import { transferBetweenOwnAccounts, type OwnAccountTransferOutcome } from './own-account-transfer-process';
import { RecurringDepositCommands, type RecurringDepositAccepted } from './recurring-deposit-commands';
import { creditLoanDisbursement } from './loan-credit';
import { payMonthlyIncomeDue, type MonthlyIncomePayoutsOutcome } from './monthly-income-payouts';
import { importRegisterBalances, type RegisterBalancesAccepted } from './register-balances';
import { TermDepositCommands, type TermDepositAccepted } from './term-deposit-commands';
import { SavingsExecutor } from './savings-executor';
import type {
  AccountCashInput,
  AccountOfMemberInput,
  CloseRecurringDepositInput,
  CloseTermDepositInput,
  CreditLoanDisbursementInput,
  DayEndRunOptions,
  MonthlyIncomePayoutsInput,
  OpenFixedDepositInput,
  OpenMonthlyIncomeDepositInput,
  OpenRecurringDepositInput,
  OpenSavingsAccountInput,
  OwnAccountTransferInput,
  RecordCollectionInput,
  RegisterBalancesInput,
  RunDayEndInput,
  SettleCollectionInput,
  WithdrawInput,
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
  withdraw(input: WithdrawInput, context: CommandContext): Promise<AccountCommandAccepted>;
  /** The maker–checker terms when a withdrawal of `amountPaise` on `businessDate` needs approval, else null. */
  withdrawalNeedsApproval(amountPaise: number, businessDate: string): WithdrawalApprovalTerms | null;
  /**
   * For a large-withdrawal request: the maker–checker terms when this withdrawal, with the account's
   * earlier withdrawals of the business date, needs approval, else null; refuses (INSUFFICIENT_BALANCE, …)
   * what the withdrawal itself would be refused for. Appends nothing.
   */
  largeWithdrawalTerms(input: AccountCashInput, context: CommandContext): Promise<WithdrawalApprovalTerms | null>;
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
  /** Fixed Deposit: open with principal and tenure (see term-deposit-commands.ts). */
  openFixedDeposit(input: OpenFixedDepositInput, context: CommandContext): Promise<TermDepositAccepted>;
  /** Fixed Deposit: close at maturity or prematurely, proceeds in cash or to the member's savings account. */
  closeFixedDeposit(input: CloseTermDepositInput, context: CommandContext): Promise<TermDepositAccepted>;
  /** Monthly Income Scheme: open with principal, tenure and the savings account the income goes to. */
  openMonthlyIncomeDeposit(input: OpenMonthlyIncomeDepositInput, context: CommandContext): Promise<TermDepositAccepted>;
  /** Monthly Income Scheme: close at maturity (principal back) or prematurely (income recomputed). */
  closeMonthlyIncomeDeposit(input: CloseTermDepositInput, context: CommandContext): Promise<TermDepositAccepted>;
  /** Day-end step: pays and credits every MIS income month due in the branch through the date (see monthly-income-payouts.ts). */
  payMonthlyIncomeDue(input: MonthlyIncomePayoutsInput, context: CommandContext): Promise<MonthlyIncomePayoutsOutcome>;
  /** Credits a loan disbursed into a member's savings account (lending's disbursement process; see loan-credit.ts). */
  creditLoanDisbursement(input: CreditLoanDisbursementInput, context: CommandContext): Promise<AccountCommandAccepted>;
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
  /** Maker–checker limit of withdrawals (effective-dated); none: no limit. */
  readonly withdrawalApproval?: EffectiveDated<WithdrawalApprovalTerms>;
  /** Per-transaction limit of cash deposits (counter and door-step), effective-dated. */
  readonly cashDepositLimit: EffectiveDated<CashDepositLimitTerms>;
  /** Accounts per day-end batch (one atomic append each). Default: DEFAULT_DAY_END_BATCH_SIZE. */
  readonly dayEndBatchSize?: number;
}

/** The command side of savings on the shared CommandHandler. See {@link SavingsCommands}. */
export class SavingsCommandService implements SavingsCommands {
  private readonly executor: SavingsExecutor;
  private readonly accounts: AccountCommands;
  private readonly recurring: RecurringDepositCommands;
  private readonly collections: CollectionCommands;
  private readonly termDeposits: TermDepositCommands;

  constructor(private readonly deps: SavingsCommandDeps) {
    this.executor = new SavingsExecutor(deps.handler, deps.products);
    const shared = { executor: this.executor, standings: deps.reader, catchUp: deps.catchUp, clock: deps.clock };
    this.accounts = new AccountCommands({ ...shared, withdrawalApproval: deps.withdrawalApproval, cashDepositLimit: deps.cashDepositLimit });
    this.recurring = new RecurringDepositCommands(shared);
    this.collections = new CollectionCommands(this.executor, deps.clock, deps.cashDepositLimit);
    this.termDeposits = new TermDepositCommands({ ...shared, accounts: deps.reader });
  }

  openAccount(input: OpenSavingsAccountInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.openAccount(input, context);
  }

  deposit(input: AccountCashInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.deposit(input, context);
  }

  withdraw(input: WithdrawInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return this.accounts.withdraw(input, context);
  }

  withdrawalNeedsApproval(amountPaise: number, businessDate: string): WithdrawalApprovalTerms | null {
    return this.accounts.withdrawalNeedsApproval(amountPaise, businessDate);
  }

  largeWithdrawalTerms(input: AccountCashInput, context: CommandContext): Promise<WithdrawalApprovalTerms | null> {
    return this.accounts.largeWithdrawalTerms(input, context);
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

  async runDayEnd(input: RunDayEndInput, context: CommandContext, options?: DayEndRunOptions): Promise<DayEndOutcome> {
    // Day-end step hook: MIS income due through the date is paid and credited before the savings accounts close their periods.
    await this.payMonthlyIncomeDue({ branchCode: input.branchCode, businessDate: input.businessDate }, context);
    const { executor } = this;
    const { reader, products, catchUp, clock, dayEndConcurrency: concurrency, dayEndBatchSize: batchSize } = this.deps;
    return runDayEnd({ executor, reader, products, catchUp, clock, concurrency, batchSize }, input, context, options);
  }

  openFixedDeposit(input: OpenFixedDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    return this.termDeposits.openFixedDeposit(input, context);
  }

  closeFixedDeposit(input: CloseTermDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    return this.termDeposits.closeFixedDeposit(input, context);
  }

  openMonthlyIncomeDeposit(input: OpenMonthlyIncomeDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    return this.termDeposits.openMonthlyIncomeDeposit(input, context);
  }

  closeMonthlyIncomeDeposit(input: CloseTermDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    return this.termDeposits.closeMonthlyIncomeDeposit(input, context);
  }

  payMonthlyIncomeDue(input: MonthlyIncomePayoutsInput, context: CommandContext): Promise<MonthlyIncomePayoutsOutcome> {
    const { reader, catchUp, clock, dayEndConcurrency: concurrency } = this.deps;
    return payMonthlyIncomeDue({ executor: this.executor, deposits: reader, catchUp, clock, concurrency }, input, context);
  }

  creditLoanDisbursement(input: CreditLoanDisbursementInput, context: CommandContext): Promise<AccountCommandAccepted> {
    return creditLoanDisbursement(this.executor, this.deps.clock, input, context);
  }
}
