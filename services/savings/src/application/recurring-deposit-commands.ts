import { todayInKolkata, ValidationError, type CommandAccepted, type CommandContext } from '@samabay/domain-kit';
import type { RecurringDepositEvent } from '../domain/recurring/recurring-deposit-events';
import { requirePositivePaise } from '../domain/shared/amounts';
import { requireMemberNo } from '../domain/shared/member-number';
import { openUnderFreeSerial } from './account-serials';
import { standingOf, type MemberStandingSource } from './member-standings';
import { balanceAfter, requireKind, type SavingsExecutor } from './savings-executor';
import type { AccountCashInput, CloseRecurringDepositInput, OpenRecurringDepositInput } from './savings-inputs';

/** An accepted Recurring Deposit command: the handler's answer, the account and the deposit balance it left (paise). */
export type RecurringDepositAccepted = CommandAccepted<RecurringDepositEvent> & { readonly accountId: string; readonly balancePaise: number | null };

/** What the Recurring Deposit commands need. */
export interface RecurringDepositCommandDeps {
  readonly executor: SavingsExecutor;
  readonly standings: MemberStandingSource;
  readonly catchUp: () => Promise<void>;
  readonly clock: () => Date;
}

/**
 * Recurring Deposits (issue 4 item 3): open for an active member with the first instalment, pay the
 * next instalment (exactly the instalment amount), pay fines, close prematurely or at maturity.
 * Rejections are the decider's typed errors plus MEMBER_NOT_FOUND, NOT_A_RECURRING_DEPOSIT, INVALID_CLOSURE.
 */
export class RecurringDepositCommands {
  constructor(private readonly deps: RecurringDepositCommandDeps) {}

  /** Opens the deposit (next free RD serial unless `accountId` is given) with the terms in force on the business date. */
  async openRecurringDeposit(input: OpenRecurringDepositInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    const memberNo = requireMemberNo(input.memberNo);
    const instalmentPaise = requirePositivePaise(input.instalmentPaise, 'instalmentPaise');
    if (input.accountId) requireKind(input.accountId, ['RD'], 'ACCOUNT_ID_MISMATCH', 'an RD account of the member');
    const memberStatus = await standingOf(this.deps.standings, memberNo, this.deps.catchUp, true);
    const today = this.today();
    const payloadForHash = { memberNo, instalmentPaise, tenureYears: input.tenureYears, accountId: input.accountId ?? null, businessDate: context.businessDate };
    const accepted = await openUnderFreeSerial(memberNo, 'RD', input.accountId, (accountId) =>
      this.deps.executor.onRecurringDeposit(
        { type: 'OpenRecurringDeposit', accountId, memberNo, memberStatus, instalmentPaise, tenureYears: input.tenureYears, businessDate: context.businessDate, today },
        context,
        { payloadForHash },
      ),
    );
    return { ...accepted, balancePaise: balanceAfter(accepted) };
  }

  /** Pays the next instalment (arrears first). */
  async payInstalment(input: AccountCashInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    const amountPaise = requirePositivePaise(input.amountPaise);
    return this.run(input.accountId, { type: 'PayInstalment', accountId: input.accountId, memberNo: input.memberNo, amountPaise, ...this.dated(context) }, context);
  }

  /** Pays fines outstanding (at most what is owed). */
  async payFine(input: AccountCashInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    const amountPaise = requirePositivePaise(input.amountPaise);
    return this.run(input.accountId, { type: 'PayFine', accountId: input.accountId, memberNo: input.memberNo, amountPaise, ...this.dated(context) }, context);
  }

  /** Closes the deposit: PREMATURE (held period's rate minus the penalty) or MATURITY (the table's value). */
  async closeRecurringDeposit(input: CloseRecurringDepositInput, context: CommandContext): Promise<RecurringDepositAccepted> {
    if (input.closure !== 'PREMATURE' && input.closure !== 'MATURITY') throw new ValidationError('closure', 'closure must be PREMATURE or MATURITY', 'INVALID_CLOSURE');
    const type = input.closure === 'PREMATURE' ? 'ClosePrematurely' : 'CloseAtMaturity';
    return this.run(input.accountId, { type, accountId: input.accountId, memberNo: input.memberNo, ...this.dated(context) }, context);
  }

  private async run(accountId: string, command: Parameters<SavingsExecutor['onRecurringDeposit']>[0], context: CommandContext): Promise<RecurringDepositAccepted> {
    const accepted = await this.deps.executor.onRecurringDeposit(command, context);
    return { ...accepted, accountId, balancePaise: balanceAfter(accepted) };
  }

  private dated(context: CommandContext): { businessDate: string; today: string } {
    return { businessDate: context.businessDate, today: this.today() };
  }

  private today(): string {
    return todayInKolkata(this.deps.clock);
  }
}
