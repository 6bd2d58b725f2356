import { CommandHandler, fold, InMemoryEventStore, InMemoryIdempotencyStore, InMemorySnapshotStore, type CommandContext } from '@samabay/domain-kit';
import { createSavingsAccountDecider } from '../domain/account/savings-account-decider';
import type { SavingsAccountEvent } from '../domain/account/savings-account-events';
import { TEST_PRODUCTS } from '../domain/testing/savings-test-products';
import { SAVINGS_ACCOUNT_SNAPSHOT_VERSION, SavingsExecutor } from './savings-executor';

// Snapshots of savings accounts (DESIGN §4) must hold exactly the state a replay builds: the state
// goes through JSON, so anything JSON cannot carry (Map, Date, undefined in arrays) would show here.
const MEMBER = 'SNG-000123';
const SD = 'SNG-000123-SD-01';
const STREAM = `savingsAccount-${SD}`;
const actor = { userId: 'teller-1', role: 'teller', branchCode: 'SNG' } as const;

describe('savings account snapshots', () => {
  it('save, every N events, the state a replay of the stream builds, and a cold handler continues from them', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    const handlerWith = () => new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock: () => new Date('2026-12-31T06:00:00Z'), snapshots: { store: snapshots, every: 20 } });
    const handler = handlerWith();
    const executor = new SavingsExecutor(handler, TEST_PRODUCTS);
    let serial = 0;
    const context = (businessDate: string): CommandContext => ({ idempotencyKey: `snapshot-spec-${++serial}`, businessDate, actor });
    const dated = (businessDate: string) => ({ accountId: SD, memberNo: MEMBER, businessDate, today: businessDate });
    await executor.onSavingsAccount({ type: 'OpenAccount', ...dated('2025-04-01'), product: 'SAVINGS_DEPOSIT', memberStatus: 'ACTIVE', origin: 'COUNTER' }, context('2025-04-01'));
    for (let month = 4; month <= 12; month += 1) {
      for (let day = 1; day <= 25; day += 3) {
        const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        await executor.onSavingsAccount({ type: 'Deposit', ...dated(date), amountPaise: 150_000 + day }, context(date));
        if (day % 2 === 0) await executor.onSavingsAccount({ type: 'Withdraw', ...dated(date), amountPaise: 40_000 }, context(date));
      }
      const monthEnd = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
      await executor.onSavingsAccount({ type: 'CloseBusinessDay', accountId: SD, businessDate: monthEnd, today: monthEnd }, context(monthEnd));
    }
    await handler.flushSnapshots();

    const snapshot = (await snapshots.latest([STREAM], SAVINGS_ACCOUNT_SNAPSHOT_VERSION)).get(STREAM);
    expect(snapshot).toBeDefined();
    expect(snapshots.saves).toBeGreaterThanOrEqual(3);
    const events = (await store.readStream(STREAM)).map((event) => ({ type: event.type, data: event.data }) as SavingsAccountEvent);
    const replayed = fold(createSavingsAccountDecider(TEST_PRODUCTS), events.slice(0, snapshot!.revision + 1));
    expect(snapshot!.state).toEqual(replayed);

    // A cold handler starts from the snapshot and decides exactly as the warm one would.
    const reads = jest.spyOn(store, 'readStream');
    const cold = new SavingsExecutor(handlerWith(), TEST_PRODUCTS);
    const deposit = await cold.onSavingsAccount({ type: 'Deposit', ...dated('2026-01-05'), amountPaise: 1_000 }, context('2026-01-05'));
    expect(reads.mock.calls[0][1]?.fromRevision).toBe(snapshot!.revision + 1);
    const balance = fold(createSavingsAccountDecider(TEST_PRODUCTS), events)?.balancePaise ?? 0;
    expect(deposit.events[0].data).toMatchObject({ amountPaise: 1_000, balancePaise: balance + 1_000 });
  });
});
