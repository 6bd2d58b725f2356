import { randomUUID } from 'node:crypto';
import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, type CommandContext, type StaffRole } from '@samabay/domain-kit';
import type { RecordedEvent } from '@samabay/event-store';
import type { SqlDatabase } from '@samabay/sql';
import { createLending, type Lending } from '../application/create-lending';
import type { LoanProducts } from '../domain/product/loan-product';
import { TEST_PRODUCTS } from './loan-fixtures';

/** Synthetic staff of branch SNG as the gateway would pass them (from the token). */
export const STAFF = {
  teller: { userId: 'staff-teller-01', role: 'teller', branchCode: 'SNG' },
  manager: { userId: 'staff-manager-01', role: 'branch_manager', branchCode: 'SNG' },
  secondManager: { userId: 'staff-manager-02', role: 'branch_manager', branchCode: 'SNG' },
  headOffice: { userId: 'staff-ho-01', role: 'head_office', branchCode: 'SNG' },
} as const satisfies Record<string, { userId: string; role: StaffRole; branchCode: string }>;

let schemaCounter = 0;
let keyCounter = 0;

/**
 * A lending service on an in-memory event store and command handler, with its projections on their own
 * schema of `db`; `readModelsCaughtUp` projects every event not projected yet, so the service sees its
 * writes as the platform's would after the runner caught up. Membership and savings are stood in for by
 * appending their events (the shapes lending consumes) straight to the store.
 */
export async function lendingScenario(db: SqlDatabase, options: { products?: LoanProducts; today?: string } = {}) {
  const schema = `lending_rm_spec_${randomUUID().slice(0, 8)}_${++schemaCounter}`;
  const store = new InMemoryEventStore();
  const clock = (): Date => new Date(`${options.today ?? '2024-12-31'}T06:00:00Z`);
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock });
  let projected = 0;
  let lending: Lending | undefined;
  const catchUp = async (): Promise<void> => {
    const events = await store.readAll();
    const fresh = events.slice(projected);
    projected = events.length;
    await db.transaction(async (tx) => {
      for (const event of fresh) for (const projection of lending!.projections) await projection.apply(event, tx);
    });
  };
  lending = createLending({ handler, db, products: options.products ?? TEST_PRODUCTS, clock, readModelSchema: schema, readModelsCaughtUp: catchUp });
  await db.transaction(async (tx) => {
    for (const projection of lending!.projections) await projection.setup(tx);
  });
  const context = (businessDate: string, actor: CommandContext['actor'] = STAFF.teller, idempotencyKey = `lending-spec-${++keyCounter}`): CommandContext => ({
    idempotencyKey,
    businessDate,
    actor,
  });
  const appendForeign = async (streamId: string, type: string, data: Record<string, unknown>): Promise<void> => {
    await store.appendToStream(streamId, [{ id: randomUUID(), type, data, metadata: {} }], { expectedRevision: 'any' });
  };
  return {
    schema,
    store,
    handler,
    lending,
    context,
    catchUp,
    eventCount: async (): Promise<number> => (await store.readAll()).length,
    /** Every event of the store (for recomputations). */
    allEvents: (): Promise<RecordedEvent[]> => store.readAll(),
    /** Membership's MemberAdmitted as lending reads it. */
    admit: (memberNo: string, admissionDate: string) => appendForeign(`member-${memberNo}`, 'MemberAdmitted', { memberNo, branchCode: memberNo.slice(0, 3), admissionDate, shares: 1 }),
    /** Membership's MemberExited. */
    exit: (memberNo: string, exitDate: string) => appendForeign(`member-${memberNo}`, 'MemberExited', { memberNo, exitDate }),
    /** A savings deposit leaving `balancePaise` on the member's Savings Deposit account 01. */
    saveBalance: (memberNo: string, balancePaise: number, businessDate = '2024-01-01') =>
      appendForeign(`savingsAccount-${memberNo}-SD-01`, 'DepositRecorded', { accountId: `${memberNo}-SD-01`, businessDate, amountPaise: balancePaise, balancePaise }),
  };
}

/** One scenario's handle (see {@link lendingScenario}). */
export type LendingScenario = Awaited<ReturnType<typeof lendingScenario>>;
