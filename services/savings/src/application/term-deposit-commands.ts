import { DomainError, todayInKolkata, ValidationError, type CommandAccepted, type CommandContext } from '@samabay/domain-kit';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import type { DepositProceedsKind } from '../domain/account/savings-account-commands';
import { requirePositivePaise } from '../domain/shared/amounts';
import { requireMemberNo } from '../domain/shared/member-number';
import type { FixedDepositEvent } from '../domain/term-deposit/fixed-deposit-events';
import type { MonthlyIncomeEvent } from '../domain/term-deposit/monthly-income-events';
import { requireOwnSavingsAccount, requireProceedsDestination, type ProceedsDestination } from '../domain/term-deposit/proceeds-destination';
import type { SavingsReader } from '../infrastructure/savings-reader';
import { openUnderFreeSerial } from './account-serials';
import { standingOf, type MemberStandingSource } from './member-standings';
import { balanceAfter, requireKind, type SavingsExecutor } from './savings-executor';
import type { CloseTermDepositInput, OpenFixedDepositInput, OpenMonthlyIncomeDepositInput } from './savings-inputs';

/**
 * An accepted term-deposit command: the deposit stream's answer, the account, the deposit balance it left
 * (paise), and — when proceeds went to a savings account — that account's credit answer.
 */
export type TermDepositAccepted = CommandAccepted<FixedDepositEvent | MonthlyIncomeEvent> & {
  readonly accountId: string;
  readonly balancePaise: number | null;
  readonly proceedsCredit: (CommandAccepted<SavingsAccountEvent> & { readonly accountId: string; readonly balancePaise: number | null }) | null;
};

/** What the term-deposit commands need. */
export interface TermDepositCommandDeps {
  readonly executor: SavingsExecutor;
  readonly standings: MemberStandingSource;
  readonly accounts: Pick<SavingsReader, 'findAccount'>;
  readonly catchUp: () => Promise<void>;
  readonly clock: () => Date;
}

/** Idempotency scope of the savings-account credit that follows a closure paid into a savings account (same key as the closure). */
export const PROCEEDS_CREDIT_SCOPE = 'term-deposit-proceeds-credit';

/**
 * Fixed Deposits and Monthly Income Scheme deposits at the counter (issue 4 item 3). A closure whose proceeds go
 * to the member's savings account is a two-stream process: the deposit is closed, then the savings account is
 * credited under the same idempotency key in another scope — re-running the same request after a crash replays
 * the closure and finishes the credit, so the money is credited exactly once. The payout account is checked to be
 * the member's open SD/TF account before the deposit is closed.
 * Rejections: the deciders' typed errors plus MEMBER_NOT_FOUND, NOT_A_FIXED_DEPOSIT, NOT_A_MONTHLY_INCOME_DEPOSIT,
 * PAYOUT_ACCOUNT_NOT_OPEN (the payout account is unknown or closed), INVALID_CLOSURE.
 */
export class TermDepositCommands {
  constructor(private readonly deps: TermDepositCommandDeps) {}

  /** Opens a Fixed Deposit (next free FD serial unless `accountId` is given). */
  async openFixedDeposit(input: OpenFixedDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    const memberNo = requireMemberNo(input.memberNo);
    const principalPaise = requirePositivePaise(input.principalPaise, 'principalPaise');
    if (input.accountId) requireKind(input.accountId, ['FD'], 'ACCOUNT_ID_MISMATCH', 'an FD account of the member');
    const memberStatus = await standingOf(this.deps.standings, memberNo, this.deps.catchUp, true);
    const today = this.today();
    const payloadForHash = { memberNo, principalPaise, tenureMonths: input.tenureMonths, accountId: input.accountId ?? null, businessDate: context.businessDate };
    const accepted = await openUnderFreeSerial(memberNo, 'FD', input.accountId, (accountId) =>
      this.deps.executor.onFixedDeposit(
        { type: 'OpenFixedDeposit', accountId, memberNo, memberStatus, principalPaise, tenureMonths: input.tenureMonths, businessDate: context.businessDate, today },
        context,
        { payloadForHash },
      ),
    );
    return { ...accepted, balancePaise: balanceAfter(accepted), proceedsCredit: null };
  }

  /** Opens an MIS deposit whose income goes to the member's open SD/TF account `payoutAccountId`. */
  async openMonthlyIncomeDeposit(input: OpenMonthlyIncomeDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    const memberNo = requireMemberNo(input.memberNo);
    const principalPaise = requirePositivePaise(input.principalPaise, 'principalPaise');
    if (input.accountId) requireKind(input.accountId, ['MI'], 'ACCOUNT_ID_MISMATCH', 'an MI account of the member');
    const payoutAccountId = requireOwnSavingsAccount(input.payoutAccountId, memberNo, 'payoutAccountId');
    const memberStatus = await standingOf(this.deps.standings, memberNo, this.deps.catchUp, true);
    await this.requireOpenSavingsAccount(payoutAccountId, 'payoutAccountId');
    const today = this.today();
    const payloadForHash = { memberNo, principalPaise, tenureMonths: input.tenureMonths, payoutAccountId, accountId: input.accountId ?? null, businessDate: context.businessDate };
    const accepted = await openUnderFreeSerial(memberNo, 'MI', input.accountId, (accountId) =>
      this.deps.executor.onMonthlyIncome(
        { type: 'OpenMonthlyIncomeDeposit', accountId, memberNo, memberStatus, principalPaise, tenureMonths: input.tenureMonths, payoutAccountId, businessDate: context.businessDate, today },
        context,
        { payloadForHash },
      ),
    );
    return { ...accepted, balancePaise: balanceAfter(accepted), proceedsCredit: null };
  }

  /** Closes a Fixed Deposit at maturity or prematurely; proceeds in cash or credited to the member's savings account. */
  async closeFixedDeposit(input: CloseTermDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    const { accountId, memberNo } = input;
    requireKind(accountId, ['FD'], 'NOT_A_FIXED_DEPOSIT', 'a Fixed Deposit');
    const payout = await this.checkedPayout(input);
    const type = input.closure === 'MATURITY' ? 'CloseFixedDepositAtMaturity' : 'CloseFixedDepositPrematurely';
    const closed = await this.deps.executor.onFixedDeposit({ type, accountId, memberNo, payout, ...this.dated(context) }, context);
    return this.withProceeds(closed, accountId, memberNo, payout, 'FIXED_DEPOSIT_CLOSURE', context);
  }

  /** Closes an MIS deposit at maturity (every month paid) or prematurely; proceeds in cash or to the member's savings account. */
  async closeMonthlyIncomeDeposit(input: CloseTermDepositInput, context: CommandContext): Promise<TermDepositAccepted> {
    const { accountId, memberNo } = input;
    requireKind(accountId, ['MI'], 'NOT_A_MONTHLY_INCOME_DEPOSIT', 'a Monthly Income Scheme deposit');
    const payout = await this.checkedPayout(input);
    const type = input.closure === 'MATURITY' ? 'CloseMonthlyIncomeAtMaturity' : 'CloseMonthlyIncomePrematurely';
    const closed = await this.deps.executor.onMonthlyIncome({ type, accountId, memberNo, payout, ...this.dated(context) }, context);
    return this.withProceeds(closed, accountId, memberNo, payout, 'MONTHLY_INCOME_CLOSURE', context);
  }

  /** Step 2 of a closure paid into a savings account: credit the payout (same key, another scope). */
  private async withProceeds(
    closed: CommandAccepted<FixedDepositEvent | MonthlyIncomeEvent>,
    accountId: string,
    memberNo: string,
    payout: ProceedsDestination,
    kind: DepositProceedsKind,
    context: CommandContext,
  ): Promise<TermDepositAccepted> {
    const answer = { ...closed, accountId, balancePaise: balanceAfter(closed), proceedsCredit: null };
    if (payout.kind === 'CASH') return answer;
    const closure = closed.events.find((event) => 'payoutPaise' in event.data) as { data: { payoutPaise: number } } | undefined;
    if (!closure) throw new Error(`the closure of ${accountId} returned no payout`);
    if (closure.data.payoutPaise === 0) return answer;
    const credit = await this.deps.executor.onSavingsAccount(
      {
        type: 'CreditDepositProceeds',
        accountId: payout.savingsAccountId,
        memberNo,
        sourceAccountId: accountId,
        kind,
        reference: 'closure',
        amountPaise: closure.data.payoutPaise,
        ...this.dated(context),
      },
      context,
      { scope: PROCEEDS_CREDIT_SCOPE },
    );
    return { ...answer, proceedsCredit: { ...credit, accountId: payout.savingsAccountId, balancePaise: balanceAfter(credit) } };
  }

  /** The validated payout; a savings-account payout must be the member's account, open in the read model. */
  private async checkedPayout(input: CloseTermDepositInput): Promise<ProceedsDestination> {
    if (input.closure !== 'PREMATURE' && input.closure !== 'MATURITY') throw new ValidationError('closure', 'closure must be PREMATURE or MATURITY', 'INVALID_CLOSURE');
    const payout = requireProceedsDestination(input.payout, requireMemberNo(input.memberNo));
    if (payout.kind === 'SAVINGS_ACCOUNT') await this.requireOpenSavingsAccount(payout.savingsAccountId, 'payout.savingsAccountId');
    return payout;
  }

  /** @throws DomainError PAYOUT_ACCOUNT_NOT_OPEN (`field`) when the read model (after catching up) has no such open account. */
  private async requireOpenSavingsAccount(accountId: string, field: string): Promise<void> {
    let account = await this.deps.accounts.findAccount(accountId);
    if (!account || account.status === 'CLOSED') {
      await this.deps.catchUp();
      account = await this.deps.accounts.findAccount(accountId);
    }
    if (!account || account.status === 'CLOSED') throw new DomainError('PAYOUT_ACCOUNT_NOT_OPEN', `account ${accountId} is not an open savings account`, field);
  }

  private dated(context: CommandContext): { businessDate: string; today: string } {
    return { businessDate: context.businessDate, today: this.today() };
  }

  private today(): string {
    return todayInKolkata(this.deps.clock);
  }
}
