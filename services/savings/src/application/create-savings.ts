import type { CommandHandler, EffectiveDated } from '@samabay/domain-kit';
import type { CashDepositLimitTerms } from '../domain/products/cash-deposit-limit-terms';
import type { WithdrawalApprovalTerms } from '../domain/products/withdrawal-approval-terms';
import type { Projection } from '@samabay/projections';
import type { SqlDatabase } from '@samabay/sql';
import type { SavingsProducts } from '../domain/products/savings-products';
import { SavingsAccountProjection } from '../infrastructure/account-projection';
import { defaultCashDepositLimit } from '../infrastructure/cash-deposit-limit-config';
import { CollectionProjection } from '../infrastructure/collection-projection';
import { DayEndProjection } from '../infrastructure/day-end-projection';
import { MemberStandingProjection } from '../infrastructure/member-standing-projection';
import { PassbookProjection } from '../infrastructure/passbook-projection';
import { DEFAULT_READ_MODEL_SCHEMA } from '../infrastructure/read-model-schema';
import { SqlSavingsReader, type SavingsReader } from '../infrastructure/savings-reader';
import { SavingsCommandService, type SavingsCommands } from './savings-commands';

/** What {@link createSavings} needs. */
export interface SavingsOptions {
  /** The shared command handler (idempotency, expected revision, retries, hot cache). */
  readonly handler: CommandHandler;
  /** The database of the read models (the projections write it inside the runner's transactions). */
  readonly db: SqlDatabase;
  /** Effective-dated product configuration (see defaultSavingsProducts). */
  readonly products: SavingsProducts;
  /** Wall clock; only used for "today" (Asia/Kolkata), to reject a business date in the future. Default: system clock. */
  readonly clock?: () => Date;
  /** Schema of the read-model tables. Default 'savings_rm'. */
  readonly readModelSchema?: string;
  /**
   * Waits until the read models include every event written so far (the platform: the projection
   * runner reaching the store's head). Used before the day-end lists accounts, and when a member is
   * not (yet) in savings' copy of member statuses. Default: does not wait.
   */
  readonly readModelsCaughtUp?: () => Promise<void>;
  /** Full-size account batches in flight at once during day-end. Default 4. */
  readonly dayEndConcurrency?: number;
  /** Maker–checker limit of withdrawals (see defaultWithdrawalApproval). Default: no limit. */
  readonly withdrawalApproval?: EffectiveDated<WithdrawalApprovalTerms>;
  /** Per-transaction limit of cash deposits (see defaultCashDepositLimit). Default: the shipped configuration file. */
  readonly cashDepositLimit?: EffectiveDated<CashDepositLimitTerms>;
  /** Accounts per day-end batch (one atomic multi-stream append each). Default 500. */
  readonly dayEndBatchSize?: number;
}

/** The savings service: its commands, its read-model queries and the projections that feed them. */
export interface Savings {
  readonly commands: SavingsCommands;
  readonly reader: SavingsReader;
  /** Member standing, accounts, passbook, collections and day-end checkpoints, for the ProjectionRunner. */
  readonly projections: Projection[];
}

/**
 * Composes the savings service (issue 4). No I/O happens here: the projections create their tables
 * when the runner sets them up (the default cash deposit limit is read from its configuration file).
 * Throws Error for an invalid `readModelSchema` or configuration.
 */
export function createSavings(options: SavingsOptions): Savings {
  const schema = options.readModelSchema ?? DEFAULT_READ_MODEL_SCHEMA;
  const reader = new SqlSavingsReader(options.db, schema);
  const commands = new SavingsCommandService({
    handler: options.handler,
    products: options.products,
    reader,
    clock: options.clock ?? (() => new Date()),
    catchUp: options.readModelsCaughtUp ?? (async () => undefined),
    dayEndConcurrency: options.dayEndConcurrency ?? 4,
    withdrawalApproval: options.withdrawalApproval,
    cashDepositLimit: options.cashDepositLimit ?? defaultCashDepositLimit(),
    dayEndBatchSize: options.dayEndBatchSize,
  });
  return {
    commands,
    reader,
    projections: [
      new MemberStandingProjection(schema),
      new SavingsAccountProjection(schema),
      new PassbookProjection(schema),
      new CollectionProjection(schema),
      new DayEndProjection(schema),
    ],
  };
}
