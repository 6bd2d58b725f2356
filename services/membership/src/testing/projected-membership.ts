import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, type CommandContext } from '@samabay/domain-kit';
import type { SqlDatabase } from '@samabay/sql';
import { createMembership, type Membership } from '../application/create-membership';
import { DEFAULT_BRANCHES } from '../application/default-branches';
import type { MembershipProducts } from '../domain/membership-products';
import { InMemoryPersonalDataVault } from './in-memory-personal-data-vault';

/** Published admission terms (Rs 5 fee + Rs 10 a share) with a minimum age of 18, for tests. */
export const TEST_MEMBERSHIP_PRODUCTS: MembershipProducts = [
  { effectiveFrom: '1995-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10_000, minimumAgeYears: 18 } },
];

/**
 * Membership over an in-memory store with its projections applied on `db` (read models in
 * `readModelSchema`) whenever the application asks for its read models to catch up, and the default
 * branches open. Other services are stood in for by appending their events to `store`.
 */
export async function projectedMembership(options: {
  readonly db: SqlDatabase;
  readonly clock: () => Date;
  readonly readModelSchema: string;
  readonly context: CommandContext;
}): Promise<{ store: InMemoryEventStore; membership: Membership }> {
  const { db, clock, readModelSchema, context } = options;
  const store = new InMemoryEventStore();
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock });
  let projected = 0;
  const catchUp = async (): Promise<void> => {
    const events = await store.readAll();
    const fresh = events.slice(projected);
    projected = events.length;
    await db.transaction(async (tx) => {
      for (const event of fresh) for (const projection of membership.projections) await projection.apply(event, tx);
    });
  };
  const membership = createMembership({ handler, vault: new InMemoryPersonalDataVault(), db, products: TEST_MEMBERSHIP_PRODUCTS, clock, readModelSchema, readModelsCaughtUp: catchUp });
  await db.transaction(async (tx) => {
    for (const projection of membership.projections) await projection.setup(tx);
  });
  await membership.commands.ensureBranches(DEFAULT_BRANCHES, context);
  return { store, membership };
}
