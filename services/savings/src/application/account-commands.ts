import { DomainError, todayInKolkata, ValidationError, type CommandAccepted, type CommandContext, type EffectiveDated } from '@samabay/domain-kit';
import type { Withdraw } from '../domain/account/savings-account-commands';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import { requireCashDepositWithinLimit, type CashDepositLimitTerms } from '../domain/products/cash-deposit-limit-terms';
import { productTermsOn, SAVINGS_PRODUCT_CODES } from '../domain/products/savings-products';
import { withdrawalApprovalNeeded, type WithdrawalApprovalTerms } from '../domain/products/withdrawal-approval-terms';
import { requirePositivePaise } from '../domain/shared/amounts';
import { requireMemberNo } from '../domain/shared/member-number';
import { openUnderFreeSerial } from './account-serials';
import { standingOf, type MemberStandingSource } from './member-standings';
import { balanceAfter, requireKind, type SavingsExecutor } from './savings-executor';
import type { AccountCashInput, AccountOfMemberInput, OpenSavingsAccountInput, WithdrawInput } from './savings-inputs';

/** An accepted command on one account: the handler's answer, the account and the balance it left (paise; null when no money moved). */
export type AccountCommandAccepted<E extends SavingsAccountEvent = SavingsAccountEvent> = CommandAccepted<E> & {
  readonly accountId: string;
  readonly balancePaise: number | null;
};

/** What the account commands need. */
export interface AccountCommandDeps {
  readonly executor: SavingsExecutor;
  readonly standings: MemberStandingSource;
  /** Waits until the read models include every event written so far (see standingOf). */
  readonly catchUp: () => Promise<void>;
  readonly clock: () => Date;
  /** Maker–checker limit of withdrawals (effective-dated); none: no limit. */
  readonly withdrawalApproval?: EffectiveDated<WithdrawalApprovalTerms>;
  /** Per-transaction limit of cash deposits (effective-dated). */
  readonly cashDepositLimit: EffectiveDated<CashDepositLimitTerms>;
}

/**
 * Savings Deposit and Thrift Fund accounts at the counter (issue 4 item 2): open for an active member,
 * deposit, withdraw, close, reactivate. Rejections are the deciders' typed errors (see the domain) plus
 * MEMBER_NOT_FOUND, NOT_A_SAVINGS_ACCOUNT, INVALID_ACCOUNT_ID; a rejected command appends nothing.
 */
export class AccountCommands {
  constructor(private readonly deps: AccountCommandDeps) {}

  /** Opens the account (next free serial unless `accountId` is given) for a member savings knows as ACTIVE. */
  async openAccount(input: OpenSavingsAccountInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const memberNo = requireMemberNo(input.memberNo);
    if (!SAVINGS_PRODUCT_CODES.includes(input.product)) throw new ValidationError('product', 'product must be SAVINGS_DEPOSIT or THRIFT_FUND', 'INVALID_PRODUCT');
    const kind = input.product === 'SAVINGS_DEPOSIT' ? 'SD' : 'TF';
    if (input.accountId) requireKind(input.accountId, [kind], 'ACCOUNT_ID_MISMATCH', `a ${kind} account of the member`);
    const memberStatus = await standingOf(this.deps.standings, memberNo, this.deps.catchUp, true);
    const today = this.today();
    const payloadForHash = { memberNo, product: input.product, accountId: input.accountId ?? null, businessDate: context.businessDate };
    const accepted = await openUnderFreeSerial(memberNo, kind, input.accountId, (accountId) =>
      this.deps.executor.onSavingsAccount(
        { type: 'OpenAccount', accountId, memberNo, product: input.product, memberStatus, origin: 'COUNTER', businessDate: context.businessDate, today },
        context,
        { payloadForHash },
      ),
    );
    return { ...accepted, balancePaise: 0 };
  }

  /**
   * Cash paid in, at most the per-transaction cash deposit limit in force (else DEPOSIT_ABOVE_LIMIT,
   * field amountPaise). Refused with DomainError MEMBER_EXITED (field memberNo) when savings knows the
   * member as EXITED (membership refuses an exit while her accounts are open, so this guards what
   * membership cannot: an account left open by an exit recorded before that rule, or one carried over as exited).
   */
  async deposit(input: AccountCashInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const amountPaise = requireCashDepositWithinLimit(this.deps.cashDepositLimit, context.businessDate, requirePositivePaise(input.amountPaise));
    const { accountId, memberNo } = input;
    if ((await this.deps.standings.memberStanding(requireMemberNo(memberNo)))?.status === 'EXITED') {
      throw new DomainError('MEMBER_EXITED', `member ${memberNo} has exited; her accounts take no deposits`, 'memberNo');
    }
    return this.answer(accountId, await this.deps.executor.onSavingsAccount({ type: 'Deposit', accountId, memberNo, amountPaise, ...this.dated(context) }, context));
  }

  /**
   * Cash paid out, never below the product's minimum balance. When the account's withdrawals of the
   * business date including this one exceed the configured limit, it needs a checker's approval
   * (DESIGN §7): without `approvalId` the decider throws DomainError APPROVAL_REQUIRED (field amountPaise);
   * the approval queue's action passes the approved item's id.
   */
  async withdraw(input: WithdrawInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const command = this.withdrawCommand(input, context);
    const { accountId, memberNo, amountPaise, businessDate } = command;
    // The hash is the command's as before the day's limit was checked in the decider, so that keys given before still replay.
    const payloadForHash = { type: 'Withdraw', accountId, memberNo, amountPaise, businessDate };
    return this.answer(accountId, await this.deps.executor.onSavingsAccount(command, context, { payloadForHash }));
  }

  /**
   * For a large-withdrawal request: the maker–checker terms when the withdrawal (with the account's
   * earlier withdrawals of the business date) needs a checker's approval, else null (withdraw it
   * directly). Decided on the account's current state without appending anything, so a request the
   * balance cannot cover is refused now rather than at approval.
   * @throws the Withdraw decider's refusals (INSUFFICIENT_BALANCE field amountPaise, ACCOUNT_DORMANT, ACCOUNT_CLOSED, …).
   */
  async largeWithdrawalTerms(input: AccountCashInput, context: CommandContext): Promise<WithdrawalApprovalTerms | null> {
    const command = this.withdrawCommand({ ...input, approvalId: null }, context);
    try {
      await this.deps.executor.dryRunOnSavingsAccount(command);
      return null;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'APPROVAL_REQUIRED' && this.deps.withdrawalApproval) {
        return productTermsOn(this.deps.withdrawalApproval, command.businessDate);
      }
      throw error;
    }
  }

  /** Closes the account: interest to the closing date credited, the whole balance paid out. */
  async closeAccount(input: AccountOfMemberInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const { accountId, memberNo } = input;
    return this.answer(accountId, await this.deps.executor.onSavingsAccount({ type: 'CloseAccount', accountId, memberNo, ...this.dated(context) }, context));
  }

  /** Reactivates a dormant account after the branch has seen the member. */
  async reactivateAccount(input: AccountOfMemberInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const { accountId, memberNo } = input;
    return this.answer(accountId, await this.deps.executor.onSavingsAccount({ type: 'ReactivateAccount', accountId, memberNo, ...this.dated(context) }, context));
  }

  /** The maker–checker terms when a withdrawal of `amountPaise` on `businessDate` needs approval, else null. */
  withdrawalNeedsApproval(amountPaise: number, businessDate: string): WithdrawalApprovalTerms | null {
    return this.deps.withdrawalApproval ? withdrawalApprovalNeeded(this.deps.withdrawalApproval, businessDate, amountPaise) : null;
  }

  /** The Withdraw command of `input`, with the maker–checker limit in force on the business date (none when not configured). */
  private withdrawCommand(input: WithdrawInput, context: CommandContext): Withdraw {
    const amountPaise = requirePositivePaise(input.amountPaise);
    const { accountId, memberNo } = input;
    const limit = this.deps.withdrawalApproval ? { approvalAbovePaise: productTermsOn(this.deps.withdrawalApproval, context.businessDate).approvalAbovePaise } : {};
    const approval = input.approvalId ? { approvalId: input.approvalId } : {};
    return { type: 'Withdraw', accountId, memberNo, amountPaise, ...this.dated(context), ...limit, ...approval };
  }

  private answer(accountId: string, accepted: CommandAccepted<SavingsAccountEvent>): AccountCommandAccepted {
    return { ...accepted, accountId, balancePaise: balanceAfter(accepted) };
  }

  private dated(context: CommandContext): { businessDate: string; today: string } {
    return { businessDate: context.businessDate, today: this.today() };
  }

  private today(): string {
    return todayInKolkata(this.deps.clock);
  }
}
