import { todayInKolkata, type CommandContext, type EffectiveDated } from '@samabay/domain-kit';
import { requireCashDepositWithinLimit, type CashDepositLimitTerms } from '../domain/products/cash-deposit-limit-terms';
import { requireNonNegativePaise, requirePositivePaise } from '../domain/shared/amounts';
import type { AccountCommandAccepted } from './account-commands';
import { balanceAfter, type SavingsExecutor } from './savings-executor';
import type { RecordCollectionInput, SettleCollectionInput } from './savings-inputs';

/**
 * Door-step collection (issue 4 item 4): an agent's collection is recorded as pending (nothing posted);
 * the branch then verifies it against the cash (the deposit is posted, once) or disputes it (nothing
 * posted, the difference flagged on the agent's sheet). Rejections: the decider's typed errors
 * (DUPLICATE_COLLECTION, COLLECTION_NOT_FOUND, COLLECTION_ALREADY_SETTLED, COLLECTION_AMOUNT_MISMATCH, …).
 */
export class CollectionCommands {
  constructor(
    private readonly executor: SavingsExecutor,
    private readonly clock: () => Date,
    private readonly cashDepositLimit: EffectiveDated<CashDepositLimitTerms>,
  ) {}

  /**
   * Records a collection; `balancePaise` is null (nothing is posted yet). Door-step cash is a cash
   * deposit: above the per-transaction limit it is refused (DEPOSIT_ABOVE_LIMIT, field amountPaise).
   */
  async recordCollection(input: RecordCollectionInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const amountPaise = requireCashDepositWithinLimit(this.cashDepositLimit, context.businessDate, requirePositivePaise(input.amountPaise));
    const { accountId, memberNo, collectionId, agentId } = input;
    const accepted = await this.executor.onSavingsAccount({ type: 'RecordCollection', accountId, memberNo, collectionId, agentId, amountPaise, ...this.dated(context) }, context);
    return { ...accepted, accountId, balancePaise: null };
  }

  /** Verifies a pending collection whose cash agrees: posts the deposit. */
  async verifyCollection(input: SettleCollectionInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const countedPaise = requireNonNegativePaise(input.countedPaise, 'countedPaise');
    const { accountId, collectionId } = input;
    const accepted = await this.executor.onSavingsAccount({ type: 'VerifyCollection', accountId, collectionId, countedPaise, ...this.dated(context) }, context);
    return { ...accepted, accountId, balancePaise: balanceAfter(accepted) };
  }

  /** Disputes a pending collection whose cash differs: posts nothing. */
  async disputeCollection(input: SettleCollectionInput, context: CommandContext): Promise<AccountCommandAccepted> {
    const countedPaise = requireNonNegativePaise(input.countedPaise, 'countedPaise');
    const { accountId, collectionId } = input;
    const accepted = await this.executor.onSavingsAccount({ type: 'DisputeCollection', accountId, collectionId, countedPaise, ...this.dated(context) }, context);
    return { ...accepted, accountId, balancePaise: null };
  }

  private dated(context: CommandContext): { businessDate: string; today: string } {
    return { businessDate: context.businessDate, today: todayInKolkata(this.clock) };
  }
}
