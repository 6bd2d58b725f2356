import { createSqlIdempotencyStore } from '@samabay/command-stores';
import { CommandHandler } from '@samabay/domain-kit';
import { createSqlEventStore } from '@samabay/event-store';
import { createLending, defaultLoanProducts } from '@samabay/lending';
import type { Projection } from '@samabay/projections';
import { createSavings, defaultSavingsProducts } from '@samabay/savings';
import type { SqlDatabase } from '@samabay/sql';

/**
 * The savings and lending projections, taken from the services' own factories (createSavings,
 * createLending) exactly as the single-node platform composes them, so the projector never keeps a
 * second list that could drift. The command side built alongside stays unused: the projector
 * appends nothing. Creates the event-store and idempotency tables if absent (idempotent DDL).
 */
export async function savingsAndLendingProjections(db: SqlDatabase, eventStoreSchema: string): Promise<{ savings: Projection[]; lending: Projection[] }> {
  const store = await createSqlEventStore({ db, schema: eventStoreSchema });
  const clock = (): Date => new Date();
  const handler = new CommandHandler({ store, idempotency: await createSqlIdempotencyStore({ db }), clock });
  return {
    savings: createSavings({ handler, db, products: defaultSavingsProducts(), clock }).projections,
    lending: createLending({ handler, db, products: defaultLoanProducts(), clock }).projections,
  };
}
