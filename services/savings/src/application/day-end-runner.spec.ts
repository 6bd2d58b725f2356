import { CommandHandler, DomainError, InMemoryEventStore, InMemoryIdempotencyStore, type CommandContext, type IsoDate } from '@samabay/domain-kit';
import type { DayEndCandidate } from '../infrastructure/account-reader';
import { TEST_PRODUCTS } from '../domain/testing/savings-test-products';
import { runDayEnd, type DayEndDeps } from './day-end-runner';
import { SavingsExecutor } from './savings-executor';

// The day-end runner on the command batch path, with an in-memory store and a stand-in for the read
// model (the e2e suite runs it on the whole platform).
const actor = { userId: 'ops-1', role: 'head_office', branchCode: 'SNG' } as const;
const clock = (): Date => new Date('2026-04-02T06:00:00Z');
const ACCOUNTS = ['SNG-000101-SD-01', 'SNG-000102-TF-01', 'SNG-000103-SD-01', 'SNG-000104-SD-01', 'SNG-000105-TF-01'];
const NEVER_OPENED = 'SNG-000100-SD-01';

async function setUp() {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock });
  const executor = new SavingsExecutor(handler, TEST_PRODUCTS);
  for (const [index, accountId] of ACCOUNTS.entries()) {
    const dated = { accountId, memberNo: accountId.slice(0, 10), businessDate: '2026-03-01', today: '2026-03-01' };
    const product = accountId.includes('-TF-') ? 'THRIFT_FUND' : 'SAVINGS_DEPOSIT';
    await executor.onSavingsAccount({ type: 'OpenAccount', ...dated, product, memberStatus: 'ACTIVE', origin: 'COUNTER' }, context(`open-${accountId}`, '2026-03-01'));
    await executor.onSavingsAccount({ type: 'Deposit', ...dated, amountPaise: 1_000_000 + index }, context(`deposit-${accountId}`, '2026-03-01'));
  }
  let closedThrough: IsoDate | null = null;
  const candidates: DayEndCandidate[] = [ACCOUNTS[0], NEVER_OPENED, ...ACCOUNTS.slice(1)].map((accountId) => ({
    accountId,
    product: accountId.includes('-TF-') ? 'THRIFT_FUND' : 'SAVINGS_DEPOSIT',
    lastCustomerActivityOn: '2026-03-01',
  }));
  const deps: DayEndDeps = {
    executor,
    reader: {
      lastClosedDay: async () => closedThrough,
      dayEndCandidates: async () => candidates,
    },
    products: TEST_PRODUCTS,
    catchUp: async () => undefined,
    clock,
    concurrency: 2,
    batchSize: 2,
  };
  const run = async (businessDate: IsoDate) => {
    const outcome = await runDayEnd(deps, { branchCode: 'SNG', businessDate }, context(`day-end-${businessDate}`, businessDate));
    closedThrough = outcome.closedThrough;
    return outcome;
  };
  return { store, candidates, run };
}

function context(idempotencyKey: string, businessDate: string): CommandContext {
  return { idempotencyKey, businessDate, actor };
}

describe('runDayEnd on the command batch path', () => {
  it('appends every other account of a batch when one is rejected, keeps the day open, and finishes it on a re-run', async () => {
    const { store, candidates, run } = await setUp();
    const failed = run('2026-03-31');
    await expect(failed).rejects.toBeInstanceOf(DomainError);
    await expect(failed).rejects.toMatchObject({ code: 'DAY_END_INCOMPLETE', details: { failedAccounts: 1, firstAccountId: NEVER_OPENED } });
    // Batches of 1, then 2: the never-opened account shares its batch with the second account, which was appended.
    for (const accountId of ACCOUNTS) {
      expect((await store.readStream(`savingsAccount-${accountId}`)).map((event) => event.type)).toContain('InterestAccrued');
    }
    expect(await store.readStream(`savingsAccount-${NEVER_OPENED}`)).toEqual([]);
    expect(await store.readStream('savingsDayEnd-SNG')).toEqual([]);

    candidates.splice(1, 1);
    const before = (await store.readAll()).length;
    const rerun = await run('2026-03-31');
    expect(rerun).toMatchObject({ datesClosed: ['2026-03-31'], accountsClosed: ACCOUNTS.length });
    // Only the branch's checkpoint is new: every account's day-end was replayed.
    expect((await store.readAll()).length).toBe(before + rerun.eventsAppended);
    expect(await store.readStream('savingsDayEnd-SNG')).toHaveLength(1);

    const again = await run('2026-03-31');
    expect(again).toMatchObject({ datesClosed: [], eventsAppended: 0, position: null });
  });

  it('catches up missed days in order, each account once per day', async () => {
    const { store, candidates, run } = await setUp();
    candidates.splice(1, 1);
    await run('2026-03-31');
    const outcome = await run('2026-04-02');
    expect(outcome.datesClosed).toEqual(['2026-04-01', '2026-04-02']);
    const days = (await store.readStream('savingsDayEnd-SNG')).map((event) => (event.data as { businessDate: string }).businessDate);
    expect(days).toEqual(['2026-03-31', '2026-04-01', '2026-04-02']);
  });
});
