import type { CommandContext, CommandHandler, IsoDate } from '@samabay/domain-kit';
import type { Projection } from '@samabay/projections';
import type { SqlDatabase } from '@samabay/sql';
import { createLoanDecider } from '../domain/loan/loan-decider';
import type { LoanProducts } from '../domain/product/loan-product';
import { loanProductsOn, type LoanProductOffer } from '../domain/product/products-on';
import { BorrowerFactsProjection } from '../infrastructure/borrower-facts-projection';
import { LoanAccountProjection } from '../infrastructure/loan-account-projection';
import { LoanDayEndProjection } from '../infrastructure/loan-day-end-projection';
import { DEFAULT_LENDING_READ_MODEL_SCHEMA } from '../infrastructure/read-model-schema';
import { SqlLendingReader, type LendingReader } from '../infrastructure/sql-lending-reader';
import { LendingCommandService, type LendingCommands } from './lending-commands';
import type { ReadModelsCaughtUp } from './lending-ports';
import { LoanDayEndService, type LoanDayEndOutcome } from './loan-day-end';

/** What {@link createLending} needs. */
export interface LendingOptions {
  /** The shared command handler (idempotency, expected revision, retries). */
  readonly handler: CommandHandler;
  /** The database of the read models (projections write it in the runner's transactions; the reader reads it). */
  readonly db: SqlDatabase;
  /** Effective-dated loan products (see defaultLoanProducts). */
  readonly products: LoanProducts;
  /** Wall clock; only used for "today" (Asia/Kolkata), so that a business date in the future is refused. Default: system clock. */
  readonly clock?: () => Date;
  /** Schema of the read-model tables. Default 'lending_rm'. */
  readonly readModelSchema?: string;
  /**
   * Awaited before eligibility facts and the loans of a day-end are read (see ReadModelsCaughtUp). The
   * platform waits for its projection runner to reach the store's head. Default: no wait.
   */
  readonly readModelsCaughtUp?: ReadModelsCaughtUp;
}

/** The lending service: its commands, its day-end, its read-model queries and the projections that feed them. */
export interface Lending {
  readonly commands: LendingCommands;
  /** Ages every open loan of a branch through the context's business date (see LoanDayEndService). */
  runDayEnd(input: { readonly branchCode: string }, context: CommandContext): Promise<LoanDayEndOutcome>;
  readonly reader: LendingReader;
  /** Loan accounts, borrower facts (membership and savings events) and day-end progress, for the ProjectionRunner. */
  readonly projections: Projection[];
  /** The loan products offered on `date`, each with the terms then in force (configuration, not a read model). */
  productsOn(date: IsoDate): LoanProductOffer[];
}

/**
 * Composes the lending service (issue 5 items 2, 4, 5). No I/O happens here: the projections create
 * their tables when the runner sets them up. Throws Error for an invalid `readModelSchema`.
 */
export function createLending(options: LendingOptions): Lending {
  const schema = options.readModelSchema ?? DEFAULT_LENDING_READ_MODEL_SCHEMA;
  const clock = options.clock ?? (() => new Date());
  const readModelsCaughtUp = options.readModelsCaughtUp ?? (async () => undefined);
  const reader = new SqlLendingReader(options.db, schema);
  const commands = new LendingCommandService({ handler: options.handler, products: options.products, clock, borrowerFacts: reader, readModelsCaughtUp });
  const dayEnd = new LoanDayEndService({ handler: options.handler, loanDecider: createLoanDecider(options.products), source: reader, readModelsCaughtUp, clock });
  return {
    commands,
    runDayEnd: (input, context) => dayEnd.runDayEnd(input, context),
    reader,
    projections: [new LoanAccountProjection(schema), new BorrowerFactsProjection(schema), new LoanDayEndProjection(schema)],
    productsOn: (date) => loanProductsOn(options.products, date),
  };
}
