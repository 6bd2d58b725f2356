import { CommandHandler, InMemoryEventStore, InMemoryIdempotencyStore, type CommandContext } from '@samabay/domain-kit';
import { EventStoreUnavailableError, type AppendOptions, type EventData } from '@samabay/event-store';
import { TEST_PRODUCTS } from '../domain/testing/savings-test-products';
import type { MonthlyIncomeDepositRow } from '../infrastructure/monthly-income-reader';
import { payMonthlyIncomeDue } from './monthly-income-payouts';
import { SavingsExecutor } from './savings-executor';
import { TermDepositCommands } from './term-deposit-commands';

const MEMBER = 'SNG-000123';
const SD = 'SNG-000123-SD-01';
const MI = 'SNG-000123-MI-01';
const FD = 'SNG-000123-FD-01';
const clock = (): Date => new Date('2025-06-30T06:00:00Z');
const actor = { userId: 'teller-1', role: 'teller', branchCode: 'SNG' } as const;
const context = (idempotencyKey: string, businessDate = '2025-01-31'): CommandContext => ({ idempotencyKey, businessDate, actor });

/** An in-memory store that fails the next append to one stream, as if the process died before it. */
class CrashingStore extends InMemoryEventStore {
  private failNext: string | null = null;

  crashBeforeAppendTo(streamId: string): void {
    this.failNext = streamId;
  }

  override async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions) {
    if (this.failNext === streamId) {
      this.failNext = null;
      throw new EventStoreUnavailableError('crashed');
    }
    return super.appendToStream(streamId, events, options);
  }
}

async function setUp() {
  const store = new CrashingStore();
  const executor = new SavingsExecutor(new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock }), TEST_PRODUCTS);
  await executor.onSavingsAccount({ type: 'OpenAccount', accountId: SD, memberNo: MEMBER, product: 'SAVINGS_DEPOSIT', memberStatus: 'ACTIVE', origin: 'COUNTER', businessDate: '2025-01-02', today: '2025-06-30' }, context('open-sd-0001', '2025-01-02'));
  const streamOf = async (accountId: string) => (await store.readStream(`savingsAccount-${accountId}`)).map((event) => ({ type: event.type, data: event.data as Record<string, unknown> }));
  const balance = async (accountId: string): Promise<number> => (await streamOf(accountId)).reduce((last, event) => (typeof event.data.balancePaise === 'number' ? event.data.balancePaise : last), 0);
  const terms = new TermDepositCommands({
    executor,
    standings: { memberStanding: async () => ({ status: 'ACTIVE', branchCode: 'SNG', origin: 'ADMITTED' }) },
    accounts: { findAccount: async (accountId) => ((await streamOf(accountId)).length > 0 ? ({ status: 'ACTIVE' } as never) : null) },
    catchUp: async () => undefined,
    clock,
  });
  return { store, executor, terms, streamOf, balance };
}

describe('Monthly Income Scheme payouts (a day-end step over two streams)', () => {
  async function withDeposit() {
    const world = await setUp();
    await world.terms.openMonthlyIncomeDeposit({ memberNo: MEMBER, principalPaise: 10_000_000, tenureMonths: 36, payoutAccountId: SD }, context('open-mi-0001'));
    /** The read model's row as it would stand: months paid counted from the deposit's stream. */
    const deposits = {
      openMonthlyIncomeDeposits: async (): Promise<MonthlyIncomeDepositRow[]> => {
        const paid = (await world.streamOf(MI)).filter((event) => event.type === 'MonthlyIncomePaid').length;
        return [{ accountId: MI, memberNo: MEMBER, openedOn: '2025-01-31', tenureMonths: 36, incomeMonthsPaid: paid, monthlyIncomePaise: 62_500, payoutAccountId: SD }];
      },
    };
    const run = (businessDate: string, key = `run-${businessDate}`) =>
      payMonthlyIncomeDue({ executor: world.executor, deposits, catchUp: async () => undefined, clock }, { branchCode: 'SNG', businessDate }, context(key, businessDate));
    return { ...world, run };
  }

  it('pays each month due once, dated its due date, and a second run changes nothing', async () => {
    const { run, streamOf, balance } = await withDeposit();
    expect(await run('2025-04-30')).toMatchObject({ monthsPaid: 3, eventsAppended: 6, failures: [] });
    const credits = (await streamOf(SD)).filter((event) => event.type === 'DepositProceedsCredited').map((event) => [event.data.reference, event.data.businessDate]);
    expect(credits).toEqual([
      ['income-1', '2025-02-28'],
      ['income-2', '2025-03-31'],
      ['income-3', '2025-04-30'],
    ]);
    expect(await run('2025-04-30', 'another-run')).toMatchObject({ eventsAppended: 0, failures: [] });
    expect(await balance(SD)).toBe(3 * 62_500);
  });

  it('finishes a month whose credit a crash interrupted, without crediting twice', async () => {
    const { run, store, streamOf, balance } = await withDeposit();
    await run('2025-02-28');
    store.crashBeforeAppendTo(`savingsAccount-${SD}`);
    await expect(run('2025-03-31')).rejects.toThrow(EventStoreUnavailableError);
    expect((await streamOf(MI)).filter((event) => event.type === 'MonthlyIncomePaid')).toHaveLength(2);
    expect(await balance(SD)).toBe(62_500);
    const resumed = await run('2025-03-31');
    expect(resumed).toMatchObject({ eventsAppended: 1, failures: [] });
    expect(await balance(SD)).toBe(2 * 62_500);
    expect((await streamOf(SD)).filter((event) => event.type === 'DepositProceedsCredited')).toHaveLength(2);
  });
});

describe('term-deposit closure paid into the savings account', () => {
  it('closes the FD and credits the proceeds once; a repeat after a crash in between finishes the credit', async () => {
    const { terms, store, streamOf, balance } = await setUp();
    await terms.openFixedDeposit({ memberNo: MEMBER, principalPaise: 1_000_000, tenureMonths: 12 }, context('open-fd-0001', '2025-01-02'));
    const close = () => terms.closeFixedDeposit({ accountId: FD, memberNo: MEMBER, closure: 'PREMATURE', payout: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: SD } }, context('close-fd-0001', '2025-06-02'));
    store.crashBeforeAppendTo(`savingsAccount-${SD}`);
    await expect(close()).rejects.toThrow(EventStoreUnavailableError);
    expect((await streamOf(FD)).map((event) => event.type)).toEqual(['FixedDepositOpened', 'FixedDepositClosedPrematurely']);
    const done = await close();
    expect(done.replayed).toBe(true);
    expect(done.proceedsCredit).toMatchObject({ replayed: false, accountId: SD });
    const payout = (await streamOf(FD))[1].data.payoutPaise as number;
    expect(await balance(SD)).toBe(payout);
    expect((await close()).proceedsCredit).toMatchObject({ replayed: true });
    expect(await balance(SD)).toBe(payout);
  });

  it('refuses a payout account that is not open before closing anything', async () => {
    const { terms, streamOf } = await setUp();
    await terms.openFixedDeposit({ memberNo: MEMBER, principalPaise: 1_000_000, tenureMonths: 12 }, context('open-fd-0001', '2025-01-02'));
    await expect(
      terms.closeFixedDeposit({ accountId: FD, memberNo: MEMBER, closure: 'PREMATURE', payout: { kind: 'SAVINGS_ACCOUNT', savingsAccountId: 'SNG-000123-TF-01' } }, context('close-fd-0001', '2025-06-02')),
    ).rejects.toMatchObject({ code: 'PAYOUT_ACCOUNT_NOT_OPEN', field: 'payout.savingsAccountId' });
    expect((await streamOf(FD)).map((event) => event.type)).toEqual(['FixedDepositOpened']);
  });
});
